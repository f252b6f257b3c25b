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

  /** Newest first; a person gathers a handful in a lifetime, so no paging. */
  ofUser(userId: string): Promise<ConsentRecord[]> {
    return this.ds.manager.createQueryBuilder(ConsentRecord, 'c').where('c.userId = :userId', { userId }).orderBy('c.at', 'DESC').addOrderBy('c.id', 'DESC').limit(500).getMany();
  }
}
