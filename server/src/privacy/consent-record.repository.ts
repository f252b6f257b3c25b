import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConsentRecord } from './consent-record.entity.js';

/** The only place that builds queries over consent records. */
@Injectable()
export class ConsentRecordRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(em: EntityManager, rows: ConsentRecord[]): Promise<void> {
    if (rows.length) await em.insert(ConsentRecord, rows);
  }

  /** Each person's newest record among `kinds` (a consent and its withdrawal: the latest decides). */
  async latest(userIds: string[], kinds: string[]): Promise<Map<string, ConsentRecord>> {
    const out = new Map<string, ConsentRecord>();
    if (!userIds.length) return out;
    const rows = await this.ds.manager
      .createQueryBuilder(ConsentRecord, 'c')
      .where('c.userId IN (:...userIds) AND c.kind IN (:...kinds)', { userIds: [...new Set(userIds)], kinds })
      .orderBy('c.at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    for (const r of rows) out.set(r.userId, r);
    return out;
  }

  /** Newest first; a person gathers a handful in a lifetime, so no paging. */
  ofUser(userId: string): Promise<ConsentRecord[]> {
    return this.ds.manager.createQueryBuilder(ConsentRecord, 'c').where('c.userId = :userId', { userId }).orderBy('c.at', 'DESC').addOrderBy('c.id', 'DESC').limit(500).getMany();
  }
}
