import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaDate, type CaseView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { usePageShow } from '../../../../hooks/usePageShow';
import { ROUTES } from '../../../../routes';
import { myReports } from '../../../../services/voice';
import { CaseTags } from '../../lib/CaseParts';
import '../../voice.scss';

export default function MyReportsPage() {
  return <PageShell>{() => <MyReports />}</PageShell>;
}

/** 我的反映: what I reported and what I follow, newest first. */
function MyReports() {
  const [items, setItems] = useState<CaseView[] | null>(null);
  usePageShow(() => void myReports().then((p) => setItems(p.items), () => setItems([])));
  const go = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <View>
      <BigButton onClick={go(ROUTES.voiceFile)} testId="voice-new">我要反映</BigButton>
      {items === null ? <EmptyState title="正在加载…" /> : null}
      {items?.length === 0 ? <EmptyState title="还没有反映" description="看到身边的问题，点上面的“我要反映”告诉网格员。" /> : null}
      {items?.map((c) => (
        <Card key={c.id} testId={`voice-mine-${c.id}`}>
          <View onClick={go(`${ROUTES.voiceDetail}?id=${c.id}`)} data-testid="voice-mine-item">
            <CaseTags c={c} />
            <Text className="voice-text">{c.text}</Text>
            <Text className="muted">{`${formatChinaDate(c.createdAt)} · ${c.me.reporter ? '我反映的' : '我关注的'}`}</Text>
          </View>
        </Card>
      ))}
    </View>
  );
}
