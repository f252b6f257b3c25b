export default definePageConfig({ navigationBarTitleText: '紧急召集' });
