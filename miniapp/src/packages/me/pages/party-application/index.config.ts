export default definePageConfig({ navigationBarTitleText: '申请党员认证' });
