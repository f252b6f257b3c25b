import { Text, View } from '@tarojs/components';
import { PERIOD_LABELS, toChinaParts, type BranchComplianceView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getCompliance } from '../../../../services/meetings';
import { downloadXlsx } from '../../../../services/download';
import '../../lib/meetings.scss';

const STATUS_TEXT = { done: '已完成', due: '本期待开', overdue: '上期未开' } as const;

export default function CompliancePage() {
  return <PageShell title="三会一课落实情况" subtitle="按北京时间的月、季度、年统计">{() => <Compliance />}</PageShell>;
}

function Compliance() {
  const remote = useRemote(getCompliance);
  return (
    <View>
      <Loadable remote={remote}>{(branches) => <View>{branches.map((b) => <Branch key={b.branch.id} b={b} />)}</View>}</Loadable>
      <BigButton variant="secondary" onClick={() => void exportYear()} testId="export-attendance">导出今年考勤（Excel）</BigButton>
    </View>
  );
}

function Branch({ b }: { b: BranchComplianceView }) {
  const groupName = (id: string | null) => (id ? `（${b.groups.find((g) => g.id === id)?.name ?? ''}）` : '');
  return (
    <Card title={b.branch.name} extra={b.overdueCount ? <Text className="meeting-overdue">{`${b.overdueCount}项逾期`}</Text> : <Text className="muted">均已落实</Text>} testId={`compliance-${b.branch.id}`}>
      {b.items.map((i) => (
        <View key={`${i.type}-${i.groupId ?? ''}`} className="meeting-row">
          <Text>{`${i.typeLabel}${groupName(i.groupId)} · ${PERIOD_LABELS[i.period]}`}</Text>
          <Text className={i.status === 'overdue' ? 'meeting-overdue' : 'muted'}>{i.status === 'overdue' ? `${i.previous.label}未开` : `${i.current.label}${STATUS_TEXT[i.status]}`}</Text>
        </View>
      ))}
    </Card>
  );
}

function exportYear() {
  const year = toChinaParts(new Date()).year;
  return downloadXlsx(`/api/meetings/export?year=${year}`, `考勤-${year}.xlsx`);
}
