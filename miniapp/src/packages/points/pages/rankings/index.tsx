import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RankingPeriod, RankingScope } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getRanking } from '../../../../services/points';
import '../../points.scss';

const SCOPES: [RankingScope, string][] = [['branch', '本支部'], ['community', '本社区']];
const PERIODS: [RankingPeriod, string][] = [['week', '本周'], ['month', '本月'], ['year', '本年'], ['all', '总榜']];

export default function RankingsPage() {
  return <PageShell>{() => <Rankings />}</PageShell>;
}

function Rankings() {
  const [scope, setScope] = useState<RankingScope>('branch');
  const [period, setPeriod] = useState<RankingPeriod>('week');
  return (
    <View>
      <View className="points-tabs">
        {SCOPES.map(([s, label]) => (
          <Text key={s} className={`points-tab${s === scope ? ' points-tab--on' : ''}`} onClick={() => setScope(s)} data-testid={`ranking-scope-${s}`}>{label}</Text>
        ))}
      </View>
      <View className="points-tabs">
        {PERIODS.map(([p, label]) => (
          <Text key={p} className={`points-tab${p === period ? ' points-tab--on' : ''}`} onClick={() => setPeriod(p)} data-testid={`ranking-period-${p}`}>{label}</Text>
        ))}
      </View>
      <Board key={`${scope}-${period}`} scope={scope} period={period} />
    </View>
  );
}

function Board({ scope, period }: { scope: RankingScope; period: RankingPeriod }) {
  const ranking = useRemote(() => getRanking(scope, period));
  return (
    <Loadable remote={ranking}>
      {(r) =>
        !r.node ? (
          <EmptyState title={scope === 'branch' ? '您还没有关联党支部' : '您还没有登记居住社区'} />
        ) : (
          <View>
            <View className="points-me" data-testid="ranking-me">
              <Text data-testid="ranking-me-rank">{r.me && r.me.points > 0 ? `第 ${r.me.rank} 名` : '暂无排名'}</Text>
              <Text data-testid="ranking-me-points">{`${r.me?.points ?? 0} 分`}</Text>
            </View>
            <Card title={r.node.name}>
              {r.top.length === 0 ? <Text className="muted">这段时间还没有人获得积分</Text> : null}
              {r.top.map((row, i) => (
                <View key={i} className={`points-row${row.isMe ? ' points-row--me' : ''}`} data-testid="ranking-row">
                  <Text>{`${row.rank}. ${row.name}${row.isMe ? '（我）' : ''}`}</Text>
                  <Text className="points-plus">{row.points}</Text>
                </View>
              ))}
            </Card>
          </View>
        )
      }
    </Loadable>
  );
}
