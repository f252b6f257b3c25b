import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CheckIn, CheckInKey } from './check-in.entity.js';

/** The only place that builds queries over check-ins and QR keys. */
@Injectable()
export class CheckInRepository {
  constructor(private readonly ds: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.ds.manager;
  }

  /** Retention: how far from the meeting place someone scanned is not kept past `before`. */
  async forgetDistancesBefore(before: Date): Promise<number> {
    const r = await this.ds.manager.createQueryBuilder().update(CheckIn).set({ distanceM: null }).where('checkedInAt < :before AND distanceM IS NOT NULL', { before }).execute();
    return r.affected ?? 0;
  }

  findKey(targetType: string, targetId: string, em?: EntityManager): Promise<CheckInKey | null> {
    return this.m(em).findOne(CheckInKey, { where: { targetType, targetId } });
  }

  /** Insert unless one exists (two organisers opening the QR screen at once agree on one key). */
  async insertKeyIfAbsent(key: CheckInKey, em: EntityManager): Promise<void> {
    await em.createQueryBuilder().insert().into(CheckInKey).values(key).orIgnore().execute();
  }

  findByNonce(userId: string, nonce: string): Promise<CheckIn | null> {
    return this.ds.manager.findOne(CheckIn, { where: { userId, nonce } });
  }

  listFor(targetType: string, targetIds: string[]): Promise<CheckIn[]> {
    if (targetIds.length === 0) return Promise.resolve([]);
    return this.ds.manager.find(CheckIn, { where: { targetType, targetId: In(targetIds) }, order: { checkedInAt: 'ASC' } });
  }

  /** Plain INSERT: no re-select of defaults afterwards (the row is complete), one round trip. */
  async insert(checkIn: CheckIn, em: EntityManager): Promise<void> {
    await em.createQueryBuilder().insert().into(CheckIn).values(checkIn).updateEntity(false).execute();
  }
}

/** Duplicate key on either database (the one-per-person or one-per-nonce rule held). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
