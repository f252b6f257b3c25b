export default definePageConfig({ navigationBarTitleText: '走访与预警设置' });
