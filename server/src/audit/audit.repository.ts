import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isSqlite } from '../database/data-source.js';
import { User } from '../members/user.entity.js';
import { GENESIS, HEAD_ID } from './audit-chain.js';
import { AuditEntry, AuditHead } from './audit-entry.entity.js';

export interface AuditFilter {
  /** Org subtrees the caller may search; `withUnplaced` adds entries that name no organisation. */
  paths: string[];
  withUnplaced: boolean;
  actorId?: string;
  subjectUserId?: string;
  actionPrefix?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

/** `LIKE … ESCAPE '!'`: the same escape character works on SQLite and MariaDB (a backslash does not). */
const likePrefix = (s: string) => `${s.replace(/[%_!]/g, '!$&')}%`;

/** The only place that builds queries over the audit trail. */
@Injectable()
export class AuditRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The chain's head, locked for the rest of the transaction (SELECT … FOR UPDATE on MariaDB; SQLite
   * transactions are already one at a time, see TransactionRunner). Created at genesis if missing.
   */
  async lockHead(em: EntityManager): Promise<AuditHead> {
    const qb = em.createQueryBuilder(AuditHead, 'h').where('h.id = :id', { id: HEAD_ID });
    if (!isSqlite(this.ds)) qb.setLock('pessimistic_write');
    const head = await qb.getOne();
    if (head) return head;
    const genesis = { id: HEAD_ID, seq: 0, hash: GENESIS };
    await em.insert(AuditHead, genesis);
    return genesis;
  }

  async append(em: EntityManager, rows: AuditEntry[], head: { seq: number; hash: string }): Promise<void> {
    await em.insert(AuditEntry, rows);
    await em.update(AuditHead, { id: HEAD_ID }, head);
  }

  head(): Promise<AuditHead | null> {
    return this.ds.manager.findOne(AuditHead, { where: { id: HEAD_ID } });
  }

  /** Entries in chain order, from just after `afterSeq`. */
  chain(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    return this.ds.manager.createQueryBuilder(AuditEntry, 'a').where('a.seq > :afterSeq', { afterSeq }).orderBy('a.seq', 'ASC').limit(limit).getMany();
  }

  async countAfter(seq: number): Promise<number> {
    return Number(await this.ds.manager.createQueryBuilder(AuditEntry, 'a').where('a.seq > :seq', { seq }).getCount());
  }

  /** Newest first. */
  search(f: AuditFilter): Promise<AuditEntry[]> {
    const qb = this.ds.manager.createQueryBuilder(AuditEntry, 'a');
    const scope = f.paths.map((_, i) => `a.orgPath LIKE :p${i} ESCAPE '!'`);
    if (f.withUnplaced) scope.push('a.orgPath IS NULL');
    qb.where(`(${scope.join(' OR ') || '1 = 0'})`, Object.fromEntries(f.paths.map((p, i) => [`p${i}`, likePrefix(p)])));
    if (f.actorId) qb.andWhere('a.actorId = :actorId', { actorId: f.actorId });
    if (f.subjectUserId) qb.andWhere('a.subjectUserId = :subjectUserId', { subjectUserId: f.subjectUserId });
    if (f.actionPrefix) qb.andWhere("a.action LIKE :action ESCAPE '!'", { action: likePrefix(f.actionPrefix) });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at <= :to', { to: f.to });
    if (f.beforeSeq !== undefined) qb.andWhere('a.seq < :beforeSeq', { beforeSeq: f.beforeSeq });
    return qb.orderBy('a.seq', 'DESC').limit(f.limit).getMany();
  }

  /** What others did with one person's data, newest first. */
  aboutSubject(userId: string, limit: number, beforeSeq?: number): Promise<AuditEntry[]> {
    const qb = this.ds.manager
      .createQueryBuilder(AuditEntry, 'a')
      .where('a.subjectUserId = :userId AND a.actorId <> :userId', { userId });
    if (beforeSeq !== undefined) qb.andWhere('a.seq < :beforeSeq', { beforeSeq });
    return qb.orderBy('a.seq', 'DESC').limit(limit).getMany();
  }

  async names(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const users = await this.ds.manager.find(User, { select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(users.map((u) => [u.id, u.name]));
  }
}
