import { ATTENDANCE_LABELS, formatChinaDateTime, type AttendanceStatus, type MeetingView } from '@honglin/shared';

export const STATUS_LABELS: Record<MeetingView['status'], string> = { scheduled: '未结束', closed: '已结束', cancelled: '已取消' };
export const LEAVE_LABELS = { none: '', requested: '请假待审批', approved: '请假已批准', rejected: '请假未批准' } as const;

export function whenText(m: Pick<MeetingView, 'startsAt' | 'endsAt'>): string {
  return `${formatChinaDateTime(m.startsAt)} 至 ${formatChinaDateTime(m.endsAt).slice(11)}`;
}

export function attendanceText(a: AttendanceStatus): string {
  return ATTENDANCE_LABELS[a];
}
