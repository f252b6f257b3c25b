export default definePageConfig({ navigationBarTitleText: '志愿岗位' });
