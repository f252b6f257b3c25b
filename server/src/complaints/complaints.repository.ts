import { Injectable } from '@nestjs/common';
import type { CaseStatus, ComplaintStatus } from '@honglin/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isSqlite } from '../database/data-source.js';
import { CaseEvent } from '../cases/case-parts.entity.js';
import { Case } from '../cases/case.entity.js';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { Complaint } from './complaint.entity.js';

/** A complaint is a case of this kind plus its details row. */
export const KIND = 'privacy_complaint';
/** The complaint channel's four statuses on the case workflow's. */
export const CASE_STATUS_OF: Record<ComplaintStatus, CaseStatus> = { submitted: 'pending', answered: 'resolved', closed: 'closed', withdrawn: 'withdrawn' };
const OPEN: CaseStatus[] = ['pending', 'resolved'];

/** The only place that builds queries over complaints (their cases, details and answers). */
@Injectable()
export class ComplaintsRepository {
  constructor(private readonly ds: DataSource) {}

  async insertDetails(em: EntityManager, d: Complaint): Promise<void> {
    await em.insert(Complaint, d);
  }

  async find(id: string): Promise<Case | null> {
    return this.ds.manager.findOne(Case, { where: { id, kind: KIND } });
  }

  async details(ids: string[]): Promise<Map<string, Complaint>> {
    return new Map((await this.ds.manager.find(Complaint, { where: { id: In([...new Set(ids)]) } })).map((d) => [d.id, d]));
  }

  /** The latest answer (the 'resolved' step) of each complaint. */
  async answers(ids: string[]): Promise<Map<string, CaseEvent>> {
    const rows = await this.ds.manager.find(CaseEvent, { where: { caseId: In([...new Set(ids)]), type: 'resolved' }, order: { at: 'ASC', id: 'ASC' } });
    return new Map(rows.map((e) => [e.caseId, e]));
  }

  /**
   * Serialises one person's filings on MariaDB (their user row, write-locked), so the open-complaint
   * cap holds under parallel requests. SQLite runs one transaction at a time anyway.
   */
  async lockComplainant(em: EntityManager, userId: string): Promise<void> {
    if (isSqlite(em.connection)) return;
    await em.createQueryBuilder(User, 'u').select('u.id').where('u.id = :userId', { userId }).setLock('pessimistic_write').getOne();
  }

  countOpen(em: EntityManager, reporterId: string): Promise<number> {
    return em.count(Case, { where: { kind: KIND, reporterId, status: In(OPEN) } });
  }

  countFiledSince(em: EntityManager, reporterId: string, since: Date): Promise<number> {
    return em.createQueryBuilder(Case, 'c').where('c.kind = :k AND c.reporterId = :reporterId AND c.createdAt > :since', { k: KIND, reporterId, since }).getCount();
  }

  /** The complainant's own, newest first (ids are time-ordered). */
  mine(reporterId: string, limit: number, cursor?: string): Promise<Case[]> {
    const qb = this.ds.manager.createQueryBuilder(Case, 'c').where('c.kind = :k AND c.reporterId = :reporterId', { k: KIND, reporterId });
    if (cursor) qb.andWhere('c.id < :cursor', { cursor });
    return qb.orderBy('c.id', 'DESC').limit(limit).getMany();
  }

  /**
   * An admin's list under `paths`, leaving out complaints they filed or that name them: nobody judges
   * their own case. Unanswered ones by deadline (overdue first); the rest newest first.
   */
  async managed(paths: string[], status: ComplaintStatus, me: string, limit: number, cursor?: string): Promise<Case[]> {
    const qb = this.ds.manager
      .createQueryBuilder(Case, 'c')
      .leftJoin(Complaint, 'd', 'd.id = c.id')
      .where('c.kind = :k AND c.status = :status', { k: KIND, status: CASE_STATUS_OF[status] })
      .andWhere(`(${paths.map((_, i) => `c.orgPath LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])))
      .andWhere('c.reporterId <> :me AND (d.accusedUserId IS NULL OR d.accusedUserId <> :me)', { me });
    if (status === 'submitted') {
      const after = cursor ? await this.find(cursor) : null;
      if (after) qb.andWhere('(c.acceptDueAt > :d OR (c.acceptDueAt = :d AND c.id > :cursor))', { d: after.acceptDueAt, cursor });
      return qb.orderBy('c.acceptDueAt', 'ASC').addOrderBy('c.id', 'ASC').limit(limit).getMany();
    }
    if (cursor) qb.andWhere('c.id < :cursor', { cursor });
    return qb.orderBy('c.id', 'DESC').limit(limit).getMany();
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
}
