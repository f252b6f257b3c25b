import { toChinaParts, type MeetingView } from '@honglin/shared';
import { STATUS_LABELS } from '../../lib/labels';

const WEEKDAYS = '日一二三四五六';

const period = (hour: number) => (hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour < 13 ? '中午' : hour < 18 ? '下午' : '晚上');

/** "12月3日 星期三 下午2:30"; `after` leaves out what the start time already said ("下午2:30到4:00"). */
function spokenTime(iso: string, after?: string): string {
  const p = toChinaParts(new Date(iso));
  const start = after ? toChinaParts(new Date(after)) : null;
  const sameDay = start && start.year === p.year && start.month === p.month && start.day === p.day;
  const clock = `${sameDay && period(start.hour) === period(p.hour) ? '' : period(p.hour)}${p.hour > 12 ? p.hour - 12 : p.hour}:${String(p.minute).padStart(2, '0')}`;
  return sameDay ? clock : `${p.month}月${p.day}日 星期${WEEKDAYS[p.weekday]} ${clock}`;
}

/** What 朗读 says on a meeting page: what, when, where, who leads it, the agenda and, when held, the record. */
export function spokenMeeting(m: Pick<MeetingView, 'title' | 'typeLabel' | 'status' | 'startsAt' | 'endsAt' | 'address' | 'node' | 'host' | 'agenda' | 'minutes' | 'resolutions'>): string {
  return [
    `${m.title}，${m.typeLabel}${m.status === 'scheduled' ? '' : `，${STATUS_LABELS[m.status]}`}。`,
    `时间是${spokenTime(m.startsAt)}到${spokenTime(m.endsAt, m.startsAt)}。`,
    `地点在${m.address}。`,
    `由${m.node.name}召开${m.host ? `，主持人${m.host.name}` : ''}。`,
    m.agenda ? `议程：${m.agenda}` : '',
    m.minutes ? `会议记录：${m.minutes}` : '',
    m.resolutions ? `决议：${m.resolutions}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
