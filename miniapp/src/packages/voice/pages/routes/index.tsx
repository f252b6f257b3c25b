import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MeView } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { usePageShow } from '../../../../hooks/usePageShow';
import { formErrorText } from '../../../../services/request';
import { caseRoutes, setCaseRoute, type RouteRow } from '../../../../services/voice';
import '../../voice.scss';

export default function CaseRoutesPage() {
  return <PageShell>{(me) => <Routes me={me} />}</PageShell>;
}

/**
 * 工单分派: grid × category → who answers. The grid worker by default; an organiser hands a category
 * to another of the grid's staff (e.g. 物业问题 to the property contact) by tapping a name.
 */
function Routes({ me }: { me: MeView }) {
  const community = me.roles.find((g) => g.node.kind === 'community' && (g.role === 'organiser' || g.role === 'admin'))?.node ?? me.community;
  const [rows, setRows] = useState<RouteRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageShow(() => void (community ? caseRoutes(community.id).then(setRows, (e) => setError(formErrorText(e))) : setError('您不是社区工作人员')));
  if (error) return <EmptyState title="不能查看分派表" description={error} />;
  if (!rows) return <EmptyState title="正在加载…" />;
  const grids = [...new Map(rows.map((r) => [r.gridId, r.gridName])).entries()];
  const people = [...new Map(rows.filter((r) => r.handler).map((r) => [r.handler!.id, r.handler!.name])).entries()];
  const cycle = async (r: RouteRow) => {
    // Tapping moves to the next of the people already answering in this community: a short list beats a search.
    const at = people.findIndex(([id]) => id === r.handler?.id);
    const [next] = people[(at + 1) % people.length] ?? [];
    if (!next || next === r.handler?.id) return;
    try {
      setRows(await setCaseRoute(r.gridId, r.category, next));
    } catch (e) {
      setError(formErrorText(e));
    }
  };
  return (
    <View>
      <Text className="voice-text muted">{`${community?.name ?? ''}：每个网格每类问题由谁负责。未设置的由网格员负责。点负责人可更换。`}</Text>
      {grids.map(([gridId, gridName]) => (
        <Card key={gridId} title={gridName} testId={`routes-${gridName}`}>
          {rows
            .filter((r) => r.gridId === gridId)
            .map((r) => (
              <View key={r.category} className="option-row" onClick={() => void cycle(r)} data-testid={`route-${gridName}-${r.category}`}>
                <Text>{r.categoryLabel}</Text>
                <Text className="option-row__mark">{`${r.handler?.name ?? '未指定'}${r.isDefault ? '（默认）' : ''}`}</Text>
              </View>
            ))}
        </Card>
      ))}
    </View>
  );
}
