import Taro from '@tarojs/taro';

/** Every page path in one place; tab pages live in the main package, the rest in subpackages. */
export const ROUTES = {
  home: '/pages/home/index',
  study: '/pages/study/index',
  activities: '/pages/activities/index',
  me: '/pages/me/index',
  login: '/packages/auth/pages/login/index',
  privacy: '/packages/auth/pages/privacy/index',
  orgTree: '/packages/org/pages/tree/index',
  orgMembers: '/packages/org/pages/members/index',
  orgApplications: '/packages/org/pages/applications/index',
  partyApplication: '/packages/me/pages/party-application/index',
  residence: '/packages/me/pages/residence/index',
} as const;

/** Go back if there is somewhere to go back to (a tab opened this page), otherwise home. */
export function leavePage(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: ROUTES.home });
}
