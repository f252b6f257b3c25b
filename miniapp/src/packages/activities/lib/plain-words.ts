import { toChinaParts, type ActivityDetail, type EnrollmentView } from '@honglin/shared';

const WEEKDAYS = '日一二三四五六';

/** "12月3日 星期三 下午2:00": the way a time is said aloud, not printed in a table. */
export function plainTime(iso: string): string {
  const p = toChinaParts(new Date(iso));
  return `${p.month}月${p.day}日 星期${WEEKDAYS[p.weekday]} ${clock(p.hour, p.minute)}`;
}

function period(hour: number): string {
  return hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour < 13 ? '中午' : hour < 18 ? '下午' : '晚上';
}

function clock(hour: number, minute: number, withPeriod = true): string {
  return `${withPeriod ? period(hour) : ''}${hour > 12 ? hour - 12 : hour}:${String(minute).padStart(2, '0')}`;
}

/** "12月3日 星期三 下午2:00到4:00，在幸福社区活动室" (the end day is named only when it differs). */
export function whenAndWhere(a: Pick<ActivityDetail, 'startsAt' | 'endsAt' | 'place'>): string {
  const start = toChinaParts(new Date(a.startsAt));
  const end = toChinaParts(new Date(a.endsAt));
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day;
  // "下午2:00到4:00": the part of the day is said once when it does not change.
  const until = sameDay ? clock(end.hour, end.minute, period(end.hour) !== period(start.hour)) : plainTime(a.endsAt);
  return `${plainTime(a.startsAt)}到${until}，在${a.place}`;
}

/** What the read-aloud button says on an activity page. */
export function spokenActivity(a: Pick<ActivityDetail, 'title' | 'startsAt' | 'endsAt' | 'place' | 'placesLeft' | 'description'>): string {
  const places = a.placesLeft > 0 ? `还有${a.placesLeft}个名额。` : '名额已满，可以排队候补。';
  return `${a.title}。时间是${whenAndWhere(a).replace('，在', '。地点在')}。${places}${a.description}`;
}

/** The done screen of elder sign-up, in plain words: what happened and what to do next. */
export function signUpOutcome(e: Pick<EnrollmentView, 'status' | 'waitlistPosition'>): { title: string; next: string } {
  if (e.status === 'waitlisted') {
    return { title: `已排上候补，第${e.waitlistPosition ?? 1}位`, next: '有人取消时会通知您，请留意消息。' };
  }
  if (e.status === 'registered') return { title: '已提交报名', next: '组织者审核后会通知您。' };
  return { title: '报名成功', next: '到了现场，请点首页的“我要签到”。' };
}
