import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Enrollment } from '../enrollment/enrollment.entity.js';
import { EnrollmentSlot } from '../enrollment/enrollment-slot.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { VolunteerCampaign, VolunteerShift } from './campaign.entity.js';
import { VolunteerProfile } from './profile.entity.js';

/** Enrollment statuses that mean the person holds (or waits for) the shift: the ones an overlap is judged against. */
const HOLDING = ['registered', 'confirmed', 'waitlisted', 'offered', 'attended'];

const likeAny = (column: string, paths: string[]) => ({
  sql: `(${paths.map((_, i) => `${column} LIKE :p${i}`).join(' OR ')})`,
  params: Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])),
});

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

  campaigns(ids: string[]): Promise<VolunteerCampaign[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.manager.find(VolunteerCampaign, { where: { id: In(ids) } });
  }

  /** Campaigns still running whose node is one of `paths` or under it (organiser view), or above (volunteer view). */
  listCampaigns(f: { under?: string[]; above?: string[]; includePast: boolean }): Promise<VolunteerCampaign[]> {
    const q = this.ds.manager.createQueryBuilder(VolunteerCampaign, 'c');
    if (!f.includePast) q.where('c.endsAt > :now', { now: new Date() });
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
    if (upcomingOnly) q.andWhere('s.endsAt > :now', { now: new Date() });
    return q.orderBy('s.startsAt', 'ASC').addOrderBy('s.id', 'ASC').limit(300).getMany();
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
    const res = await em.update(VolunteerProfile, { userId: p.userId }, { skills: p.skills, availability: p.availability, gridIds: p.gridIds });
    if (!res.affected) await em.insert(VolunteerProfile, em.create(VolunteerProfile, p));
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
