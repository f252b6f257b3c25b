import { Injectable } from '@nestjs/common';
import {
  ATTENDANCE_STATUSES,
  MEETING_TYPE_LABELS,
  type CreateMeetingRequest,
  type MeetingInviteesInput,
  type MeetingListQuery,
  type MeetingType,
  type MeetingView,
  type UpdateMeetingRequest,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManager } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { OrgNode } from '../organizations/org-node.entity.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { assertCanManage, assertScheduled, canManage, MEETING_MANAGERS } from './meeting-access.js';
import { MeetingNotices } from './meeting-notices.js';
import type { Meeting, MeetingInvitee } from './meeting.entity.js';
import { MeetingsRepository } from './meetings.repository.js';
import { clock } from '../common/clock.js';

const DEFAULT_GRACE_MINUTES = 10;

/** Scheduling, editing and showing meetings; attendance lives in MeetingAttendanceService. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly repo: MeetingsRepository,
    private readonly org: OrgRepository,
    private readonly notices: MeetingNotices,
    private readonly tx: TransactionRunner,
  ) {}

  async create(actor: Actor, dto: CreateMeetingRequest): Promise<MeetingView> {
    const node = await this.org.findNode(dto.nodeId);
    if (!node || (node.kind !== 'branch' && node.kind !== 'group')) throw new AppError('MEETING_NODE_INVALID');
    assertCanManage(actor, { nodePath: node.path });
    const branch = node.kind === 'branch' ? node : await this.org.findNode(node.parentId!);
    if (!branch || branch.kind !== 'branch') throw new AppError('MEETING_NODE_INVALID');
    const inviteeIds = await this.resolveInvitees(dto.invitees, branch);
    if (inviteeIds.length === 0) throw new AppError('MEETING_NO_INVITEES');
    await this.assertPeopleOf(branch, [dto.hostUserId, dto.recorderUserId]);
    const now = clock.now();
    const meeting: Meeting = {
      id: newId(),
      nodeId: node.id,
      nodePath: node.path,
      branchId: branch.id,
      groupId: node.kind === 'group' ? node.id : null,
      type: dto.type,
      title: dto.title,
      status: 'scheduled',
      startsAt: dto.startsAt,
      endsAt: dto.endsAt,
      address: dto.address,
      lat: dto.lat ?? null,
      lng: dto.lng ?? null,
      radiusM: dto.radiusM ?? null,
      allowGeofence: dto.allowGeofence ?? false,
      lateGraceMinutes: dto.lateGraceMinutes ?? DEFAULT_GRACE_MINUTES,
      hostUserId: dto.hostUserId ?? null,
      recorderUserId: dto.recorderUserId ?? null,
      agenda: dto.agenda ?? '',
      minutes: '',
      resolutions: '',
      closedAt: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await this.tx.run(async (em) => {
      await this.repo.insertMeeting(meeting, em);
      await this.repo.insertInvitees(inviteeIds.map((userId) => invitee(meeting.id, userId, now)), em);
      if (meeting.endsAt > now) await this.notices.tell(em, meeting, inviteeIds, 'invite', now);
      await this.notices.planReminders(em, meeting, inviteeIds, now);
    });
    return this.get(actor, meeting.id);
  }

  async update(actor: Actor, id: string, dto: UpdateMeetingRequest): Promise<MeetingView> {
    const meeting = await this.managed(actor, id);
    assertScheduled(meeting);
    const now = clock.now();
    const { addInvitees, invitees: choice, ...fields } = dto;
    // Once it has started people are checking in against the list; latecomers may still be added.
    if (choice && now >= meeting.startsAt) throw new AppError('MEETING_STARTED');
    const next = { ...meeting, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as Meeting;
    if (next.endsAt <= next.startsAt) throw new AppError('VALIDATION_FAILED', [{ field: 'endsAt', message: '结束时间须晚于开始时间' }]);
    if (next.allowGeofence && (next.lat == null || next.lng == null || next.radiusM == null)) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'radiusM', message: '允许定位签到时须填写坐标和范围' }]);
    }
    const branch = (await this.org.findNode(meeting.branchId))!;
    await this.assertPeopleOf(branch, [fields.hostUserId, fields.recorderUserId]);
    const current = await this.repo.invitees(id);
    const { added, removed } = await this.inviteeChange(current, choice ? await this.resolveInvitees(choice, branch) : null, addInvitees?.length ? await this.resolveInvitees({ kind: 'members', userIds: addInvitees }, branch) : []);
    const moved = next.startsAt.getTime() !== meeting.startsAt.getTime() || next.address !== meeting.address;
    const remindersStale = moved || next.title !== meeting.title || next.type !== meeting.type; // what the reminder text says
    await this.tx.run(async (em) => {
      await this.repo.updateMeeting(id, { ...fields, allowGeofence: next.allowGeofence } as Partial<Meeting>, em);
      // Fewer rows: someone checked in, got leave approved or was removed since we looked.
      if ((await this.repo.removeInvitees(id, removed, em)) !== removed.length) throw new AppError('CONFLICT');
      await this.notices.withdrawReminders(em, id, removed);
      await this.notices.tell(em, next, removed, 'uninvited', now);
      await this.repo.insertInvitees(added.map((userId) => invitee(id, userId, now)), em);
      await this.notices.tell(em, next, added, 'invite', now);
      await this.notices.planReminders(em, next, added, now);
      const fresh = new Set(added);
      const stayed = (await this.repo.invitees(id, em)).filter((i) => !fresh.has(i.userId));
      if (moved) await this.notices.tell(em, next, stayed.map((i) => i.userId), 'change', now);
      if (remindersStale) {
        await this.notices.withdrawReminders(em, id, stayed.map((i) => i.userId));
        await this.notices.planReminders(em, next, stayed.filter(expected).map((i) => i.userId), now);
      }
    });
    return this.get(actor, id);
  }

  async cancel(actor: Actor, id: string): Promise<MeetingView> {
    const meeting = await this.managed(actor, id);
    const invited = (await this.repo.invitees(id)).map((i) => i.userId);
    const now = clock.now();
    await this.tx.run(async (em) => {
      if (!(await this.repo.finishMeeting(id, 'cancelled', now, em))) throw new AppError('MEETING_NOT_EDITABLE');
      await this.notices.withdrawReminders(em, id, invited);
      await this.notices.tell(em, meeting, invited, 'cancel', now);
    });
    return this.get(actor, id);
  }

  /**
   * Who a new invitation list adds and removes. Someone who checked in or whose leave was approved
   * is never taken off: both are already part of the branch's attendance record (a check-in row, a
   * decision the member was told about), so dropping them would rewrite it behind their back. The
   * organiser is told who they are and can keep them with "指定人员".
   */
  private async inviteeChange(current: MeetingInvitee[], wanted: string[] | null, extra: string[]): Promise<{ added: string[]; removed: string[] }> {
    const have = new Set(current.map((i) => i.userId));
    const target = new Set([...(wanted ?? have), ...extra]);
    if (wanted && target.size === 0) throw new AppError('MEETING_NO_INVITEES');
    const leaving = current.filter((i) => !target.has(i.userId));
    const locked = leaving.filter((i) => !expected(i));
    if (locked.length) {
      const names = new Map((await this.repo.usersByIds(locked.map((i) => i.userId))).map((u) => [u.id, u.name]));
      const why = (i: MeetingInvitee) => (i.leaveStatus === 'approved' ? '已批准请假' : '已签到');
      throw new AppError('MEETING_INVITEE_LOCKED', [{ field: 'invitees', message: locked.map((i) => `${names.get(i.userId) ?? ''}（${why(i)}）`).join('、') }]);
    }
    return { added: [...target].filter((u) => !have.has(u)), removed: leaving.map((i) => i.userId) };
  }

  async list(actor: Actor, q: MeetingListQuery): Promise<MeetingView[]> {
    const rows = q.scope === 'managed' ? await this.repo.listUnder(assertManager(actor, MEETING_MANAGERS), 200) : await this.repo.listInvitedTo(actor.userId, 200);
    const now = clock.nowMs();
    const picked = rows
      .filter((m) => q.when === 'all' || (q.when === 'upcoming' ? m.endsAt.getTime() >= now && m.status === 'scheduled' : m.endsAt.getTime() < now || m.status !== 'scheduled'))
      .slice(0, q.limit);
    if (q.when === 'upcoming') picked.reverse(); // soonest first
    return this.views(actor, picked);
  }

  async get(actor: Actor, id: string): Promise<MeetingView> {
    const meeting = await this.visible(actor, id);
    return (await this.views(actor, [meeting]))[0];
  }

  /** A meeting the caller may see: invited, or managing its node. Anything else does not exist. */
  async visible(actor: Actor, id: string): Promise<Meeting> {
    const meeting = await this.repo.findMeeting(id);
    if (!meeting) throw AppError.notFound();
    if (canManage(actor, meeting) || (await this.repo.findInvitee(id, actor.userId))) return meeting;
    throw AppError.notFound();
  }

  async managed(actor: Actor, id: string): Promise<Meeting> {
    const meeting = await this.repo.findMeeting(id);
    if (!meeting) throw AppError.notFound();
    assertCanManage(actor, meeting);
    return meeting;
  }

  async views(actor: Actor, meetings: Meeting[]): Promise<MeetingView[]> {
    const ids = meetings.map((m) => m.id);
    const [counts, photos, nodes, people, mine] = await Promise.all([
      this.repo.counts(ids),
      this.repo.photos(ids),
      this.repo.nodesByIds([...new Set(meetings.map((m) => m.nodeId))]),
      this.repo.usersByIds([...new Set(meetings.flatMap((m) => [m.hostUserId, m.recorderUserId]).filter((x): x is string => !!x))]),
      Promise.all(meetings.map((m) => this.repo.findInvitee(m.id, actor.userId))),
    ]);
    const nodeById = new Map(nodes.map((n) => [n.id, n]));
    const person = (id: string | null) => (id ? { id, name: people.find((p) => p.id === id)?.name ?? '' } : null);
    return meetings.map((m, idx) => {
      const c = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as MeetingView['counts'];
      c.invited = 0;
      c.leaveRequested = 0;
      for (const r of counts.get(m.id) ?? []) {
        c[r.attendance as keyof MeetingView['counts']] += r.n;
        c.invited += r.n;
        if (r.leaveStatus === 'requested') c.leaveRequested += r.n;
      }
      const me = mine[idx];
      const node = nodeById.get(m.nodeId);
      return {
        id: m.id,
        type: m.type as MeetingType,
        typeLabel: MEETING_TYPE_LABELS[m.type as MeetingType] ?? m.type,
        title: m.title,
        node: { id: m.nodeId, name: node?.name ?? '', kind: node?.kind ?? 'branch' },
        status: m.status,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
        address: m.address,
        lat: m.lat,
        lng: m.lng,
        radiusM: m.radiusM,
        allowGeofence: m.allowGeofence,
        lateGraceMinutes: m.lateGraceMinutes,
        host: person(m.hostUserId),
        recorder: person(m.recorderUserId),
        agenda: m.agenda,
        minutes: m.minutes,
        resolutions: m.resolutions,
        photos: photos.filter((p) => p.meetingId === m.id).map((p) => ({ id: p.id, url: `/api/meetings/${m.id}/photos/${p.id}` })),
        counts: c,
        me: me ? { attendance: me.attendance, leave: me.leaveStatus, leaveReason: me.leaveReason, checkedInAt: null } : null,
        canManage: canManage(actor, m),
      };
    });
  }

  /** User ids for an invitation choice; chosen members must belong to the branch. */
  private async resolveInvitees(choice: MeetingInviteesInput, branch: OrgNode): Promise<string[]> {
    if (choice.kind === 'branch') return (await this.repo.membersUnder(branch.path)).map((u) => u.id);
    if (choice.kind === 'committee') return (await this.repo.committeeOf(branch.id)).map((u) => u.id);
    if (choice.kind === 'group') {
      const group = await this.org.findNode(choice.groupId);
      if (!group || group.kind !== 'group' || group.parentId !== branch.id) throw new AppError('MEETING_NODE_INVALID');
      return (await this.repo.membersUnder(group.path)).map((u) => u.id);
    }
    const ids = [...new Set(choice.userIds)];
    await this.assertPeopleOf(branch, ids);
    return ids;
  }

  /** Hosts, recorders and chosen invitees are Party members of the branch or its committee. */
  private async assertPeopleOf(branch: OrgNode, ids: (string | null | undefined)[]): Promise<void> {
    const wanted = ids.filter((x): x is string => !!x);
    if (wanted.length === 0) return;
    const [members, committee] = await Promise.all([this.repo.membersUnder(branch.path), this.repo.committeeOf(branch.id)]);
    const allowed = new Set([...members, ...committee].map((u) => u.id));
    if (wanted.some((id) => !allowed.has(id))) throw new AppError('MEETING_PERSON_INVALID');
  }
}

/** Still expected to come: not checked in, no approved leave (reminders go to these). */
const expected = (i: MeetingInvitee) => i.attendance === 'pending' && i.leaveStatus !== 'approved';

function invitee(meetingId: string, userId: string, now: Date): MeetingInvitee {
  return { id: newId(), meetingId, userId, attendance: 'pending', leaveStatus: 'none', leaveReason: null, leaveDecidedBy: null, leaveNote: null, createdAt: now, updatedAt: now };
}
