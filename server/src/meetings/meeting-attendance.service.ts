import { Injectable } from '@nestjs/common';
import { ATTENDANCE_STATUSES, MEETING_TYPE_LABELS, periodRange, type AttendanceStatus, type LeaveDecision, type MeetingAttendanceView, type MeetingType, type MeetingView, type MyAttendanceView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { CheckInService } from '../checkin/check-in.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationService } from '../notifications/notification.service.js';
import { LedgerService } from '../points/ledger.service.js';
import { assertScheduled, meetingLink } from './meeting-access.js';
import { MeetingNotices } from './meeting-notices.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';
import { clock } from '../common/clock.js';

/** Leave, live attendance, closing attendance (absences + points) and a member's own record. */
@Injectable()
export class MeetingAttendanceService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly repo: MeetingsRepository,
    private readonly checkIns: CheckInService,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationService,
    private readonly notices: MeetingNotices,
    private readonly tx: TransactionRunner,
  ) {}

  /** Who has and hasn't checked in; the organiser's screen polls this. */
  async attendance(actor: Actor, id: string): Promise<MeetingAttendanceView> {
    const meeting = await this.meetings.managed(actor, id);
    const [invitees, checkIns, [view]] = await Promise.all([this.repo.invitees(id), this.checkIns.listFor('meeting', [id]), this.meetings.views(actor, [meeting])]);
    const people = new Map((await this.repo.usersByIds([...invitees.map((i) => i.userId), ...checkIns.flatMap((c) => (c.assistedBy ? [c.assistedBy] : []))])).map((u) => [u.id, u.name]));
    const byUser = new Map(checkIns.map((c) => [c.userId, c]));
    const order: Record<AttendanceStatus, number> = { present: 0, late: 1, pending: 2, leave: 3, absent: 4 };
    const rows = invitees.map((i) => {
      const c = byUser.get(i.userId);
      return {
        userId: i.userId,
        name: people.get(i.userId) ?? '',
        attendance: i.attendance,
        checkedInAt: c ? c.checkedInAt.toISOString() : null,
        method: c?.method ?? null,
        assistedBy: c?.assistedBy ? (people.get(c.assistedBy) ?? '') : null,
        leave: i.leaveStatus,
        leaveReason: i.leaveReason,
      };
    });
    rows.sort((a, b) => order[a.attendance] - order[b.attendance] || (a.checkedInAt ?? '').localeCompare(b.checkedInAt ?? '') || a.name.localeCompare(b.name, 'zh'));
    return { meetingId: id, status: meeting.status, counts: view.counts, rows };
  }

  async requestLeave(actor: Actor, id: string, reason: string): Promise<MeetingView> {
    const meeting = await this.meetings.visible(actor, id);
    assertScheduled(meeting);
    const mine = await this.repo.findInvitee(id, actor.userId);
    if (!mine) throw AppError.notFound();
    if (mine.attendance === 'present' || mine.attendance === 'late') throw new AppError('MEETING_ALREADY_CHECKED_IN');
    if (clock.nowMs() >= meeting.startsAt.getTime()) throw new AppError('MEETING_LEAVE_TOO_LATE');
    await this.tx.run(async (em) => {
      const ok = await this.repo.setLeave(id, actor.userId, ['none', 'requested', 'rejected'], { leaveStatus: 'requested', leaveReason: reason, leaveDecidedBy: null, leaveNote: null, attendance: 'pending' }, em);
      if (!ok) throw new AppError('CONFLICT');
      if (meeting.createdBy !== actor.userId) {
        await this.notifications.enqueue(em, { userId: meeting.createdBy, kind: 'meeting_leave', title: `请假申请：${meeting.title}`, body: reason, link: meetingLink(id), dedupeKey: `meeting:${id}:leave:${actor.userId}:${clock.nowMs()}` });
      }
    });
    return this.meetings.get(actor, id);
  }

  /** Approved leave is not an absence; a rejected request leaves the invitee expected. */
  async decideLeave(actor: Actor, id: string, userId: string, dto: LeaveDecision): Promise<MeetingAttendanceView> {
    const meeting = await this.meetings.managed(actor, id);
    assertScheduled(meeting);
    await this.tx.run(async (em) => {
      const ok = await this.repo.setLeave(id, userId, ['requested'], { leaveStatus: dto.approve ? 'approved' : 'rejected', leaveDecidedBy: actor.userId, leaveNote: dto.note ?? null, attendance: dto.approve ? 'leave' : 'pending' }, em);
      if (!ok) throw new AppError('MEETING_LEAVE_NOT_REQUESTED');
      // Someone excused is not reminded; a rejected request keeps the reminders they already have.
      if (dto.approve) await this.notices.withdrawReminders(em, id, [userId]);
      await this.notifications.enqueue(em, {
        userId,
        kind: 'meeting_leave',
        title: dto.approve ? `请假已批准：${meeting.title}` : `请假未批准：${meeting.title}`,
        body: dto.note || (dto.approve ? '组织者已批准您的请假。' : '请按时参加会议。'),
        link: meetingLink(id),
        dedupeKey: `meeting:${id}:leave-decided:${userId}:${clock.nowMs()}`,
      });
    });
    return this.attendance(actor, id);
  }

  /**
   * Ends attendance: everyone not checked in and without approved leave is absent, and each person
   * present or late is credited attendance points once (idempotency key per meeting and member).
   */
  async close(actor: Actor, id: string): Promise<MeetingAttendanceView> {
    const meeting = await this.meetings.managed(actor, id);
    assertScheduled(meeting);
    if (clock.nowMs() < meeting.startsAt.getTime()) throw new AppError('MEETING_NOT_ENDED');
    await this.tx.run(async (em) => {
      if (!(await this.repo.finishMeeting(id, 'closed', clock.now(), em))) throw new AppError('MEETING_NOT_EDITABLE');
      await this.repo.markAbsentees(id, em);
      for (const i of await this.repo.attendedIn(id, em)) {
        await this.ledger.credit(em, {
          userId: i.userId,
          action: 'meeting_attendance',
          source: { type: 'meeting', id },
          idempotencyKey: `meeting_attendance:${id}:${i.userId}`,
          nodeId: meeting.branchId,
          note: meeting.title,
        });
      }
    });
    return this.attendance(actor, id);
  }

  async myAttendance(actor: Actor, year: number): Promise<MyAttendanceView> {
    const range = periodRange('year', new Date(Date.UTC(year, 6, 1)));
    const rows = await this.repo.attendanceOf(actor.userId, range.start, range.end);
    const totals = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<AttendanceStatus, number>;
    for (const r of rows) totals[r.i.attendance] += 1;
    return {
      year,
      totals,
      items: rows.map(({ m, i }) => ({ meetingId: m.id, title: m.title, type: m.type as MeetingType, typeLabel: MEETING_TYPE_LABELS[m.type as MeetingType], startsAt: m.startsAt.toISOString(), attendance: i.attendance })),
    };
  }
}
