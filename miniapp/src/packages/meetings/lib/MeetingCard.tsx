import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeetingView } from '@honglin/shared';
import { Card } from '../../../components/Card';
import { MEETING_PAGES } from '../../../services/meetings';
import { attendanceText, LEAVE_LABELS, STATUS_LABELS, whenText } from './labels';

/** One meeting in a list: tap for the detail page. */
export function MeetingCard({ meeting }: { meeting: MeetingView }) {
  const open = () => void Taro.navigateTo({ url: `${MEETING_PAGES.detail}?id=${meeting.id}` });
  const mine = meeting.me ? (meeting.me.leave !== 'none' && meeting.me.attendance === 'pending' ? LEAVE_LABELS[meeting.me.leave] : attendanceText(meeting.me.attendance)) : null;
  return (
    <View onClick={open} data-testid={`meeting-${meeting.id}`}>
      <Card title={meeting.title} extra={<Text className="muted">{STATUS_LABELS[meeting.status]}</Text>}>
        <Text className="meeting-card__line">{`${meeting.typeLabel} · ${meeting.node.name}`}</Text>
        <Text className="meeting-card__line">{whenText(meeting)}</Text>
        <Text className="meeting-card__line muted">{meeting.address}</Text>
        {mine ? <Text className="meeting-card__line">{`我的状态：${mine}`}</Text> : null}
        {meeting.canManage ? <Text className="meeting-card__line muted">{`应到 ${meeting.counts.invited} · 已到 ${meeting.counts.present + meeting.counts.late} · 请假 ${meeting.counts.leave}`}</Text> : null}
      </Card>
    </View>
  );
}
