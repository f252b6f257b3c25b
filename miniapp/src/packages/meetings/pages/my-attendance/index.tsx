import { Text, View } from '@tarojs/components';
import { ATTENDANCE_LABELS, formatChinaDateTime, toChinaParts } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getMyAttendance } from '../../../../services/meetings';
import '../../lib/meetings.scss';

export default function MyAttendancePage() {
  const year = toChinaParts(new Date()).year;
  return <PageShell title={`${year}年参会记录`}>{() => <MyAttendance year={year} />}</PageShell>;
}

function MyAttendance({ year }: { year: number }) {
  const remote = useRemote(() => getMyAttendance(year));
  return (
    <Loadable remote={remote}>
      {(v) => (
        <View>
          <Card title="合计" testId="attendance-totals">
            <Text className="meeting-card__line">{`出席 ${v.totals.present} · 迟到 ${v.totals.late} · 请假 ${v.totals.leave} · 缺席 ${v.totals.absent}`}</Text>
          </Card>
          {v.items.length === 0 ? <EmptyState title="今年还没有会议记录" /> : null}
          {v.items.map((i) => (
            <View key={i.meetingId} className="meeting-row">
              <View>
                <Text>{i.title}</Text>
                <Text className="muted">{` ${i.typeLabel} · ${formatChinaDateTime(i.startsAt)}`}</Text>
              </View>
              <Text>{ATTENDANCE_LABELS[i.attendance]}</Text>
            </View>
          ))}
        </View>
      )}
    </Loadable>
  );
}
