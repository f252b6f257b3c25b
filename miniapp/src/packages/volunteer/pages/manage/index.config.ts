export default definePageConfig({ navigationBarTitleText: '管理志愿项目' });
