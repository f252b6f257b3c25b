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
  orgResidents: '/packages/org/pages/residents/index',
  partyApplication: '/packages/me/pages/party-application/index',
  residence: '/packages/me/pages/residence/index',
  // 我的数据与隐私 (issue #9)
  myData: '/packages/me/pages/my-data/index',
  // study and points (issue #3)
  studyArticle: '/packages/study/pages/article/index',
  studyVideo: '/packages/study/pages/video/index',
  studyQuiz: '/packages/study/pages/quiz/index',
  studyLibrary: '/packages/study/pages/library/index',
  studyTopicReport: '/packages/study/pages/topic-report/index',
  pointsHistory: '/packages/points/pages/history/index',
  pointsRankings: '/packages/points/pages/rankings/index',
  pointsMall: '/packages/points/pages/mall/index',
  pointsRedemptions: '/packages/points/pages/redemptions/index',
  pointsMallManage: '/packages/points/pages/manage/index',
  pointsRules: '/packages/points/pages/rules/index',
  activityDetail: '/packages/activities/pages/detail/index',
  activitySignUp: '/packages/activities/pages/signup/index',
  myActivities: '/packages/activities/pages/mine/index',
  manageActivities: '/packages/activities/pages/manage/index',
  editActivity: '/packages/activities/pages/edit/index',
  activityRoster: '/packages/activities/pages/roster/index',
  inbox: '/packages/inbox/pages/index/index',
  // dues (issue #7)
  dues: '/packages/dues/pages/index/index',
  duesBoard: '/packages/dues/pages/board/index',
  // family links and acting for others (issue #8)
  family: '/packages/family/pages/index/index',
  // volunteering and mobilisation (issue #6)
  volunteer: '/packages/volunteer/pages/index/index',
  volunteerShift: '/packages/volunteer/pages/shift/index',
  volunteerMine: '/packages/volunteer/pages/mine/index',
  volunteerHours: '/packages/volunteer/pages/hours/index',
  volunteerCertificate: '/packages/volunteer/pages/certificate/index',
  volunteerProfile: '/packages/volunteer/pages/profile/index',
  volunteerCall: '/packages/volunteer/pages/call/index',
  volunteerManage: '/packages/volunteer/pages/manage/index',
  volunteerCampaign: '/packages/volunteer/pages/campaign/index',
  volunteerApprove: '/packages/volunteer/pages/approve/index',
  volunteerLaunch: '/packages/volunteer/pages/launch/index',
  volunteerBoard: '/packages/volunteer/pages/board/index',
  checkInScan: '/packages/checkin/pages/scan/index',
  // complaint channel 举报投诉 (issue #9)
  complaintFile: '/packages/complaints/pages/file/index',
  complaintsMine: '/packages/complaints/pages/mine/index',
  complaintDetail: '/packages/complaints/pages/detail/index',
  complaintsManage: '/packages/complaints/pages/manage/index',
  // audit trail (issue #9)
  auditLog: '/packages/audit/pages/log/index',
  dataAccess: '/packages/audit/pages/data-access/index',
  // grid ledger, visits and warnings (issue #16)
  gridToday: '/packages/grid/pages/today/index',
  gridHouseholds: '/packages/grid/pages/households/index',
  gridHousehold: '/packages/grid/pages/household/index',
  gridVisit: '/packages/grid/pages/visit/index',
  gridWarnings: '/packages/grid/pages/warnings/index',
  gridCorrections: '/packages/grid/pages/corrections/index',
  gridSettings: '/packages/grid/pages/settings/index',
  gridAggregates: '/packages/grid/pages/aggregates/index',
  myFile: '/packages/me/pages/my-file/index',
} as const;

/** Go back if there is somewhere to go back to (a tab opened this page), otherwise home. */
export function leavePage(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: ROUTES.home });
}
