// The page says 编辑活动 itself when it opens an existing activity.
export default definePageConfig({ navigationBarTitleText: '发布活动' });
