import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AttendanceStatus, LeaveStatus } from '@honglin/shared';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { Meeting, MeetingInvitee, MeetingPhoto } from './meeting.entity.js';

const likeAny = (alias: string, paths: string[]) => ({
  sql: `(${paths.map((_, i) => `${alias}.nodePath LIKE :p${i}`).join(' OR ')})`,
  params: Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])),
});

/** The only place that builds queries over meetings, invitees and photos. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly ds: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.ds.manager;
  }

  findMeeting(id: string, em?: EntityManager): Promise<Meeting | null> {
    return this.m(em).findOne(Meeting, { where: { id } });
  }

  async insertMeeting(meeting: Meeting, em: EntityManager): Promise<void> {
    await em.insert(Meeting, meeting);
  }

  async updateMeeting(id: string, patch: Partial<Meeting>, em: EntityManager): Promise<void> {
    await em.update(Meeting, { id }, patch);
  }

  /** Moves a scheduled meeting to another status; false when it was no longer scheduled. */
  async finishMeeting(id: string, status: 'closed' | 'cancelled', at: Date, em: EntityManager): Promise<boolean> {
    const r = await em.createQueryBuilder().update(Meeting).set({ status, closedAt: at }).where('id = :id AND status = :s', { id, s: 'scheduled' }).execute();
    return (r.affected ?? 0) === 1;
  }

  async insertInvitees(rows: MeetingInvitee[], em: EntityManager): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await em.createQueryBuilder().insert().into(MeetingInvitee).values(rows.slice(i, i + 200)).orIgnore().execute();
    }
  }

  findInvitee(meetingId: string, userId: string, em?: EntityManager): Promise<MeetingInvitee | null> {
    return this.m(em).findOne(MeetingInvitee, { where: { meetingId, userId } });
  }

  invitees(meetingId: string, em?: EntityManager): Promise<MeetingInvitee[]> {
    return this.m(em).find(MeetingInvitee, { where: { meetingId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Takes people off the list, but only those still expected and without approved leave (the
   * condition holds against a check-in or a leave decision racing the edit). Returns how many went.
   */
  async removeInvitees(meetingId: string, userIds: string[], em: EntityManager): Promise<number> {
    if (userIds.length === 0) return 0;
    const r = await em
      .createQueryBuilder()
      .delete()
      .from(MeetingInvitee)
      .where('meetingId = :meetingId AND userId IN (:...userIds) AND attendance = :p AND leaveStatus != :a', { meetingId, userIds, p: 'pending', a: 'approved' })
      .execute();
    return r.affected ?? 0;
  }

  async setAttendance(meetingId: string, userId: string, attendance: AttendanceStatus, em: EntityManager): Promise<void> {
    await em.update(MeetingInvitee, { meetingId, userId }, { attendance });
  }

  /** Conditional so a leave request is decided once, and only while still requested. */
  async setLeave(
    meetingId: string,
    userId: string,
    from: LeaveStatus[],
    patch: Partial<Pick<MeetingInvitee, 'leaveStatus' | 'leaveReason' | 'leaveDecidedBy' | 'leaveNote' | 'attendance'>>,
    em: EntityManager,
  ): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(MeetingInvitee)
      .set(patch)
      .where('meetingId = :meetingId AND userId = :userId AND leaveStatus IN (:...from) AND attendance IN (:...open)', { meetingId, userId, from, open: ['pending', 'leave'] })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  /** Closing attendance: whoever neither checked in nor has approved leave is absent. */
  async markAbsentees(meetingId: string, em: EntityManager): Promise<void> {
    await em.createQueryBuilder().update(MeetingInvitee).set({ attendance: 'leave' }).where('meetingId = :meetingId AND attendance = :p AND leaveStatus = :a', { meetingId, p: 'pending', a: 'approved' }).execute();
    await em.createQueryBuilder().update(MeetingInvitee).set({ attendance: 'absent' }).where('meetingId = :meetingId AND attendance = :p', { meetingId, p: 'pending' }).execute();
  }

  attendedIn(meetingId: string, em: EntityManager): Promise<MeetingInvitee[]> {
    return em.find(MeetingInvitee, { where: { meetingId, attendance: In(['present', 'late']) } });
  }

  async counts(meetingIds: string[]): Promise<Map<string, { attendance: string; leaveStatus: string; n: number }[]>> {
    const out = new Map<string, { attendance: string; leaveStatus: string; n: number }[]>();
    if (meetingIds.length === 0) return out;
    const rows = await this.ds.manager
      .createQueryBuilder(MeetingInvitee, 'i')
      .select(['i.meetingId AS meetingId', 'i.attendance AS attendance', 'i.leaveStatus AS leaveStatus'])
      .addSelect('COUNT(*)', 'n')
      .where('i.meetingId IN (:...meetingIds)', { meetingIds })
      .groupBy('i.meetingId')
      .addGroupBy('i.attendance')
      .addGroupBy('i.leaveStatus')
      .getRawMany<{ meetingId: string; attendance: string; leaveStatus: string; n: string | number }>();
    for (const r of rows) out.set(r.meetingId, [...(out.get(r.meetingId) ?? []), { attendance: r.attendance, leaveStatus: r.leaveStatus, n: Number(r.n) }]);
    return out;
  }

  listInvitedTo(userId: string, limit: number): Promise<Meeting[]> {
    return this.ds.manager
      .createQueryBuilder(Meeting, 'm')
      .innerJoin(MeetingInvitee, 'i', 'i.meetingId = m.id')
      .where('i.userId = :userId', { userId })
      .orderBy('m.startsAt', 'DESC')
      .limit(limit)
      .getMany();
  }

  listUnder(paths: string[], limit: number): Promise<Meeting[]> {
    const w = likeAny('m', paths);
    return this.ds.manager.createQueryBuilder(Meeting, 'm').where(w.sql, w.params).orderBy('m.startsAt', 'DESC').limit(limit).getMany();
  }

  /** Meetings of these branches that took place (not cancelled) in [from, to). */
  heldBetween(branchIds: string[], from: Date, to: Date): Promise<Meeting[]> {
    if (branchIds.length === 0) return Promise.resolve([]);
    return this.ds.manager
      .createQueryBuilder(Meeting, 'm')
      .where('m.branchId IN (:...branchIds) AND m.status != :c AND m.startsAt >= :from AND m.startsAt < :to', { branchIds, c: 'cancelled', from, to })
      .orderBy('m.startsAt', 'ASC')
      .getMany();
  }

  inviteesOf(meetingIds: string[]): Promise<MeetingInvitee[]> {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return this.ds.manager.find(MeetingInvitee, { where: { meetingId: In(meetingIds) } });
  }

  /** A person's invitations with their meetings in [from, to). */
  attendanceOf(userId: string, from: Date, to: Date): Promise<{ m: Meeting; i: MeetingInvitee }[]> {
    return this.ds.manager
      .createQueryBuilder(MeetingInvitee, 'i')
      .innerJoinAndMapOne('i.meeting', Meeting, 'm', 'm.id = i.meetingId')
      .where('i.userId = :userId AND m.startsAt >= :from AND m.startsAt < :to AND m.status != :c', { userId, from, to, c: 'cancelled' })
      .orderBy('m.startsAt', 'DESC')
      .getMany()
      .then((rows) => rows.map((i) => ({ i, m: (i as MeetingInvitee & { meeting: Meeting }).meeting })));
  }

  // People a meeting can invite --------------------------------------------------------------

  /** Party members whose branch or group lies under the branch path. */
  membersUnder(branchPath: string): Promise<User[]> {
    return this.ds.manager
      .createQueryBuilder(User, 'u')
      .innerJoin(OrgNode, 'n', 'n.id = u.branchNodeId')
      .where('n.path LIKE :p AND u.disabled = :f', { p: `${branchPath}%`, f: false })
      .orderBy('u.name', 'ASC')
      .getMany();
  }

  /** The branch committee (支委): people holding an organiser or treasurer role on the branch itself. */
  committeeOf(branchId: string): Promise<User[]> {
    return this.ds.manager
      .createQueryBuilder(User, 'u')
      .innerJoin(RoleAssignment, 'r', 'r.userId = u.id')
      .where('r.nodeId = :branchId AND r.role IN (:...roles)', { branchId, roles: ['organiser', 'treasurer'] })
      .distinct(true)
      .getMany();
  }

  usersByIds(ids: string[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.ds.manager.find(User, { where: { id: In(ids) } });
  }

  nodesByIds(ids: string[]): Promise<OrgNode[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.ds.manager.find(OrgNode, { where: { id: In(ids) } });
  }

  /** Branches (and their groups) at or under any of the paths. */
  partyNodesUnder(paths: string[]): Promise<OrgNode[]> {
    const w = { sql: `(${paths.map((_, i) => `n.path LIKE :p${i}`).join(' OR ')})`, params: Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])) };
    return this.ds.manager
      .createQueryBuilder(OrgNode, 'n')
      .where(`n.kind IN (:...kinds) AND ${w.sql}`, { kinds: ['branch', 'group'], ...w.params })
      .orderBy('n.depth', 'ASC')
      .addOrderBy('n.name', 'ASC')
      .getMany();
  }

  // Photos -----------------------------------------------------------------------------------

  photos(meetingIds: string[]): Promise<MeetingPhoto[]> {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return this.ds.manager.find(MeetingPhoto, { where: { meetingId: In(meetingIds) }, order: { createdAt: 'ASC' } });
  }

  findPhoto(meetingId: string, id: string): Promise<MeetingPhoto | null> {
    return this.ds.manager.findOne(MeetingPhoto, { where: { id, meetingId } });
  }

  countPhotos(meetingId: string, em: EntityManager): Promise<number> {
    return em.count(MeetingPhoto, { where: { meetingId } });
  }

  async insertPhoto(photo: MeetingPhoto, em: EntityManager): Promise<void> {
    await em.insert(MeetingPhoto, photo);
  }
}
