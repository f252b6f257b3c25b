import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { KioskLink } from './analytics.entities.js';

@Injectable()
export class KioskRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(em: EntityManager, link: KioskLink): Promise<void> {
    await em.insert(KioskLink, link);
  }

  find(id: string): Promise<KioskLink | null> {
    return this.ds.manager.findOne(KioskLink, { where: { id } });
  }

  byHash(tokenHash: string): Promise<KioskLink | null> {
    return this.ds.manager.findOne(KioskLink, { where: { tokenHash } });
  }

  byCreator(userId: string): Promise<KioskLink[]> {
    return this.ds.manager.find(KioskLink, { where: { createdBy: userId }, order: { createdAt: 'DESC' }, take: 50 });
  }

  /** Conditional, so a second revoke keeps the first one's time and author. */
  async revoke(em: EntityManager, id: string, by: string, at: Date): Promise<void> {
    await em.createQueryBuilder().update(KioskLink).set({ revokedAt: at, revokedBy: by }).where('id = :id AND revokedAt IS NULL', { id }).execute();
  }
}
