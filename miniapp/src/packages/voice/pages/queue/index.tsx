import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, type CaseView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { usePageShow } from '../../../../hooks/usePageShow';
import { ROUTES } from '../../../../routes';
import { caseQueue } from '../../../../services/voice';
import { CaseTags } from '../../lib/CaseParts';
import '../../voice.scss';

export default function CaseQueuePage() {
  return <PageShell>{() => <Queue />}</PageShell>;
}

/** 工单处理: the cases on my clock (or, for the community's staff, all of the community's), nearest deadline first. */
function Queue() {
  const [scope, setScope] = useState<'mine' | 'community'>('mine');
  const [items, setItems] = useState<CaseView[] | null>(null);
  const load = (s = scope) => void caseQueue({ scope: s, open: 'true' }).then((p) => setItems(p.items), () => setItems([]));
  usePageShow(() => load());
  const switchTo = (s: 'mine' | 'community') => () => {
    setScope(s);
    setItems(null);
    load(s);
  };
  const go = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <View>
      <View className="voice-tags">
        <BigButton variant={scope === 'mine' ? 'primary' : 'secondary'} onClick={switchTo('mine')} testId="queue-mine">派给我的</BigButton>
        <BigButton variant={scope === 'community' ? 'primary' : 'secondary'} onClick={switchTo('community')} testId="queue-community">社区全部</BigButton>
      </View>
      <BigButton variant="secondary" onClick={go(ROUTES.voiceRoutes)} testId="queue-routes">工单分派设置</BigButton>
      {items === null ? <EmptyState title="正在加载…" /> : null}
      {items?.length === 0 ? <EmptyState title="没有待办工单" /> : null}
      {items?.map((c) => {
        const due = c.status === 'pending' ? c.acceptDueAt : c.resolveDueAt;
        return (
          <Card key={c.id} testId={`queue-case-${c.id}`}>
            <View onClick={go(`${ROUTES.voiceDetail}?id=${c.id}`)}>
              <CaseTags c={c} />
              <Text className="voice-text">{c.text}</Text>
              <Text className="muted">{`${[c.place.gridName, c.place.buildingName].filter(Boolean).join(' ')}${due ? ` · ${c.status === 'pending' ? '受理' : '办结'}时限 ${formatChinaDateTime(due)}` : ''}`}</Text>
            </View>
          </Card>
        );
      })}
    </View>
  );
}
