export default definePageConfig({ navigationBarTitleText: '一键动员' });
