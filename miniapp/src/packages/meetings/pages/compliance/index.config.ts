export default definePageConfig({ navigationBarTitleText: '会议落实情况' });
