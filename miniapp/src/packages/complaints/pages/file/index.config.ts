export default definePageConfig({ navigationBarTitleText: '举报投诉' });
