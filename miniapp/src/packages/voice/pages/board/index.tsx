import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CASE_RATING_LABELS, type CaseRating, type MeView } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { InfoRow } from '../../../../components/InfoRow';
import { PageShell } from '../../../../components/PageShell';
import { usePageShow } from '../../../../hooks/usePageShow';
import { caseBoard, type CaseBoard } from '../../../../services/voice';
import '../../voice.scss';

export default function CaseBoardPage() {
  return <PageShell>{(me) => <Board me={me} />}</PageShell>;
}

/** 公开栏: what the community reported and how it was answered, with nobody named. */
function Board({ me }: { me: MeView }) {
  const [board, setBoard] = useState<CaseBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageShow(() => void (me.community ? caseBoard(me.community.id).then(setBoard, (e: Error) => setError(e.message)) : setError('请先在“我的—居住地”中选择您住的小区')));
  if (error) return <EmptyState title="暂时看不到公开栏" description={error} />;
  if (!board) return <EmptyState title="正在加载…" />;
  const hours = board.medianHoursToResolve;
  return (
    <View>
      <Card title={`${board.community.name} · 近90天`} testId="board-summary">
        <InfoRow label="办结用时（中位数）" value={hours === null ? '暂无' : hours >= 24 ? `${Math.round((hours / 24) * 10) / 10} 天` : `${hours} 小时`} testId="board-median" />
        {board.counts.filter((c) => c.filed > 0).map((c) => (
          <InfoRow key={c.category} label={c.label} value={`反映 ${c.filed} 件，办结 ${c.resolved} 件`} testId={`board-count-${c.category}`} />
        ))}
      </Card>
      <Card title="已办结">
        {board.resolved.length === 0 ? <Text className="muted">暂时没有办结的反映</Text> : null}
        {board.resolved.map((r) => (
          <View key={r.id} className="voice-timeline__item" data-testid="board-item">
            <Text className="voice-timeline__when">{`${r.label} · ${r.gridName ?? ''} · ${r.filedOn} 反映，${r.resolvedOn} 办结${r.rating ? ` · ${CASE_RATING_LABELS[r.rating as CaseRating]}` : ''}`}</Text>
            <Text className="voice-text">{r.text}</Text>
          </View>
        ))}
      </Card>
    </View>
  );
}
