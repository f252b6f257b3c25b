// Main package: the four tab pages and shared code only. Everything else is a subpackage per
// domain, so the main package stays far below WeChat's 2 MB limit as features arrive.
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/study/index', 'pages/activities/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/activities', pages: ['pages/detail/index', 'pages/signup/index', 'pages/mine/index', 'pages/manage/index', 'pages/edit/index', 'pages/roster/index'] },
    { root: 'packages/inbox', pages: ['pages/index/index'] },
    { root: 'packages/study', pages: ['pages/article/index', 'pages/video/index', 'pages/quiz/index', 'pages/library/index', 'pages/topic-report/index'] },
    { root: 'packages/points', pages: ['pages/history/index', 'pages/rankings/index', 'pages/mall/index', 'pages/redemptions/index', 'pages/manage/index', 'pages/rules/index'] },
    { root: 'packages/auth', pages: ['pages/login/index', 'pages/privacy/index'] },
    { root: 'packages/meetings', pages: ['pages/list/index', 'pages/detail/index', 'pages/edit/index', 'pages/attendance/index', 'pages/minutes/index', 'pages/compliance/index', 'pages/my-attendance/index'] },
    { root: 'packages/checkin', pages: ['pages/scan/index', 'pages/qr/index'] },
    { root: 'packages/org', pages: ['pages/tree/index', 'pages/members/index', 'pages/applications/index', 'pages/residents/index'] },
    { root: 'packages/me', pages: ['pages/party-application/index', 'pages/residence/index', 'pages/my-data/index', 'pages/my-file/index'] },
    { root: 'packages/dues', pages: ['pages/index/index', 'pages/result/index', 'pages/receipt/index', 'pages/board/index'] },
    { root: 'packages/family', pages: ['pages/index/index'] },
    { root: 'packages/audit', pages: ['pages/log/index', 'pages/data-access/index'] },
    { root: 'packages/volunteer', pages: ['pages/index/index', 'pages/shift/index', 'pages/mine/index', 'pages/hours/index', 'pages/certificate/index', 'pages/profile/index', 'pages/call/index', 'pages/manage/index', 'pages/campaign/index', 'pages/approve/index', 'pages/launch/index', 'pages/board/index'] },
    { root: 'packages/grid', pages: ['pages/today/index', 'pages/households/index', 'pages/household/index', 'pages/visit/index', 'pages/warnings/index', 'pages/corrections/index', 'pages/settings/index', 'pages/aggregates/index'] },
    { root: 'packages/roster', pages: ['pages/sources/index', 'pages/import/index', 'pages/pairs/index'] },
    // 数据看板, 大屏, 月度报告 (issue #19): ECharts lives here only, never in the main package.
    { root: 'packages/analytics', pages: ['pages/dashboard/index', 'pages/screen/index', 'pages/report/index'] },
    { root: 'packages/complaints', pages: ['pages/file/index', 'pages/mine/index', 'pages/detail/index', 'pages/manage/index'] },
    { root: 'packages/voice', pages: ['pages/file/index', 'pages/mine/index', 'pages/detail/index', 'pages/queue/index', 'pages/routes/index', 'pages/board/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '红邻',
    navigationBarTextStyle: 'white',
    // weapp's default anyway; stated so Taro's h5 build draws a bar with a back button too.
    navigationStyle: 'default',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    // Our own bar (src/custom-tab-bar, h5: components/TabBar in each tab page), which follows elder mode;
    // WeChat's native bar keeps its small labels whatever the app says (issue #22 item 13).
    custom: true,
    color: '#595959',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/study/index', text: '学习', iconPath: 'assets/tab/study.png', selectedIconPath: 'assets/tab/study-active.png' },
      { pagePath: 'pages/activities/index', text: '活动', iconPath: 'assets/tab/activities.png', selectedIconPath: 'assets/tab/activities-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  // Geofence check-in at meetings (wx.getLocation); WeChat requires both declarations.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于在会场用定位签到；网格员在居民同意后记录走访地点' } },
  // Read-aloud in WeChat (同声传译). Only when the build says so: the plugin must first be added to the
  // mini-program in the WeChat admin console, or the app fails to start. Without it the button is hidden.
  ...(process.env.HONGLIN_WECHAT_SI_VERSION
    ? { plugins: { WechatSI: { version: process.env.HONGLIN_WECHAT_SI_VERSION, provider: 'wx069ba97219f66d99' } } }
    : {}),
  // WeChat enforces the privacy check for every app since 2023-09-15; stated here so older base libraries agree.
  __usePrivacyCheck__: true,
});
