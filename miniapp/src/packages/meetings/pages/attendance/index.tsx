import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ATTENDANCE_LABELS, CHECKIN_METHOD_LABELS, type AttendanceRow, type MeetingAttendanceView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { assistCheckIn } from '../../../../services/checkin';
import { closeAttendance, decideLeave, getAttendance } from '../../../../services/meetings';
import '../../lib/meetings.scss';

const POLL_MS = 3000;

export default function AttendancePage() {
  const id = useRouter().params.id ?? '';
  return <PageShell title="现场考勤" subtitle="每3秒自动刷新">{() => <Attendance id={id} />}</PageShell>;
}

function Attendance({ id }: { id: string }) {
  const [view, setView] = useState<MeetingAttendanceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => getAttendance(id).then((v) => alive && (setView(v), setError(null)), (e: Error) => alive && setError(e.message));
    void load();
    const timer = setInterval(() => void load(), POLL_MS); // polling works the same in weapp and h5
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [id]);

  if (!view) return <EmptyState title={error ?? '正在加载…'} />;
  const open = view.status === 'scheduled';
  const assist = async (row: AttendanceRow) => {
    const res = await Taro.showModal({ title: `为${row.name}代签`, content: '用于没有手机或不会使用的成员，将记录代签人。', editable: true, placeholderText: '代签原因，如：老人无智能手机' } as Taro.showModal.Option);
    if (!res.confirm) return;
    await assistCheckIn('meeting', id, row.userId, (res as { content?: string }).content?.trim() || '现场确认出席');
    setView(await getAttendance(id));
  };
  const decide = async (row: AttendanceRow, approve: boolean) => setView(await decideLeave(id, row.userId, { approve }));
  const close = async () => {
    const { confirm } = await Taro.showModal({ title: '结束考勤', content: '未签到且未请假的成员将记为缺席，出席者获得积分。确定结束吗？' });
    if (confirm) setView(await closeAttendance(id));
  };
  const c = view.counts;
  return (
    <View>
      <Card title={`应到 ${c.invited} · 出席 ${c.present} · 迟到 ${c.late} · 请假 ${c.leave} · 缺席 ${c.absent}`}>
        {error ? <Text className="meeting-error">{error}</Text> : null}
        {view.rows.map((r) => (
          <View key={r.userId} className="meeting-row" data-testid={`attendance-row-${r.userId}`}>
            <View>
              <Text>{r.name}</Text>
              <Text className="muted">{` ${ATTENDANCE_LABELS[r.attendance]}${r.method ? `（${CHECKIN_METHOD_LABELS[r.method]}${r.assistedBy ? `：${r.assistedBy}` : ''}）` : ''}`}</Text>
              {r.leave === 'requested' ? <Text className="muted">{` 请假：${r.leaveReason ?? ''}`}</Text> : null}
            </View>
            {open ? (
              <View className="meeting-row__actions">
                {r.leave === 'requested' ? (
                  <>
                    <Text className="meeting-small-button" onClick={() => void decide(r, true)}>批准</Text>
                    <Text className="meeting-small-button" onClick={() => void decide(r, false)}>不批准</Text>
                  </>
                ) : null}
                {r.attendance === 'pending' || r.attendance === 'leave' ? <Text className="meeting-small-button" onClick={() => void assist(r)}>代签</Text> : null}
              </View>
            ) : null}
          </View>
        ))}
      </Card>
      {open ? <BigButton variant="danger" onClick={() => void close()} testId="close-attendance">结束考勤</BigButton> : <Text className="muted">考勤已结束</Text>}
    </View>
  );
}
