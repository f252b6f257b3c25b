export default definePageConfig({ navigationBarTitleText: '今日走访' });
