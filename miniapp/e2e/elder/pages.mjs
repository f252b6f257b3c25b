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
      title: mode === 'elder' ? '防跌倒健康讲座' : '社区义诊',
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

/**
 * What the screens below need besides the seed, made afresh for each mode: an activity of 幸福社区,
 * a coming meeting of 幸福社区第一党支部 (李建国 is invited) and a mall item of that branch cheap enough
 * for his points.
 */
export async function prepare(baseUrl, mode) {
  const activityId = await createActivity(baseUrl, mode);
  const organiser = await apiLogin(baseUrl, 'organiser_a');
  const tree = await api(baseUrl, '/api/org/tree', { token: organiser.accessToken });
  const branch = tree.body?.find((n) => n.kind === 'branch');
  assert(branch, `organiser_a manages no branch: ${tree.status} ${tree.text}`);
  const meeting = await api(baseUrl, '/api/meetings', {
    method: 'POST',
    token: organiser.accessToken,
    body: {
      nodeId: branch.id,
      type: 'theme_day',
      title: mode === 'elder' ? '重温入党誓词主题党日' : '学习党章主题党日',
      startsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
      endsAt: new Date(Date.now() + 52 * HOUR).toISOString(),
      address: '幸福社区党群服务中心二楼',
      invitees: { kind: 'branch' },
    },
  });
  assert(meeting.status === 201, `creating the meeting answered ${meeting.status}: ${meeting.text}`);
  const mallItem = mode === 'elder' ? '老花镜' : '保温杯';
  const item = await api(baseUrl, '/api/org/mall/items', {
    method: 'POST',
    token: organiser.accessToken,
    body: { nodeId: branch.id, name: mallItem, description: '支部为党员准备，凭提货码到党群服务中心领取', imageUrl: null, pricePoints: 1, stock: 5 },
  });
  assert(item.status === 201, `creating the mall item answered ${item.status}: ${item.text}`);
  await prepareTrust(baseUrl, mode);
  return { activityId, meetingId: meeting.body.id, mallItem };
}

/**
 * So 我的投诉 and 谁查看了我的数据 show an entry rather than their empty state: 张秀英 files a complaint
 * and the grid worker looks at her full phone number (a recorded read).
 */
async function prepareTrust(baseUrl, mode) {
  const elder = await apiLogin(baseUrl, 'elder');
  const filed = await api(baseUrl, '/api/complaints', {
    method: 'POST',
    token: elder.accessToken,
    body: { category: mode === 'elder' ? 'harassment' : 'data_leak', text: '有人冒充社区工作人员打电话给我，说出了我的住址和电话。' },
  });
  assert(filed.status === 201, `filing the complaint answered ${filed.status}: ${filed.text}`);
  const worker = await apiLogin(baseUrl, 'grid_worker');
  const read = await api(baseUrl, `/api/org/members/${elder.user.id}/phone`, { token: worker.accessToken });
  assert(read.status === 200, `revealing the elder's phone answered ${read.status}: ${read.text}`);
}

/** Turns the persona's saved preference on or off, as the switch would. */
export async function setElderPreference(baseUrl, persona, elderMode) {
  const login = await apiLogin(baseUrl, persona);
  const saved = await api(baseUrl, '/api/me/preferences', { method: 'PATCH', token: login.accessToken, body: { elderMode } });
  assert(saved.status === 200, `PATCH /api/me/preferences for ${persona} answered ${saved.status}: ${saved.text}`);
}

const go = (route) => async ({ page, baseUrl }) => page.goto(`${baseUrl}/#${route}`);
const tap = (testId) => async ({ page }) => byTestId(page, testId).first().click();
/** Redeems the item made for this run: its card, its own button (the other items may be out of reach). */
const tapMallItem = (testId) => async ({ page, mallItem }) =>
  page.locator('[data-testid="mall-item"]:visible', { hasText: mallItem }).locator(`[data-testid="${testId}"]:visible`).first().click();
/** An article from the study tab; its timer must not tick on screen in elder mode. */
const openArticle = async (ctx) => {
  await go('/pages/study/index')(ctx);
  await ctx.page.locator('[data-testid="content-item"]:visible', { hasText: '网格化管理' }).first().click();
};

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
  {
    name: 'meeting-detail',
    persona: 'party_member',
    open: async (ctx) => go(`/packages/meetings/pages/detail/index?id=${ctx.meetingId}`)(ctx),
    ready: 'meeting-detail',
    shows: { elder: ['read-aloud', 'my-part'], normal: ['read-aloud', 'my-part'] },
  },
  // 积分超市: elder mode asks in the page and says the result there, one decision at a time.
  { name: 'mall', persona: 'party_member', open: go('/packages/points/pages/mall/index'), ready: 'mall-balance' },
  { name: 'mall-confirm', persona: 'party_member', modes: ['elder'], open: tapMallItem('mall-redeem'), ready: 'mall-redeem-question' },
  { name: 'mall-done', persona: 'party_member', modes: ['elder'], open: tapMallItem('mall-redeem-yes'), ready: 'mall-done', shows: { elder: ['pickup-code'] } },
  { name: 'redemptions', persona: 'party_member', open: go('/packages/points/pages/redemptions/index'), ready: ['redemptions', 'redemptions-empty'] },
  { name: 'redemption-cancel', persona: 'party_member', modes: ['elder'], open: tap('cancel-redemption'), ready: 'cancel-redemption-question' },
  { name: 'redemption-cancelled', persona: 'party_member', modes: ['elder'], open: tap('cancel-redemption-yes'), ready: 'notice' },
  { name: 'study-article', persona: 'party_member', open: openArticle, ready: 'study-timer', shows: { elder: ['study-timer-state', 'read-aloud'] } },
  { name: 'inbox', persona: 'elder', open: go('/packages/inbox/pages/index/index'), ready: ['inbox', 'inbox-empty'] },
  // 举报投诉, 我的投诉 and 谁查看了我的数据 (issue #9): what an older resident reads when her data was misused.
  // 我要反映 (issue #18): elder mode is three steps with big pictures, plus 请网格员联系我.
  { name: 'voice-file', persona: 'elder', open: go('/packages/voice/pages/file/index'), ready: 'voice-category-facilities', shows: { elder: ['voice-contact-me'] } },
  { name: 'voice-mine', persona: 'elder', open: go('/packages/voice/pages/mine/index'), ready: 'case-status' },
  { name: 'voice-detail', persona: 'elder', open: tap('voice-mine-item'), ready: 'case-timeline' },
  { name: 'voice-board', persona: 'elder', open: go('/packages/voice/pages/board/index'), ready: 'board-summary' },
  { name: 'voice-queue', persona: 'grid_worker', open: go('/packages/voice/pages/queue/index'), ready: 'queue-mine' },
  { name: 'voice-routes', persona: 'grid_worker', open: go('/packages/voice/pages/routes/index'), ready: 'route-幸福一网格-safety' },
  { name: 'complaint-file', persona: 'elder', open: go('/packages/complaints/pages/file/index'), ready: 'complaint-submit' },
  { name: 'complaints-mine', persona: 'elder', open: go('/packages/complaints/pages/mine/index'), ready: 'complaint-status' },
  { name: 'data-access', persona: 'elder', open: go('/packages/audit/pages/data-access/index'), ready: 'data-access-item' },
  // 我的数据与隐私: the deletion warning is long reading; it must stay legible and tappable at elder size.
  { name: 'my-data', persona: 'elder', open: go('/packages/me/pages/my-data/index'), ready: 'delete-account' },
  // 一户一档, 走访 and 风险预警 (issue #16): the elder's own file, and the grid worker's day at elder size.
  { name: 'my-file', persona: 'elder', open: go('/packages/me/pages/my-file/index'), ready: 'my-file' },
  { name: 'grid-today', persona: 'grid_worker', open: go('/packages/grid/pages/today/index'), ready: 'grid-overdue' },
  { name: 'grid-household', persona: 'grid_worker', open: tap('grid-overdue-item'), ready: 'household-file' },
  { name: 'grid-visit', persona: 'grid_worker', open: tap('household-record-visit'), ready: 'visit-submit' },
  { name: 'grid-households', persona: 'grid_worker', open: go('/packages/grid/pages/households/index'), ready: 'grid-household' },
  { name: 'grid-warnings', persona: 'grid_worker', open: go('/packages/grid/pages/warnings/index'), ready: 'warning-sentence' },
  { name: 'grid-corrections', persona: 'grid_worker', open: go('/packages/grid/pages/corrections/index'), ready: ['correction', 'corrections-empty'] },
  { name: 'grid-settings', persona: 'grid_worker', open: go('/packages/grid/pages/settings/index'), ready: 'settings-save' },
  { name: 'grid-aggregates', persona: 'admin', open: go('/packages/grid/pages/aggregates/index'), ready: 'aggregate-community' },
  // 名单导入 (issue #17): sources, the upload step and the possible-same-person queue.
  { name: 'roster-sources', persona: 'grid_worker', open: go('/packages/roster/pages/sources/index'), ready: 'roster-source' },
  { name: 'roster-import', persona: 'grid_worker', open: go('/packages/roster/pages/import/index'), ready: 'roster-file' },
  { name: 'roster-pairs', persona: 'grid_worker', open: go('/packages/roster/pages/pairs/index'), ready: ['pair', 'pairs-empty'] },
  // 数据看板 and 月度报告 (issue #19): the figures and the data table under a chart at elder size.
  { name: 'analytics-dashboard', persona: 'grid_worker', open: go('/packages/analytics/pages/dashboard/index'), ready: 'dashboard' },
  { name: 'analytics-table', persona: 'grid_worker', open: tap('show-table-care.visits'), ready: 'table-care.visits' },
  { name: 'analytics-report', persona: 'grid_worker', open: go('/packages/analytics/pages/report/index'), ready: 'report' },
];
