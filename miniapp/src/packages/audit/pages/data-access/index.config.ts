export default definePageConfig({ navigationBarTitleText: '数据查看记录' });
