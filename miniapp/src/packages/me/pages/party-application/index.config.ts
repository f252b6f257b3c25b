export default definePageConfig({ navigationBarTitleText: '申请认证党员身份' });
