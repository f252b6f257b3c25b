import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, type LedgerEntryView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getPointsHistory, getPointsSummary } from '../../../../services/points';
import '../../points.scss';

export default function HistoryPage() {
  return <PageShell>{() => <History />}</PageShell>;
}

/** Balance, today's progress against each daily cap, and every entry with its reason. */
function History() {
  const data = useRemote(async () => ({ summary: await getPointsSummary(), page: await getPointsHistory() }));
  const [more, setMore] = useState<{ items: LedgerEntryView[]; next: string | null } | null>(null);
  return (
    <Loadable remote={data}>
      {({ summary, page }) => {
        const items = page.items.concat(more?.items ?? []);
        const next = more ? more.next : page.nextCursor;
        return (
          <View>
            <View className="points-me">
              <Text data-testid="points-balance">{`余额 ${summary.balance}`}</Text>
              <Text>{`今日 +${summary.earnedToday}`}</Text>
            </View>
            <Card title="今日进度">
              {summary.today.map((t) => (
                <View key={t.action} className="points-row">
                  <Text>{t.label}</Text>
                  <Text className="points-row__sub">{t.dailyCap === null ? `${t.awarded}分` : `${t.awarded}/${t.dailyCap}分`}</Text>
                </View>
              ))}
            </Card>
            <Card title="积分明细">
              {items.map((e) => (
                <View key={e.id} className="points-row" data-testid="points-entry">
                  <View className="points-row__main">
                    <Text>{e.label}</Text>
                    <Text className="points-row__sub">{`${formatChinaDateTime(e.createdAt)}${e.note ? ` · ${e.note}` : ''}`}</Text>
                  </View>
                  <Text className={e.amount < 0 ? 'points-minus' : 'points-plus'}>{e.amount < 0 ? `${e.amount}` : `+${e.amount}`}</Text>
                </View>
              ))}
              {next ? (
                <BigButton variant="secondary" onClick={() => void getPointsHistory(next).then((p) => setMore({ items: (more?.items ?? []).concat(p.items), next: p.nextCursor }))}>
                  加载更多
                </BigButton>
              ) : null}
            </Card>
          </View>
        );
      }}
    </Loadable>
  );
}
