import { Injectable } from '@nestjs/common';
import { CASE_MAX_ESCALATION, CASE_OPEN_STATUSES, type CaseStatus } from '@honglin/shared';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { newId } from '../common/ids.js';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { CareVisit } from '../households/care-visit.entity.js';
import { Household, HouseholdMember } from '../households/household.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { CaseCategorySetting, CaseEvent, CaseFollower, CaseRoute } from './case-parts.entity.js';
import { Case } from './case.entity.js';

const db = (ds: DataSource, em?: EntityManager) => em ?? ds.manager;
const OPEN = [...CASE_OPEN_STATUSES];

/** The only place that builds queries over cases, their timeline, followers, routes and settings. */
@Injectable()
export class CasesRepository {
  constructor(private readonly ds: DataSource) {}

  find(id: string, em?: EntityManager): Promise<Case | null> {
    return db(this.ds, em).findOne(Case, { where: { id } });
  }

  findMany(ids: string[]): Promise<Case[]> {
    return this.ds.manager.find(Case, { where: { id: In([...new Set(ids)]) } });
  }

  async insert(em: EntityManager, c: Case): Promise<void> {
    await em.insert(Case, c);
  }

  /** Moves a case on only from the status the caller saw: a concurrent change makes this false. */
  async transition(em: EntityManager, id: string, from: CaseStatus, patch: Partial<Case>): Promise<boolean> {
    const res = await em.createQueryBuilder().update(Case).set(patch).where('id = :id AND status = :from', { id, from }).execute();
    return res.affected === 1;
  }

  async event(em: EntityManager, e: Omit<CaseEvent, 'id'>): Promise<CaseEvent> {
    const row = { id: newId(), ...e };
    await em.insert(CaseEvent, row);
    return row;
  }

  timeline(caseId: string): Promise<CaseEvent[]> {
    return this.ds.manager.find(CaseEvent, { where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** Adds followers, ignoring those already following (a merge brings in people who may be on both). */
  async follow(em: EntityManager, caseId: string, userIds: string[]): Promise<string[]> {
    const have = new Set((await em.find(CaseFollower, { where: { caseId, userId: In(userIds) } })).map((f) => f.userId));
    const fresh = [...new Set(userIds)].filter((u) => !have.has(u));
    if (fresh.length) await em.insert(CaseFollower, fresh.map((userId) => ({ id: newId(), caseId, userId })));
    return fresh;
  }

  async followers(caseId: string, em?: EntityManager): Promise<string[]> {
    return (await db(this.ds, em).find(CaseFollower, { where: { caseId } })).map((f) => f.userId);
  }

  async followerCounts(caseIds: string[]): Promise<Map<string, number>> {
    const rows = await this.ds.manager
      .createQueryBuilder(CaseFollower, 'f')
      .select('f.caseId', 'caseId')
      .addSelect('COUNT(*)', 'n')
      .where('f.caseId IN (:...caseIds)', { caseIds })
      .groupBy('f.caseId')
      .getRawMany<{ caseId: string; n: string | number }>();
    return new Map(rows.map((r) => [r.caseId, Number(r.n)]));
  }

  isFollower(caseId: string, userId: string): Promise<boolean> {
    return this.ds.manager.exists(CaseFollower, { where: { caseId, userId } });
  }

  /** Open reports of the same category about the same building, filed since `since`: offered to follow instead. */
  similar(buildingId: string, category: string, since: Date, em?: EntityManager): Promise<Case[]> {
    return db(this.ds, em)
      .createQueryBuilder(Case, 'c')
      .where('c.buildingId = :buildingId AND c.category = :category AND c.kind = :kind', { buildingId, category, kind: 'report' })
      .andWhere('c.status IN (:...open) AND c.createdAt >= :since', { open: OPEN, since })
      .orderBy('c.createdAt', 'ASC')
      .limit(5)
      .getMany();
  }

  countFiledSince(em: EntityManager, reporterId: string, since: Date): Promise<number> {
    return em.createQueryBuilder(Case, 'c').where('c.reporterId = :reporterId AND c.createdAt > :since', { reporterId, since }).getCount();
  }

  /** The cases a person follows (their own reports included), newest first. */
  followedBy(userId: string, limit: number, cursor?: string): Promise<Case[]> {
    const qb = this.ds.manager.createQueryBuilder(Case, 'c').innerJoin(CaseFollower, 'f', 'f.caseId = c.id AND f.userId = :userId', { userId });
    if (cursor) qb.andWhere('c.id < :cursor', { cursor });
    return qb.orderBy('c.id', 'DESC').limit(limit).getMany();
  }

  /** A handler's queue (theirs), or the cases under community paths; open ones by deadline. */
  queue(where: { handlerId?: string; paths?: string[] }, open: boolean, limit: number, cursor?: string): Promise<Case[]> {
    const qb = this.ds.manager.createQueryBuilder(Case, 'c');
    if (where.handlerId) qb.where('c.handlerId = :h', { h: where.handlerId });
    else {
      const paths = where.paths ?? [];
      qb.where(paths.length ? `(${paths.map((_, i) => `c.orgPath LIKE :p${i}`).join(' OR ')})` : '1=0', Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])));
    }
    qb.andWhere(open ? 'c.status IN (:...s)' : 'c.status NOT IN (:...s)', { s: OPEN });
    if (cursor) qb.andWhere('c.id < :cursor', { cursor });
    return open ? qb.orderBy('c.dueAt', 'ASC').addOrderBy('c.id', 'DESC').limit(limit).getMany() : qb.orderBy('c.id', 'DESC').limit(limit).getMany();
  }

  /** Open cases whose due-soon reminder time has come. */
  dueSoon(now: Date, limit: number): Promise<Case[]> {
    return this.ds.manager.createQueryBuilder(Case, 'c').where('c.status IN (:...s) AND c.dueSoonAt <= :now', { s: OPEN, now }).orderBy('c.dueSoonAt', 'ASC').limit(limit).getMany();
  }

  /** Open cases whose next escalation step has come. */
  toEscalate(now: Date, limit: number): Promise<Case[]> {
    return this.ds.manager.createQueryBuilder(Case, 'c').where('c.status IN (:...s) AND c.escalateAt <= :now AND c.escalationLevel < :max', { s: OPEN, now, max: CASE_MAX_ESCALATION }).orderBy('c.escalateAt', 'ASC').limit(limit).getMany();
  }

  /** Claims the due-soon reminder: true for the one pass that cleared the marker. */
  async claimDueSoon(em: EntityManager, id: string, now: Date): Promise<boolean> {
    const res = await em.createQueryBuilder().update(Case).set({ dueSoonAt: null }).where('id = :id AND dueSoonAt <= :now', { id, now }).execute();
    return res.affected === 1;
  }

  /** Claims one escalation step from `level`: true for the one pass that moved it. */
  async claimEscalation(em: EntityManager, id: string, level: number, next: Date | null): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(Case)
      .set({ escalationLevel: level + 1, escalateAt: next, dueSoonAt: null })
      .where('id = :id AND escalationLevel = :level AND escalateAt IS NOT NULL', { id, level })
      .execute();
    return res.affected === 1;
  }

  /** Resolved cases nobody rated by `before`: closed by the job. */
  unratedSince(before: Date, limit: number): Promise<Case[]> {
    return this.ds.manager.createQueryBuilder(Case, 'c').where('c.status = :s AND c.resolvedAt <= :before', { s: 'resolved', before }).limit(limit).getMany();
  }

  /** A community's reports filed since `since` (the public board; bounded by the period). */
  reportsOf(communityId: string, since: Date): Promise<Case[]> {
    return this.ds.manager
      .createQueryBuilder(Case, 'c')
      .where('c.communityId = :communityId AND c.kind = :kind AND c.createdAt >= :since', { communityId, kind: 'report', since })
      .andWhere('c.status NOT IN (:...gone)', { gone: ['merged', 'withdrawn'] })
      .getMany();
  }

  /** Open reports filed since `since`, with their building (the households' cluster warning). */
  openReportsSince(since: Date): Promise<Case[]> {
    return this.ds.manager
      .createQueryBuilder(Case, 'c')
      .where('c.kind = :kind AND c.status IN (:...open) AND c.createdAt >= :since AND c.buildingId IS NOT NULL', { kind: 'report', open: OPEN, since })
      .getMany();
  }

  /** Reports filed in [from, to): the weekly digest. */
  reportsBetween(from: Date, to: Date): Promise<Case[]> {
    return this.ds.manager.createQueryBuilder(Case, 'c').where('c.kind = :kind AND c.createdAt >= :from AND c.createdAt < :to', { kind: 'report', from, to }).getMany();
  }

  /** Open cases past their deadline. */
  overdueOpen(now: Date): Promise<Case[]> {
    return this.ds.manager.createQueryBuilder(Case, 'c').where('c.status IN (:...open) AND c.dueAt <= :now', { open: OPEN, now }).getMany();
  }

  /** 不满意 ratings given in [from, to), with the handler and community of their case. */
  async unsatisfiedBetween(from: Date, to: Date): Promise<{ handlerId: string; communityId: string }[]> {
    const rows = await this.ds.manager
      .createQueryBuilder(CaseEvent, 'e')
      .innerJoin(Case, 'c', 'c.id = e.caseId')
      .select('c.handlerId', 'handlerId')
      .addSelect('c.communityId', 'communityId')
      .where("e.type = 'rated' AND e.text LIKE :u AND e.at >= :from AND e.at < :to AND c.handlerId IS NOT NULL", { u: '不满意%', from, to })
      .getRawMany<{ handlerId: string; communityId: string }>();
    return rows;
  }

  /** A visit with its household and the household's current head (for a follow-up case). */
  async visitWithHousehold(visitId: string): Promise<{ visit: CareVisit; household: Household; headUserId: string | null } | null> {
    const visit = await this.ds.manager.findOne(CareVisit, { where: { id: visitId } });
    const household = visit && (await this.ds.manager.findOne(Household, { where: { id: visit.householdId } }));
    if (!visit || !household) return null;
    const head = await this.ds.manager.findOne(HouseholdMember, { where: { householdId: household.id, relation: 'head', endedOn: IsNull() } });
    return { visit, household, headUserId: head?.userId ?? null };
  }

  route(gridId: string, category: string): Promise<CaseRoute | null> {
    return this.ds.manager.findOne(CaseRoute, { where: { gridId, category } });
  }

  routes(gridIds: string[]): Promise<CaseRoute[]> {
    return this.ds.manager.find(CaseRoute, { where: { gridId: In(gridIds) } });
  }

  async saveRoute(em: EntityManager, r: Omit<CaseRoute, 'id' | 'updatedAt'>): Promise<void> {
    const existing = await em.findOne(CaseRoute, { where: { gridId: r.gridId, category: r.category } });
    if (existing) await em.update(CaseRoute, { id: existing.id }, { handlerUserId: r.handlerUserId, updatedBy: r.updatedBy });
    else await em.insert(CaseRoute, { id: newId(), ...r });
  }

  setting(communityId: string, category: string): Promise<CaseCategorySetting | null> {
    return this.ds.manager.findOne(CaseCategorySetting, { where: { communityId, category } });
  }

  settings(communityId: string): Promise<CaseCategorySetting[]> {
    return this.ds.manager.find(CaseCategorySetting, { where: { communityId } });
  }

  async saveSetting(em: EntityManager, s: Omit<CaseCategorySetting, 'id' | 'updatedAt'>): Promise<void> {
    const existing = await em.findOne(CaseCategorySetting, { where: { communityId: s.communityId, category: s.category } });
    if (existing) await em.update(CaseCategorySetting, { id: existing.id }, { acceptHours: s.acceptHours, resolveDays: s.resolveDays, anonymousAllowed: s.anonymousAllowed, updatedBy: s.updatedBy });
    else await em.insert(CaseCategorySetting, { id: newId(), ...s });
  }

  /** Enabled holders of `roles` on exactly the node at `path`. */
  async holders(path: string, roles: string[]): Promise<string[]> {
    const rows = await this.ds.manager
      .createQueryBuilder(RoleAssignment, 'ra')
      .innerJoin(OrgNode, 'n', 'n.id = ra.nodeId')
      .innerJoin(User, 'u', 'u.id = ra.userId')
      .select('DISTINCT ra.userId', 'userId')
      .where('ra.role IN (:...roles) AND n.path = :path AND u.disabled = :f', { roles, path, f: false })
      .getRawMany<{ userId: string }>();
    return rows.map((r) => r.userId).sort();
  }

  children(parentId: string): Promise<OrgNode[]> {
    return this.ds.manager.find(OrgNode, { where: { parentId }, order: { name: 'ASC' } });
  }

  users(ids: string[]): Promise<User[]> {
    return this.ds.manager.find(User, { where: { id: In([...new Set(ids)]) } });
  }

  nodes(ids: string[]): Promise<OrgNode[]> {
    return this.ds.manager.find(OrgNode, { where: { id: In([...new Set(ids)]) } });
  }
}
