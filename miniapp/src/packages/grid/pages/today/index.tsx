import { useState } from 'react';
import { usePageShow } from '../../../../hooks/usePageShow';
import { Text, View } from '@tarojs/components';
import { VISIT_SITUATION_LABELS, formatChinaDateTime, type TodayVisitsView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { ROUTES } from '../../../../routes';
import { todayVisits } from '../../../../services/grid';
import { go } from '../../lib/go';
import '../../grid.scss';

export default function TodayPage() {
  return <PageShell title="今日走访">{() => <Today />}</PageShell>;
}

/** The grid worker's day: overdue households first (most days first, in red), then due soon, then done this week. */
function Today() {
  const [data, setData] = useState<TodayVisitsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageShow(() => {
    setError(null);
    todayVisits().then(setData, (e: Error) => setError(e.message));
  });
  const open = (id: string) => go(`${ROUTES.gridHousehold}?id=${id}`);
  return (
    <View>
      <View className="row-actions">
        <BigButton variant="secondary" onClick={go(ROUTES.gridHouseholds)} testId="grid-open-households">全部户档案</BigButton>
        <BigButton variant="secondary" onClick={go(ROUTES.gridWarnings)} testId="grid-open-warnings">风险预警</BigButton>
        <BigButton variant="secondary" onClick={go(ROUTES.gridCorrections)} testId="grid-open-corrections">更正申请</BigButton>
        <BigButton variant="secondary" onClick={go(ROUTES.gridAggregates)} testId="grid-open-aggregates">网格汇总</BigButton>
      </View>
      {error ? <EmptyState title="无法打开今日走访" description={error} /> : null}
      {!error && !data ? <EmptyState title="正在加载…" /> : null}
      {data ? (
        <View>
          <Card title={`已逾期（${data.overdue.length}户）`} testId="grid-overdue">
            {data.overdue.length === 0 ? <Text className="grid-line">没有逾期的户</Text> : null}
            {data.overdue.map((h) => (
              <BigButton key={h.id} variant="danger" testId="grid-overdue-item" onClick={open(h.id)}>
                逾期{h.daysOverdue}天 · {h.label} {h.names.join('、')} {h.tags.join(' ')}
              </BigButton>
            ))}
          </Card>
          <Card title={`近三天到期（${data.due.length}户）`} testId="grid-due">
            {data.due.length === 0 ? <Text className="grid-line">近三天没有到期的户</Text> : null}
            {data.due.map((h) => (
              <BigButton key={h.id} variant="secondary" testId="grid-due-item" onClick={open(h.id)}>
                {h.daysLeft === 0 ? '今天到期' : `${h.daysLeft}天后到期`} · {h.label} {h.names.join('、')} {h.tags.join(' ')}
              </BigButton>
            ))}
          </Card>
          <Card title={`本周已走访（${data.doneThisWeek.length}户）`} testId="grid-done">
            {data.doneThisWeek.map((h) => (
              <BigButton key={h.id} variant="secondary" testId="grid-done-item" onClick={open(h.id)}>
                {h.label} {formatChinaDateTime(h.visitedAt)} {VISIT_SITUATION_LABELS[h.situation]}
              </BigButton>
            ))}
          </Card>
        </View>
      ) : null}
    </View>
  );
}
