export default definePageConfig({ navigationBarTitleText: '工单分派' });
