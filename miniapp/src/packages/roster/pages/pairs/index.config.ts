export default definePageConfig({ navigationBarTitleText: '可能同一人' });
