export default definePageConfig({ navigationBarTitleText: '数据大屏', navigationBarBackgroundColor: '#0b1a33' });
