import { Injectable } from '@nestjs/common';
import type { HoursStatus } from '@honglin/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CheckIn } from '../checkin/check-in.entity.js';
import { VolunteerCertificate, VolunteerHours, VolunteerHoursCorrection } from './hours.entity.js';

export const SHIFT_IN = 'shift';
export const SHIFT_OUT = 'shift_out';

/** The only place that builds queries over hours entries, certificates and the shift check-ins they come from. */
@Injectable()
export class HoursRepository {
  constructor(private readonly ds: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.ds.manager;
  }

  /** Insert unless the person already has an entry for the shift (unique key): true when inserted. */
  async insertOnce(em: EntityManager, h: VolunteerHours): Promise<boolean> {
    await em.createQueryBuilder().insert().into(VolunteerHours).values(h).orIgnore().updateEntity(false).execute();
    return (await this.entryOf(h.shiftId, h.userId, em))?.id === h.id;
  }

  entryOf(shiftId: string, userId: string, em?: EntityManager): Promise<VolunteerHours | null> {
    return this.m(em).findOne(VolunteerHours, { where: { shiftId, userId } });
  }

  entries(ids: string[], em?: EntityManager): Promise<VolunteerHours[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m(em).find(VolunteerHours, { where: { id: In(ids) } });
  }

  entriesOfShifts(shiftIds: string[]): Promise<VolunteerHours[]> {
    if (!shiftIds.length) return Promise.resolve([]);
    return this.ds.manager.find(VolunteerHours, { where: { shiftId: In(shiftIds) } });
  }

  /** Moves entries on only from pending: the number moved tells whether someone else decided first. */
  async decide(em: EntityManager, ids: string[], patch: Partial<VolunteerHours>): Promise<number> {
    const res = await em.createQueryBuilder().update(VolunteerHours).set(patch).where('id IN (:...ids) AND status = :pending', { ids, pending: 'pending' }).execute();
    return res.affected ?? 0;
  }

  /** Sets a flagged pending entry's minutes only over the ones the organiser saw: false when it moved on meanwhile. */
  async correct(em: EntityManager, id: string, seenMinutes: number, patch: Pick<VolunteerHours, 'minutes' | 'halfHours' | 'checkOutAt'>): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(VolunteerHours)
      .set(patch)
      .where('id = :id AND status = :pending AND autoCheckout = :flagged AND minutes = :seenMinutes', { id, pending: 'pending', flagged: true, seenMinutes })
      .execute();
    return res.affected === 1;
  }

  async insertCorrection(em: EntityManager, c: Omit<VolunteerHoursCorrection, 'createdAt'>): Promise<void> {
    await em.insert(VolunteerHoursCorrection, em.create(VolunteerHoursCorrection, c));
  }

  /** Every correction of these entries, oldest first. */
  correctionsOf(hoursIds: string[]): Promise<VolunteerHoursCorrection[]> {
    if (!hoursIds.length) return Promise.resolve([]);
    return this.ds.manager.find(VolunteerHoursCorrection, { where: { hoursId: In(hoursIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Organiser list: entries under the caller's paths, newest first. */
  list(f: { paths: string[]; status?: HoursStatus; campaignId?: string; limit: number }): Promise<VolunteerHours[]> {
    if (!f.paths.length) return Promise.resolve([]);
    const q = this.ds.manager.createQueryBuilder(VolunteerHours, 'h').where(`(${f.paths.map((_, i) => `h.nodePath LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(f.paths.map((p, i) => [`p${i}`, `${p}%`])));
    if (f.status) q.andWhere('h.status = :status', { status: f.status });
    if (f.campaignId) q.andWhere('h.campaignId = :campaignId', { campaignId: f.campaignId });
    return q.orderBy('h.checkOutAt', 'DESC').addOrderBy('h.id', 'DESC').limit(f.limit).getMany();
  }

  mine(userId: string): Promise<VolunteerHours[]> {
    return this.ds.manager.find(VolunteerHours, { where: { userId }, order: { checkOutAt: 'DESC' }, take: 500 });
  }

  /** Approved half-hours of a person, summed by the database. */
  async approvedHalfHours(userId: string, em?: EntityManager): Promise<number> {
    const row = await this.m(em)
      .createQueryBuilder(VolunteerHours, 'h')
      .select('SUM(h.halfHours)', 'n')
      .where('h.userId = :userId AND h.status = :approved', { userId, approved: 'approved' })
      .getRawOne<{ n: string | number | null }>();
    return Number(row?.n ?? 0);
  }

  async approvedHalfHoursOfCampaign(campaignId: string): Promise<number> {
    const row = await this.ds.manager
      .createQueryBuilder(VolunteerHours, 'h')
      .select('SUM(h.halfHours)', 'n')
      .where('h.campaignId = :campaignId AND h.status = :approved', { campaignId, approved: 'approved' })
      .getRawOne<{ n: string | number | null }>();
    return Number(row?.n ?? 0);
  }

  checkIn(type: string, shiftId: string, userId: string, em?: EntityManager): Promise<CheckIn | null> {
    return this.m(em).findOne(CheckIn, { where: { targetType: type, targetId: shiftId, userId } });
  }

  checkInsOf(type: string, shiftIds: string[], userId?: string): Promise<CheckIn[]> {
    if (!shiftIds.length) return Promise.resolve([]);
    return this.ds.manager.find(CheckIn, { where: { targetType: type, targetId: In(shiftIds), ...(userId ? { userId } : {}) } });
  }

  /** Shift check-ins older than `before` with no hours entry yet: people who never checked out. */
  openCheckIns(before: Date, limit: number): Promise<CheckIn[]> {
    return this.ds.manager
      .createQueryBuilder(CheckIn, 'c')
      .where('c.targetType = :t AND c.checkedInAt < :before', { t: SHIFT_IN, before })
      .andWhere('NOT EXISTS (SELECT 1 FROM volunteer_hours h WHERE h.shiftId = c.targetId AND h.userId = c.userId)')
      .orderBy('c.checkedInAt', 'ASC')
      .limit(limit)
      .getMany();
  }

  async insertCertificate(em: EntityManager, c: VolunteerCertificate): Promise<void> {
    await em.insert(VolunteerCertificate, em.create(VolunteerCertificate, c));
  }

  certificate(code: string): Promise<VolunteerCertificate | null> {
    return this.ds.manager.findOne(VolunteerCertificate, { where: { code } });
  }
}
