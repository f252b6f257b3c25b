import { Text, View } from '@tarojs/components';
import { WARNING_LEVEL_LABELS, WARNING_STATUS_LABELS, formatChinaDateTime, type FamilyCareView } from '@honglin/shared';

/** The grid worker's visits to the older resident and the warnings about TA, as a family member sees them. */
export function ElderCare({ care }: { care: FamilyCareView }) {
  if (!care.household) return <Text className="family-line" data-testid="elder-care-none">TA还没有建立户档案，网格员上门登记后这里会显示走访记录。</Text>;
  return (
    <View data-testid="elder-care-list">
      <Text className="family-line">
        {care.household.label} · 下次走访 {care.nextDueOn ? `${care.nextDueOn} 前` : '待安排'}
      </Text>
      {care.warnings.map((w) => (
        <View key={w.id} className="family-person" data-testid="elder-care-warning">
          <Text className="family-line">
            {WARNING_LEVEL_LABELS[w.level]}色预警（{WARNING_STATUS_LABELS[w.status]}）：{w.sentence}
          </Text>
          {w.resolutionNote ? <Text className="family-line muted">处理结果：{w.resolutionNote}</Text> : null}
        </View>
      ))}
      {care.visits.length === 0 ? <Text className="family-line">还没有走访记录。</Text> : null}
      {care.visits.map((v) => (
        <View key={v.id} className="family-person" data-testid="elder-care-visit">
          <Text className="family-line">{v.summary}</Text>
          <Text className="family-line muted">{formatChinaDateTime(v.visitedAt)}</Text>
        </View>
      ))}
      <Text className="family-line muted">网格员的工作记录和健康备注不对家属显示；您的查看会记在{care.elder.name}的“谁查看了我的数据”里。</Text>
    </View>
  );
}
