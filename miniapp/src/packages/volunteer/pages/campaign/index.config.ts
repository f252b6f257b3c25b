export default definePageConfig({ navigationBarTitleText: '志愿项目' });
