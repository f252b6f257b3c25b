import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ProxyActionRecord } from './proxy-action.entity.js';

/** The only place that builds queries over acting-for records. */
@Injectable()
export class ProxyActionRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(em: EntityManager, record: ProxyActionRecord): Promise<void> {
    await em.insert(ProxyActionRecord, record);
  }

  /** Newest first; ids are time-ordered, so the last id of a page is the cursor. */
  page(userId: string, as: 'subject' | 'actor', limit: number, cursor?: string): Promise<ProxyActionRecord[]> {
    const qb = this.ds.manager.createQueryBuilder(ProxyActionRecord, 'p').where(as === 'subject' ? 'p.subjectUserId = :userId' : 'p.actorUserId = :userId', { userId });
    if (cursor) qb.andWhere('p.id < :cursor', { cursor });
    return qb.orderBy('p.id', 'DESC').limit(limit).getMany();
  }

  /** The records of one action on some targets, oldest first (the last one per target is the latest). */
  forTargets(action: ProxyActionRecord['action'], targetType: string, targetIds: string[]): Promise<ProxyActionRecord[]> {
    if (!targetIds.length) return Promise.resolve([]);
    return this.ds.manager.find(ProxyActionRecord, { where: { action, targetType, targetId: In(targetIds) }, order: { id: 'ASC' } });
  }
}
