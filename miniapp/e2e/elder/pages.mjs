import { api, apiLogin, assert, byTestId } from '../lib/app.mjs';

const HOUR = 3_600_000;

/** An activity of 幸福社区 with room to spare, one per mode, so each mode signs up afresh. */
export async function createActivity(baseUrl, mode) {
  const organiser = await apiLogin(baseUrl, 'grid_worker');
  const me = await api(baseUrl, '/api/me', { token: organiser.accessToken });
  const created = await api(baseUrl, '/api/activities', {
    method: 'POST',
    token: organiser.accessToken,
    body: {
      communityId: me.body.community.id,
      title: mode === 'elder' ? '重阳节健康讲座' : '社区义诊',
      category: 'health',
      place: '幸福社区活动室',
      description: '社区医院的医生讲解冬季防跌倒和血压管理，现场免费测量血压。',
      startsAt: new Date(Date.now() + 30 * HOUR).toISOString(),
      endsAt: new Date(Date.now() + 32 * HOUR).toISOString(),
      capacity: 30,
      maxCompanions: 1,
    },
  });
  assert(created.status === 201, `creating the activity answered ${created.status}: ${created.text}`);
  return created.body.id;
}

/** Turns the persona's saved preference on or off, as the switch would. */
export async function setElderPreference(baseUrl, persona, elderMode) {
  const login = await apiLogin(baseUrl, persona);
  const saved = await api(baseUrl, '/api/me/preferences', { method: 'PATCH', token: login.accessToken, body: { elderMode } });
  assert(saved.status === 200, `PATCH /api/me/preferences for ${persona} answered ${saved.status}: ${saved.text}`);
}

const go = (route) => async ({ page, baseUrl }) => page.goto(`${baseUrl}/#${route}`);
const tap = (testId) => async ({ page }) => byTestId(page, testId).first().click();

/**
 * The main pages, in the order a resident meets them. `persona` logs in first; `modes` limits a step
 * to the mode that has it (elder mode splits sign-up into one decision per screen); `shows` lists the
 * test ids each mode must show (the four tiles, the first-launch offer to a 72-year-old, read-aloud).
 */
export const SCREENS = [
  {
    name: 'home',
    persona: 'elder',
    open: go('/pages/home/index'),
    ready: 'home-greeting',
    shows: { elder: ['tile-activities', 'tile-checkin', 'tile-my-activities', 'tile-grid-worker', 'elder-switch'], normal: ['elder-offer', 'elder-switch'] },
  },
  { name: 'study', persona: 'elder', open: go('/pages/study/index'), ready: 'study-score' },
  { name: 'activities', persona: 'elder', open: go('/pages/activities/index'), ready: 'open-my-activities' },
  {
    name: 'activity-detail',
    persona: 'elder',
    open: async (ctx) => go(`/packages/activities/pages/detail/index?id=${ctx.activityId}`)(ctx),
    ready: 'activity-detail',
    shows: { elder: ['read-aloud', 'elder-signup-start'], normal: ['read-aloud', 'signup-form'] },
  },
  { name: 'signup-confirm', persona: 'elder', modes: ['elder'], open: tap('elder-signup-start'), ready: 'elder-signup-confirm' },
  { name: 'signup-done', persona: 'elder', modes: ['elder'], open: tap('elder-signup-yes'), ready: 'elder-signup-done' },
  { name: 'signup-done', persona: 'elder', modes: ['normal'], open: tap('signup-submit'), ready: 'my-enrollment' },
  { name: 'my-activities', persona: 'elder', open: go('/packages/activities/pages/mine/index'), ready: 'mine-status' },
  { name: 'checkin', persona: 'elder', open: go('/packages/checkin/pages/scan/index'), ready: 'checkin-code-input' },
  { name: 'me', persona: 'elder', open: go('/pages/me/index'), ready: 'me-name' },
  { name: 'points', persona: 'elder', open: go('/packages/points/pages/history/index'), ready: 'points-balance' },
  { name: 'meetings', persona: 'party_member', open: go('/packages/meetings/pages/list/index'), ready: 'go-scan' },
  { name: 'dues', persona: 'party_member', open: go('/packages/dues/pages/index/index'), ready: 'dues-monthly' },
];
