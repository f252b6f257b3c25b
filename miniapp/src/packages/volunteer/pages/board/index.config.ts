export default definePageConfig({ navigationBarTitleText: '响应看板' });
