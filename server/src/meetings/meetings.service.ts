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
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManager } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationService } from '../notifications/notification.service.js';
import type { OrgNode } from '../organizations/org-node.entity.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { assertCanManage, assertScheduled, canManage, MEETING_MANAGERS, meetingLink, shortChinaTime } from './meeting-access.js';
import type { Meeting, MeetingInvitee } from './meeting.entity.js';
import { MeetingsRepository } from './meetings.repository.js';

const DEFAULT_GRACE_MINUTES = 10;

/** Scheduling, editing and showing meetings; attendance lives in MeetingAttendanceService. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly repo: MeetingsRepository,
    private readonly org: OrgRepository,
    private readonly notifications: NotificationService,
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
    const now = new Date();
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
      if (meeting.endsAt > now) await this.notifyInvited(em, meeting, inviteeIds, 'invite');
    });
    return this.get(actor, meeting.id);
  }

  async update(actor: Actor, id: string, dto: UpdateMeetingRequest): Promise<MeetingView> {
    const meeting = await this.managed(actor, id);
    assertScheduled(meeting);
    const { addInvitees, ...fields } = dto;
    const next = { ...meeting, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as Meeting;
    if (next.endsAt <= next.startsAt) throw new AppError('VALIDATION_FAILED', [{ field: 'endsAt', message: '结束时间须晚于开始时间' }]);
    if (next.allowGeofence && (next.lat == null || next.lng == null || next.radiusM == null)) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'radiusM', message: '允许定位签到时须填写坐标和范围' }]);
    }
    const branch = (await this.org.findNode(meeting.branchId))!;
    await this.assertPeopleOf(branch, [fields.hostUserId, fields.recorderUserId]);
    const added = addInvitees?.length ? await this.resolveInvitees({ kind: 'members', userIds: addInvitees }, branch) : [];
    const moved = next.startsAt.getTime() !== meeting.startsAt.getTime() || next.address !== meeting.address;
    const now = new Date();
    await this.tx.run(async (em) => {
      await this.repo.updateMeeting(id, { ...fields, allowGeofence: next.allowGeofence } as Partial<Meeting>, em);
      await this.repo.insertInvitees(added.map((userId) => invitee(id, userId, now)), em);
      await this.notifyInvited(em, next, added, 'invite');
      if (moved) await this.notifyInvited(em, next, (await this.repo.invitees(id)).map((i) => i.userId), `change:${now.getTime()}`);
    });
    return this.get(actor, id);
  }

  async cancel(actor: Actor, id: string): Promise<MeetingView> {
    const meeting = await this.managed(actor, id);
    const invited = await this.repo.invitees(id);
    await this.tx.run(async (em) => {
      if (!(await this.repo.finishMeeting(id, 'cancelled', new Date(), em))) throw new AppError('MEETING_NOT_EDITABLE');
      await this.notifyInvited(em, meeting, invited.map((i) => i.userId), 'cancel');
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, q: MeetingListQuery): Promise<MeetingView[]> {
    const rows = q.scope === 'managed' ? await this.repo.listUnder(assertManager(actor, MEETING_MANAGERS), 200) : await this.repo.listInvitedTo(actor.userId, 200);
    const now = Date.now();
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

  /** Outbox rows in the caller's transaction; the worker delivers (inbox, WeChat when granted). */
  private async notifyInvited(em: EntityManager, m: Meeting, userIds: string[], what: string): Promise<void> {
    const label = MEETING_TYPE_LABELS[m.type as MeetingType] ?? '会议';
    const title = what === 'cancel' ? `会议取消：${m.title}` : what === 'invite' ? `会议通知：${m.title}` : `会议变更：${m.title}`;
    const body = what === 'cancel' ? `原定${shortChinaTime(m.startsAt)}的${label}已取消。` : `${label}，${shortChinaTime(m.startsAt)}，地点：${m.address}。如不能参加请在会前请假。`;
    for (const userId of userIds) {
      await this.notifications.enqueue(em, {
        userId,
        kind: 'meeting',
        title,
        body,
        link: meetingLink(m.id),
        dedupeKey: `meeting:${m.id}:${what}:${userId}`,
        urgent: what === 'cancel',
        // Also a WeChat subscription message when the invitee granted one (thing fields: 20 characters).
        templateKey: 'meeting_notice',
        data: { thing1: title.slice(0, 20), time2: shortChinaTime(m.startsAt), thing3: (what === 'cancel' ? '会议已取消' : m.address).slice(0, 20) },
      });
    }
  }
}

function invitee(meetingId: string, userId: string, now: Date): MeetingInvitee {
  return { id: newId(), meetingId, userId, attendance: 'pending', leaveStatus: 'none', leaveReason: null, leaveDecidedBy: null, leaveNote: null, createdAt: now, updatedAt: now };
}
