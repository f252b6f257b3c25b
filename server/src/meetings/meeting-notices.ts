import { Injectable } from '@nestjs/common';
import { MEETING_TYPE_LABELS, planReminders, type MeetingType } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { NotificationService, type NewNotification } from '../notifications/notification.service.js';
import { meetingLink, shortChinaTime } from './meeting-access.js';
import type { Meeting } from './meeting.entity.js';

export type MeetingNotice = 'invite' | 'change' | 'uninvited' | 'cancel';

const label = (m: Meeting) => MEETING_TYPE_LABELS[m.type as MeetingType] ?? '会议';
/** WeChat `thing` fields hold 20 characters. */
const thing = (v: string) => v.slice(0, 20);

/**
 * Every notice about a meeting, written to the one outbox in the caller's transaction: invitations,
 * changes, cancellations, and the reminders before it starts (the same cadence as activity
 * reminders, minus the rating request).
 */
@Injectable()
export class MeetingNotices {
  constructor(private readonly notifications: NotificationService) {}

  /** `at` (the moment of the change) keeps a repeat distinct: moved twice, or removed and invited again. */
  async tell(em: EntityManager, m: Meeting, userIds: string[], what: MeetingNotice, at: Date): Promise<void> {
    const title = what === 'cancel' ? `会议取消：${m.title}` : what === 'invite' ? `会议通知：${m.title}` : `会议变更：${m.title}`;
    const body =
      what === 'cancel'
        ? `原定${shortChinaTime(m.startsAt)}的${label(m)}已取消。`
        : what === 'uninvited'
          ? `${shortChinaTime(m.startsAt)}的${label(m)}参会人员已调整，您无需参加。`
          : `${label(m)}，${shortChinaTime(m.startsAt)}，地点：${m.address}。如不能参加请在会前请假。`;
    const note = what === 'cancel' ? '会议已取消' : what === 'uninvited' ? '您无需参加' : m.address;
    await this.enqueue(
      em,
      userIds.map((userId) => ({
        userId,
        kind: 'meeting',
        title,
        body,
        link: what === 'uninvited' ? undefined : meetingLink(m.id), // the meeting is no longer theirs to open
        dedupeKey: `meeting:${m.id}:${what}:${userId}:${at.getTime()}`,
        urgent: what === 'cancel',
        // Also a WeChat subscription message when the invitee granted one.
        templateKey: 'meeting_notice',
        data: { thing1: thing(title), time2: shortChinaTime(m.startsAt), thing3: thing(note) },
      })),
    );
  }

  /**
   * The day before (11:00 Beijing time) and one hour before, per invitee; past ones are skipped.
   * `now` in the dedupe key keeps a later re-plan distinct from rows withdrawn earlier, even when a
   * meeting moves back to a time it had before.
   */
  async planReminders(em: EntityManager, m: Meeting, userIds: string[], now: Date): Promise<void> {
    const plan = planReminders(m.startsAt, m.endsAt, now).filter((r) => r.kind !== 'rate');
    const rows: NewNotification[] = [];
    for (const userId of userIds) {
      for (const r of plan) {
        const title = r.kind === 'day_before' ? `明天开会：${m.title}` : `会议1小时后开始：${m.title}`;
        const body =
          r.kind === 'day_before'
            ? `${label(m)}将于${shortChinaTime(m.startsAt)}召开，地点：${m.address}。如不能参加请在会前请假。`
            : `${label(m)}将于${shortChinaTime(m.startsAt)}开始，地点：${m.address}，请准时到场签到。`;
        rows.push({
          userId,
          kind: `meeting_reminder_${r.kind}`,
          title,
          body,
          link: meetingLink(m.id),
          templateKey: 'meeting_notice',
          data: { thing1: thing(m.title), time2: shortChinaTime(m.startsAt), thing3: r.kind === 'day_before' ? '明天召开' : '1小时后开始' },
          dedupeKey: `mrem:${m.id}:${userId}:${r.kind}:${now.getTime()}`,
          groupKey: reminderGroup(m.id, userId),
          notBefore: r.at,
        });
      }
    }
    await this.enqueue(em, rows);
  }

  /** In slices: a whole branch's reminders in one statement could pass SQLite's bound-parameter limit. */
  private async enqueue(em: EntityManager, rows: NewNotification[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await this.notifications.enqueueMany(em, rows.slice(i, i + 200));
  }

  /** Withdraws the reminders no worker has picked up yet (leave approved, removed, cancelled, re-planned). */
  async withdrawReminders(em: EntityManager, meetingId: string, userIds: string[]): Promise<void> {
    for (const userId of userIds) await this.notifications.cancelGroup(em, reminderGroup(meetingId, userId));
  }
}

export const reminderGroup = (meetingId: string, userId: string) => `mrem:${meetingId}:${userId}`;
