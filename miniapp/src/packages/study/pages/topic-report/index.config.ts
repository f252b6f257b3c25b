export default definePageConfig({ navigationBarTitleText: '专题完成情况' });
