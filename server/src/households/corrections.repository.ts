import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { CorrectionRequestRow } from './correction.entity.js';
import { isDuplicate } from './households.repository.js';

/** The only place that builds queries over 更正申请. */
@Injectable()
export class CorrectionsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(em: EntityManager, row: CorrectionRequestRow): Promise<void> {
    try {
      await em.insert(CorrectionRequestRow, row);
    } catch (e) {
      if (isDuplicate(e)) throw new AppError('CORRECTION_ALREADY_OPEN');
      throw e;
    }
  }

  find(id: string): Promise<CorrectionRequestRow | null> {
    return this.ds.manager.findOne(CorrectionRequestRow, { where: { id } });
  }

  mine(userId: string): Promise<CorrectionRequestRow[]> {
    return this.ds.manager.find(CorrectionRequestRow, { where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: 50 });
  }

  /** Under the staff's paths: open ones oldest first (they have a deadline), decided ones newest first. */
  under(paths: string[], open: boolean): Promise<CorrectionRequestRow[]> {
    if (!paths.length) return Promise.resolve([]);
    const qb = this.ds.manager
      .createQueryBuilder(CorrectionRequestRow, 'c')
      .where(`(${paths.map((_, i) => `c.path LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])))
      .andWhere(open ? 'c.status = :open' : 'c.status <> :open', { open: 'open' });
    return qb.orderBy('c.createdAt', open ? 'ASC' : 'DESC').limit(100).getMany();
  }

  async decide(em: EntityManager, id: string, patch: Partial<CorrectionRequestRow>): Promise<boolean> {
    const res = await em.createQueryBuilder().update(CorrectionRequestRow).set({ ...patch, openKey: null }).where('id = :id AND status = :open', { id, open: 'open' }).execute();
    return res.affected === 1;
  }

  /** Open requests filed before `before` (the overdue-correction rule), optionally of some households. */
  openSince(before: Date, householdIds?: string[]): Promise<CorrectionRequestRow[]> {
    if (householdIds && !householdIds.length) return Promise.resolve([]);
    const qb = this.ds.manager.createQueryBuilder(CorrectionRequestRow, 'c').where('c.status = :open AND c.createdAt <= :before', { open: 'open', before });
    if (householdIds) qb.andWhere('c.householdId IN (:...ids)', { ids: householdIds });
    return qb.getMany();
  }
}
