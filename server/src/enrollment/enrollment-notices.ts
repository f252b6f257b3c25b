import { Injectable } from '@nestjs/common';
import { formatChinaDateTime, planReminders, type TemplateKey } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { NotificationService, type NewNotification } from '../notifications/notification.service.js';
import type { Enrollment } from './enrollment.entity.js';
import type { EnrollmentSlot } from './enrollment-slot.entity.js';

export type NoticeKind = 'registered' | 'confirmed' | 'waitlisted' | 'offered' | 'offer_expired' | 'approved' | 'rejected' | 'cancelled_by_organiser' | 'slot_cancelled';

const TEXT: Record<NoticeKind, { title: string; body: (s: EnrollmentSlot, e: Enrollment) => string; template?: TemplateKey; urgent?: boolean }> = {
  registered: { title: '报名已提交', body: (s) => `您报名的“${s.title}”正在等待组织者审核，结果会通知您。`, template: 'activity_signup' },
  confirmed: { title: '报名成功', body: (s, e) => `您已成功报名“${s.title}”（共${e.seats}人），时间 ${when(s)}。`, template: 'activity_signup' },
  waitlisted: { title: '已进入候补', body: (s) => `“${s.title}”名额已满，您已进入候补。有名额空出时会第一时间通知您。`, template: 'activity_signup' },
  offered: {
    title: '候补名额到了',
    body: (s, e) => `“${s.title}”空出了名额，请在 ${formatChinaDateTime(e.offerExpiresAt!)} 前确认，逾期将让给下一位。`,
    template: 'waitlist_offer',
    urgent: true,
  },
  offer_expired: { title: '候补名额已过期', body: (s) => `您没有在规定时间内确认“${s.title}”的候补名额，名额已让给下一位。` },
  approved: { title: '报名已通过', body: (s) => `您报名的“${s.title}”已通过审核，时间 ${when(s)}。`, template: 'activity_signup' },
  rejected: { title: '报名未通过', body: (s) => `很抱歉，您报名的“${s.title}”未通过审核。` },
  cancelled_by_organiser: { title: '报名已被取消', body: (s) => `组织者取消了您在“${s.title}”的报名，如有疑问请联系社区。` },
  slot_cancelled: { title: '活动已取消', body: (s) => `很抱歉，您报名的“${s.title}”（${when(s)}）已取消，您的报名随之取消。`, template: 'activity_signup' },
};

/** A call-off this close to the start goes out even in quiet hours: people would otherwise turn up. */
const URGENT_WITHIN_MS = 12 * 3_600_000;

function when(s: EnrollmentSlot): string {
  return formatChinaDateTime(s.startsAt);
}

const thing = (v: string) => (v.length > 20 ? `${v.slice(0, 19)}…` : v);

/** Every notice the engine sends, written to the outbox in the caller's transaction. */
@Injectable()
export class EnrollmentNotices {
  constructor(private readonly notifications: NotificationService) {}

  /** `at` (the moment of the change) keeps a later repeat of the same kind (re-joining after cancelling) distinct. */
  async send(em: EntityManager, kind: NoticeKind, slot: EnrollmentSlot, e: Enrollment, at: Date, withReminders = false): Promise<void> {
    const rows = [this.notice(kind, slot, e, at)];
    if (withReminders) rows.push(...this.reminders(slot, e, at));
    await this.notifications.enqueueMany(em, rows);
  }

  /** The same notice to several people in one statement (a batch joining the queue). */
  async sendEach(em: EntityManager, kind: NoticeKind, slot: EnrollmentSlot, list: Enrollment[], at: Date): Promise<void> {
    await this.notifications.enqueueMany(em, list.map((e) => this.notice(kind, slot, e, at)));
  }

  /** Everyone still signed up (or waiting) hears that the whole thing is off, and why. */
  async slotCancelled(em: EntityManager, slot: EnrollmentSlot, enrollments: Enrollment[], at: Date, reason: string): Promise<void> {
    const urgent = slot.startsAt.getTime() - at.getTime() < URGENT_WITHIN_MS;
    await this.notifications.enqueueMany(
      em,
      enrollments.map((e) => {
        const n = this.notice('slot_cancelled', slot, e, at);
        return { ...n, body: `${n.body}原因：${reason}`, urgent };
      }),
    );
  }

  private notice(kind: NoticeKind, slot: EnrollmentSlot, e: Enrollment, at: Date): NewNotification {
    const t = TEXT[kind];
    return {
      userId: e.userId,
      kind: `enrollment_${kind}`,
      title: t.title,
      body: t.body(slot, e),
      link: slot.link ?? undefined,
      urgent: t.urgent,
      templateKey: t.template,
      data: t.template ? { thing1: thing(slot.title), time2: when(slot), thing3: thing(t.title) } : undefined,
      dedupeKey: `enr:${e.id}:${kind}:${at.getTime()}`,
    };
  }

  /** Day-before (confirm or cancel), hour-before and rate-it reminders; withdrawn together on cancellation. */
  private reminders(slot: EnrollmentSlot, e: Enrollment, now: Date): NewNotification[] {
    return planReminders(slot.startsAt, slot.endsAt, now).map((r) => {
      const text =
        r.kind === 'day_before'
          ? { title: '明天有活动', body: `“${slot.title}”将于 ${when(slot)} 开始，地点见详情。如不能参加请及时取消，把名额让给他人。` }
          : r.kind === 'hour_before'
            ? { title: '活动1小时后开始', body: `“${slot.title}”将于 ${when(slot)} 开始，请准时到场签到。` }
            : { title: '请为活动评分', body: `感谢参加“${slot.title}”，请花一分钟为活动打分、提建议。` };
      return {
        userId: e.userId,
        kind: `reminder_${r.kind}`,
        ...text,
        link: slot.link ?? undefined,
        templateKey: r.kind === 'rate' ? undefined : 'activity_reminder',
        data: r.kind === 'rate' ? undefined : { thing1: thing(slot.title), time2: when(slot), thing3: thing(text.title) },
        dedupeKey: `rem:${e.id}:${r.kind}:${now.getTime()}`,
        groupKey: reminderGroup(e.id),
        notBefore: r.at,
      };
    });
  }

  cancelReminders(em: EntityManager, enrollmentId: string): Promise<void> {
    return this.notifications.cancelGroup(em, reminderGroup(enrollmentId));
  }
}

const reminderGroup = (enrollmentId: string) => `rem:${enrollmentId}`;
