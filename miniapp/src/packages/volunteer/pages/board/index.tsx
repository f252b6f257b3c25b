import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MOBILISATION_STATUS_LABELS, formatChinaDateTime, type BoardCounts, type MobilisationBoard } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { InfoRow } from '../../../../components/InfoRow';
import { PageShell } from '../../../../components/PageShell';
import { callBoard } from '../../../../services/volunteer';
import '../../volunteer.scss';

const POLL_MS = 3000;
const LABELS: [keyof BoardCounts, string][] = [['targeted', '已通知'], ['delivered', '已送达'], ['read', '已读'], ['accepted', '参加'], ['declined', '不参加'], ['full', '满员后响应'], ['silent', '未回复']];

export default function BoardPage() {
  const id = useRouter().params.id ?? '';
  return <PageShell>{() => <Board id={id} />}</PageShell>;
}

/** The organiser's live response board, refreshed by polling while the page is open. */
function Board({ id }: { id: string }) {
  const [board, setBoard] = useState<MobilisationBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const tick = () => void callBoard(id).then((b) => alive && (setBoard(b), setError(null)), (e: Error) => alive && setError(e.message));
    tick();
    const timer = setInterval(tick, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [id]);
  if (error && !board) return <EmptyState title="无法查看看板" description={error} />;
  if (!board) return <EmptyState title="正在加载…" />;
  const c = board.call;
  return (
    <View>
      <Card title={c.title} testId="board">
        <Text className="vol-big-number" data-testid="board-filled">{c.accepted}/{c.needed} 人</Text>
        <InfoRow label="状态" value={MOBILISATION_STATUS_LABELS[c.status]} testId="board-status" />
        <InfoRow label="时间地点" value={`${formatChinaDateTime(c.startsAt)} · ${c.place}`} />
        <InfoRow label="响应率" value={`${Math.round(board.responseRate * 100)}%`} />
        <InfoRow label="招满用时" value={board.timeToFillSeconds === null ? null : `${Math.ceil(board.timeToFillSeconds / 60)} 分钟`} placeholder="尚未招满" />
        {board.remindedAt ? <InfoRow label="已提醒未回复者" value={formatChinaDateTime(board.remindedAt)} /> : null}
      </Card>
      <Card title="总体">
        <View className="vol-grid">{LABELS.map(([k, label]) => <InfoRow key={k} label={label} value={String(board.overall[k])} testId={`board-${k}`} />)}</View>
      </Card>
      <Groups title="按网格" rows={board.byGrid} />
      <Groups title="按党支部" rows={board.byBranch} />
    </View>
  );
}

function Groups({ title, rows }: { title: string; rows: (BoardCounts & { name: string })[] }) {
  return (
    <Card title={title}>
      {rows.map((r) => (
        <InfoRow key={r.name} label={r.name} value={`通知${r.targeted} · 已读${r.read} · 参加${r.accepted} · 不参加${r.declined} · 未回复${r.silent}`} />
      ))}
    </Card>
  );
}
