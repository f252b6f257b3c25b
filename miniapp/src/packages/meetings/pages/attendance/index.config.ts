export default definePageConfig({ navigationBarTitleText: '现场考勤' });
