export default definePageConfig({ navigationBarTitleText: '党费管理' });
