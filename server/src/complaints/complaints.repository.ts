import { Injectable } from '@nestjs/common';
import type { ComplaintStatus } from '@honglin/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isSqlite } from '../database/data-source.js';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { Complaint } from './complaint.entity.js';

const OPEN: ComplaintStatus[] = ['submitted', 'answered'];
export type ReminderKind = 'due_soon' | 'overdue';

/** The only place that builds queries over complaints. */
@Injectable()
export class ComplaintsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(em: EntityManager, c: Complaint): Promise<void> {
    await em.insert(Complaint, c);
  }

  find(id: string): Promise<Complaint | null> {
    return this.ds.manager.findOne(Complaint, { where: { id } });
  }

  /**
   * Serialises one person's filings on MariaDB (their user row, write-locked), so the open-complaint
   * cap holds under parallel requests. SQLite runs one transaction at a time anyway.
   */
  async lockComplainant(em: EntityManager, userId: string): Promise<void> {
    if (isSqlite(em.connection)) return;
    await em.createQueryBuilder(User, 'u').select('u.id').where('u.id = :userId', { userId }).setLock('pessimistic_write').getOne();
  }

  countOpen(em: EntityManager, complainantId: string): Promise<number> {
    return em.count(Complaint, { where: { complainantId, status: In(OPEN) } });
  }

  countFiledSince(em: EntityManager, complainantId: string, since: Date): Promise<number> {
    return em.createQueryBuilder(Complaint, 'c').where('c.complainantId = :complainantId AND c.createdAt > :since', { complainantId, since }).getCount();
  }

  /** The complainant's own, newest first (ids are time-ordered). */
  mine(complainantId: string, limit: number, cursor?: string): Promise<Complaint[]> {
    const qb = this.ds.manager.createQueryBuilder(Complaint, 'c').where('c.complainantId = :complainantId', { complainantId });
    if (cursor) qb.andWhere('c.id < :cursor', { cursor });
    return qb.orderBy('c.id', 'DESC').limit(limit).getMany();
  }

  /**
   * An admin's list under `paths`, leaving out complaints they filed or that name them: nobody judges
   * their own case. Unanswered ones by deadline (overdue first); the rest newest first.
   */
  async managed(paths: string[], status: ComplaintStatus, me: string, limit: number, cursor?: string): Promise<Complaint[]> {
    const qb = this.ds.manager
      .createQueryBuilder(Complaint, 'c')
      .where('c.status = :status', { status })
      .andWhere(`(${paths.map((_, i) => `c.orgPath LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])))
      .andWhere('c.complainantId <> :me AND (c.accusedUserId IS NULL OR c.accusedUserId <> :me)', { me });
    if (status === 'submitted') {
      const after = cursor ? await this.find(cursor) : null;
      if (after) qb.andWhere('(c.dueAt > :d OR (c.dueAt = :d AND c.id > :cursor))', { d: after.dueAt, cursor });
      return qb.orderBy('c.dueAt', 'ASC').addOrderBy('c.id', 'ASC').limit(limit).getMany();
    }
    if (cursor) qb.andWhere('c.id < :cursor', { cursor });
    return qb.orderBy('c.id', 'DESC').limit(limit).getMany();
  }

  /** Moves a complaint on only from a status the caller saw: a concurrent change makes this false. */
  async transition(em: EntityManager, id: string, from: ComplaintStatus, patch: Partial<Complaint>): Promise<boolean> {
    const res = await em.createQueryBuilder().update(Complaint).set(patch).where('id = :id AND status = :from', { id, from }).execute();
    return res.affected === 1;
  }

  /** Enabled people holding the admin role on the node at `orgPath` or any node above it. */
  async adminsOver(orgPath: string): Promise<string[]> {
    const ids = orgPath.split('/').filter(Boolean);
    const paths = ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
    if (!paths.length) return [];
    const rows = await this.ds.manager
      .createQueryBuilder(RoleAssignment, 'ra')
      .innerJoin(OrgNode, 'n', 'n.id = ra.nodeId')
      .innerJoin(User, 'u', 'u.id = ra.userId')
      .select('DISTINCT ra.userId', 'userId')
      .where('ra.role = :admin AND n.path IN (:...paths) AND u.disabled = :f', { admin: 'admin', paths, f: false })
      .getRawMany<{ userId: string }>();
    return rows.map((r) => r.userId);
  }

  users(ids: string[]): Promise<User[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return Promise.resolve([]);
    return this.ds.manager.find(User, { where: { id: In(unique) } });
  }

  /** Unanswered complaints the admins have not yet been reminded of, oldest deadline first. */
  toRemind(kind: ReminderKind, now: Date, horizon: Date, limit: number): Promise<Complaint[]> {
    const qb = this.ds.manager.createQueryBuilder(Complaint, 'c').where('c.status = :s', { s: 'submitted' });
    if (kind === 'overdue') qb.andWhere('c.dueAt <= :now AND c.overdueRemindedAt IS NULL', { now });
    else qb.andWhere('c.dueAt > :now AND c.dueAt <= :horizon AND c.dueSoonRemindedAt IS NULL', { now, horizon });
    return qb.orderBy('c.dueAt', 'ASC').addOrderBy('c.id', 'ASC').limit(limit).getMany();
  }

  /**
   * Claims one reminder: true only for the pass that set the marker, so two instances (or two passes)
   * never remind twice. An overdue reminder also settles the due-soon one, which would come too late.
   */
  async markReminded(em: EntityManager, id: string, kind: ReminderKind, now: Date): Promise<boolean> {
    const qb = em.createQueryBuilder().update(Complaint).where('id = :id AND status = :s', { id, s: 'submitted' });
    if (kind === 'overdue') qb.set({ overdueRemindedAt: now, dueSoonRemindedAt: () => 'COALESCE(dueSoonRemindedAt, :now)' }).andWhere('overdueRemindedAt IS NULL');
    else qb.set({ dueSoonRemindedAt: now }).andWhere('dueSoonRemindedAt IS NULL');
    const res = await qb.setParameter('now', now).execute();
    return res.affected === 1;
  }
}
