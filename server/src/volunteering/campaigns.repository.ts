import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { isSqlite } from '../database/data-source.js';
import { Enrollment } from '../enrollment/enrollment.entity.js';
import { EnrollmentSlot } from '../enrollment/enrollment-slot.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { VolunteerCampaign, VolunteerShift } from './campaign.entity.js';
import { VolunteerProfile } from './profile.entity.js';
import { clock } from '../common/clock.js';

/** Enrollment statuses that mean the person holds (or waits for) the shift: the ones an overlap is judged against. */
const HOLDING = ['registered', 'confirmed', 'waitlisted', 'offered', 'attended'];

const likeAny = (column: string, paths: string[]) => ({
  sql: `(${paths.map((_, i) => `${column} LIKE :p${i}`).join(' OR ')})`,
  params: Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])),
});

/** A locking read on MariaDB (sees the latest committed row and holds it to commit); SQLite transactions are serialised anyway. */
function locking<T extends ObjectLiteral>(em: EntityManager, qb: SelectQueryBuilder<T>, mode: 'pessimistic_read' | 'pessimistic_write'): SelectQueryBuilder<T> {
  return isSqlite(em.connection) ? qb : qb.setLock(mode);
}

/** The only place that builds queries over campaigns, shifts and volunteer profiles. */
@Injectable()
export class CampaignsRepository {
  constructor(private readonly ds: DataSource) {}

  m(em?: EntityManager): EntityManager {
    return em ?? this.ds.manager;
  }

  async insertCampaign(em: EntityManager, c: Partial<VolunteerCampaign>): Promise<void> {
    await em.insert(VolunteerCampaign, em.create(VolunteerCampaign, c));
  }

  campaign(id: string, em?: EntityManager): Promise<VolunteerCampaign | null> {
    return this.m(em).findOne(VolunteerCampaign, { where: { id } });
  }

  /** The campaign row locked: shared by sign-ups (is it still recruiting?), exclusive for edits and new shifts. */
  lockedCampaign(em: EntityManager, id: string, mode: 'pessimistic_read' | 'pessimistic_write'): Promise<VolunteerCampaign | null> {
    return locking(em, em.createQueryBuilder(VolunteerCampaign, 'c').where('c.id = :id', { id }), mode).getOne();
  }

  async updateCampaign(em: EntityManager, id: string, patch: Partial<VolunteerCampaign>): Promise<void> {
    await em.createQueryBuilder().update(VolunteerCampaign).set(patch).where('id = :id', { id }).execute();
  }

  /** Stops recruiting only once: false when someone closed it first. */
  async closeCampaign(em: EntityManager, id: string): Promise<boolean> {
    const res = await em.createQueryBuilder().update(VolunteerCampaign).set({ status: 'closed' }).where('id = :id AND status = :open', { id, open: 'open' }).execute();
    return res.affected === 1;
  }

  campaigns(ids: string[]): Promise<VolunteerCampaign[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.manager.find(VolunteerCampaign, { where: { id: In(ids) } });
  }

  /** Campaigns still running whose node is one of `paths` or under it (organiser view), or above (volunteer view). */
  listCampaigns(f: { under?: string[]; above?: string[]; includePast: boolean }): Promise<VolunteerCampaign[]> {
    const q = this.ds.manager.createQueryBuilder(VolunteerCampaign, 'c');
    if (!f.includePast) q.where('c.endsAt > :now', { now: clock.now() });
    if (f.under) {
      if (!f.under.length) return Promise.resolve([]);
      const l = likeAny('c.nodePath', f.under);
      q.andWhere(l.sql, l.params);
    }
    if (f.above) {
      if (!f.above.length) return Promise.resolve([]);
      q.andWhere('c.nodePath IN (:...above)', { above: f.above });
    }
    return q.orderBy('c.startsAt', 'DESC').addOrderBy('c.id', 'DESC').limit(100).getMany();
  }

  async insertShift(em: EntityManager, s: Partial<VolunteerShift>): Promise<void> {
    await em.insert(VolunteerShift, em.create(VolunteerShift, s));
  }

  shift(id: string, em?: EntityManager): Promise<VolunteerShift | null> {
    return this.m(em).findOne(VolunteerShift, { where: { id } });
  }

  shiftsOf(campaignIds: string[], upcomingOnly: boolean): Promise<VolunteerShift[]> {
    if (!campaignIds.length) return Promise.resolve([]);
    const q = this.ds.manager.createQueryBuilder(VolunteerShift, 's').where('s.campaignId IN (:...campaignIds) AND s.status = :open', { campaignIds, open: 'open' });
    if (upcomingOnly) q.andWhere('s.endsAt > :now', { now: clock.now() });
    return q.orderBy('s.startsAt', 'ASC').addOrderBy('s.id', 'ASC').limit(300).getMany();
  }

  /** Shifts of a campaign not cancelled, read in the caller's transaction. */
  liveShifts(em: EntityManager, campaignId: string): Promise<VolunteerShift[]> {
    return em.find(VolunteerShift, { where: { campaignId, status: 'open' }, order: { startsAt: 'ASC' } });
  }

  /** Cancels a shift only once: false when it was cancelled already. */
  async cancelShift(em: EntityManager, id: string): Promise<boolean> {
    const res = await em.createQueryBuilder().update(VolunteerShift).set({ status: 'cancelled' }).where('id = :id AND status = :open', { id, open: 'open' }).execute();
    return res.affected === 1;
  }

  shiftsBySlots(slotIds: string[]): Promise<VolunteerShift[]> {
    if (!slotIds.length) return Promise.resolve([]);
    return this.ds.manager.find(VolunteerShift, { where: { slotId: In(slotIds) } });
  }

  slots(ids: string[]): Promise<EnrollmentSlot[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.manager.find(EnrollmentSlot, { where: { id: In(ids) } });
  }

  /** The first shift the person holds that overlaps [startsAt, endsAt), other than this slot. */
  overlapping(em: EntityManager, userId: string, slot: { id: string; startsAt: Date; endsAt: Date }): Promise<EnrollmentSlot | null> {
    return em
      .createQueryBuilder(EnrollmentSlot, 's')
      .innerJoin(Enrollment, 'e', 'e.slotId = s.id')
      .where('e.userId = :userId AND e.status IN (:...holding)', { userId, holding: HOLDING })
      .andWhere('s.ownerType = :shift AND s.id <> :slotId', { shift: 'shift', slotId: slot.id })
      .andWhere('s.startsAt < :endsAt AND s.endsAt > :startsAt', { startsAt: slot.startsAt, endsAt: slot.endsAt })
      .getOne();
  }

  profile(userId: string, em?: EntityManager): Promise<VolunteerProfile | null> {
    return this.m(em).findOne(VolunteerProfile, { where: { userId } });
  }

  profiles(userIds: string[]): Promise<VolunteerProfile[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.ds.manager.find(VolunteerProfile, { where: { userId: In(userIds) } });
  }

  /** Insert or replace the person's profile (one per person by unique key). */
  async saveProfile(em: EntityManager, p: Omit<VolunteerProfile, 'createdAt' | 'updatedAt'>): Promise<void> {
    await this.ensureProfile(em, p.userId, p.id);
    await em.update(VolunteerProfile, { userId: p.userId }, { skills: p.skills, availability: p.availability, gridIds: p.gridIds });
  }

  /** An empty profile unless the person has one: the row the per-person shift lock is taken on. */
  async ensureProfile(em: EntityManager, userId: string, id: string): Promise<void> {
    // Timestamps are left to the column defaults (raw SQLite cannot bind a Date).
    const values = "VALUES (?, ?, '[]', '[]', '[]')";
    if (isSqlite(em.connection)) await em.query(`INSERT INTO volunteer_profiles (id, userId, skills, availability, gridIds) ${values} ON CONFLICT(userId) DO NOTHING`, [id, userId]);
    else await em.query(`INSERT INTO volunteer_profiles (id, userId, skills, availability, gridIds) ${values} ON DUPLICATE KEY UPDATE userId = userId`, [id, userId]);
  }

  /**
   * Locks the person's profile row (FOR UPDATE on MariaDB): false when there is none. An existing row
   * found by its unique key takes a record lock only, so other people's sign-ups never wait on it.
   */
  async lockProfile(em: EntityManager, userId: string): Promise<boolean> {
    return !!(await locking(em, em.createQueryBuilder(VolunteerProfile, 'p').select('p.id').where('p.userId = :userId', { userId }), 'pessimistic_write').getOne());
  }

  node(id: string, em?: EntityManager): Promise<OrgNode | null> {
    return this.m(em).findOne(OrgNode, { where: { id } });
  }

  nodes(ids: string[]): Promise<OrgNode[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.manager.find(OrgNode, { where: { id: In(ids) } });
  }

  /** Grids under any of these paths (the choices offered on a profile or a call). */
  gridsUnder(paths: string[]): Promise<OrgNode[]> {
    if (!paths.length) return Promise.resolve([]);
    const l = likeAny('n.path', paths);
    return this.ds.manager.createQueryBuilder(OrgNode, 'n').where('n.kind = :grid', { grid: 'grid' }).andWhere(l.sql, l.params).orderBy('n.name', 'ASC').getMany();
  }

  user(id: string, em?: EntityManager): Promise<User | null> {
    return this.m(em).findOne(User, { where: { id } });
  }

  users(ids: string[]): Promise<User[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.manager.find(User, { where: { id: In([...new Set(ids)]) } });
  }
}
