export default definePageConfig({ navigationBarTitleText: '党员身份审核' });
