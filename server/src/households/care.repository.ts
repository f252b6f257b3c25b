import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { CareVisit, HouseholdTask } from './care-visit.entity.js';
import { Household } from './household.entity.js';
import { CareSettings, RiskWarning } from './risk-warning.entity.js';

const db = (ds: DataSource, em?: EntityManager) => em ?? ds.manager;

/** The only place that builds queries over visits, household tasks, care settings and risk warnings. */
@Injectable()
export class CareRepository {
  constructor(private readonly ds: DataSource) {}

  insertVisit(em: EntityManager, v: CareVisit): Promise<unknown> {
    return em.insert(CareVisit, v);
  }

  visit(id: string, em?: EntityManager): Promise<CareVisit | null> {
    return db(this.ds, em).findOne(CareVisit, { where: { id } });
  }

  /** Every visit of a household, newest first (corrected ones included: the timeline shows both). */
  visits(householdId: string, limit = 50): Promise<CareVisit[]> {
    return this.ds.manager.find(CareVisit, { where: { householdId }, order: { visitedAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** The last `n` visits that stand (not replaced by a correction), newest first. */
  standingVisits(householdId: string, n: number, em?: EntityManager): Promise<CareVisit[]> {
    return db(this.ds, em)
      .createQueryBuilder(CareVisit, 'v')
      .where('v.householdId = :householdId', { householdId })
      .andWhere('NOT EXISTS (SELECT 1 FROM care_visits c WHERE c.correctsVisitId = v.id)')
      .orderBy('v.visitedAt', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(n)
      .getMany();
  }

  /** Visits since `since` to households under `paths`, newest first. */
  visitsUnder(paths: string[], since: Date): Promise<(CareVisit & { label?: string })[]> {
    if (!paths.length) return Promise.resolve([]);
    return this.ds.manager
      .createQueryBuilder(CareVisit, 'v')
      .innerJoin(Household, 'h', 'h.id = v.householdId')
      .where(`(${paths.map((_, i) => `h.path LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])))
      .andWhere('v.visitedAt >= :since', { since })
      .andWhere('NOT EXISTS (SELECT 1 FROM care_visits c WHERE c.correctsVisitId = v.id)')
      .orderBy('v.visitedAt', 'DESC')
      .limit(500)
      .getMany();
  }

  insertTasks(em: EntityManager, tasks: HouseholdTask[]): Promise<unknown> {
    return tasks.length ? em.insert(HouseholdTask, tasks) : Promise.resolve();
  }

  tasks(householdId: string): Promise<HouseholdTask[]> {
    return this.ds.manager.find(HouseholdTask, { where: { householdId }, order: { createdAt: 'DESC', id: 'DESC' }, take: 50 });
  }

  task(id: string): Promise<HouseholdTask | null> {
    return this.ds.manager.findOne(HouseholdTask, { where: { id } });
  }

  async completeTask(em: EntityManager, id: string, by: string, at: Date): Promise<boolean> {
    const res = await em.createQueryBuilder().update(HouseholdTask).set({ status: 'done', doneBy: by, doneAt: at }).where('id = :id AND status = :open', { id, open: 'open' }).execute();
    return res.affected === 1;
  }

  settings(communityId: string, em?: EntityManager): Promise<CareSettings | null> {
    return db(this.ds, em).findOne(CareSettings, { where: { communityId } });
  }

  async saveSettings(em: EntityManager, s: CareSettings): Promise<void> {
    if (await em.findOne(CareSettings, { where: { communityId: s.communityId } })) await em.update(CareSettings, { communityId: s.communityId }, s);
    else await em.insert(CareSettings, s);
  }

  /**
   * Inserts warnings unless an open one for the rule and subject exists, or one was already raised on
   * the same facts (INSERT IGNORE / OR IGNORE on the two unique keys: concurrent scans cannot both
   * win). Returns the ones this call raised.
   */
  async raise(em: EntityManager, batch: RiskWarning[]): Promise<RiskWarning[]> {
    if (!batch.length) return [];
    await em.createQueryBuilder().insert().into(RiskWarning).values(batch).orIgnore().execute();
    const kept = new Set((await em.find(RiskWarning, { select: { id: true }, where: { id: In(batch.map((w) => w.id)) } })).map((w) => w.id));
    return batch.filter((w) => kept.has(w.id));
  }

  warning(id: string): Promise<RiskWarning | null> {
    return this.ds.manager.findOne(RiskWarning, { where: { id } });
  }

  warningsUnder(paths: string[], open: boolean, limit: number): Promise<RiskWarning[]> {
    if (!paths.length) return Promise.resolve([]);
    const qb = this.ds.manager
      .createQueryBuilder(RiskWarning, 'w')
      .where(`(${paths.map((_, i) => `w.path LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])))
      .andWhere(open ? 'w.status <> :r' : 'w.status = :r', { r: 'resolved' });
    return qb.orderBy('w.raisedAt', 'DESC').addOrderBy('w.id', 'DESC').limit(limit).getMany();
  }

  warningsOf(householdId: string): Promise<RiskWarning[]> {
    return this.ds.manager.find(RiskWarning, { where: { householdId }, order: { raisedAt: 'DESC' }, take: 20 });
  }

  /** Moves a warning on only from the status the caller saw. */
  async transition(em: EntityManager, id: string, from: RiskWarning['status'], patch: Partial<RiskWarning>): Promise<boolean> {
    const res = await em.createQueryBuilder().update(RiskWarning).set(patch).where('id = :id AND status = :from', { id, from }).execute();
    return res.affected === 1;
  }

  /** Raised, unacknowledged warnings whose next escalation step is due. */
  toEscalate(now: Date, limit: number): Promise<RiskWarning[]> {
    return this.ds.manager
      .createQueryBuilder(RiskWarning, 'w')
      .where('w.status = :raised AND w.escalateAt IS NOT NULL AND w.escalateAt <= :now', { raised: 'raised', now })
      .orderBy('w.escalateAt', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Claims one escalation step: true only for the pass that moved it. */
  async markEscalated(em: EntityManager, id: string, from: number, next: Date | null): Promise<boolean> {
    const res = await em.createQueryBuilder().update(RiskWarning).set({ escalation: from + 1, escalateAt: next }).where('id = :id AND status = :raised AND escalation = :from', { id, raised: 'raised', from }).execute();
    return res.affected === 1;
  }

  /** Enabled holders of `roles` on exactly these nodes. */
  async holders(nodeIds: string[], roles: string[]): Promise<string[]> {
    if (!nodeIds.length || !roles.length) return [];
    const rows = await this.ds.manager
      .createQueryBuilder(RoleAssignment, 'ra')
      .innerJoin(User, 'u', 'u.id = ra.userId')
      .select('DISTINCT ra.userId', 'userId')
      .where('ra.nodeId IN (:...nodeIds) AND ra.role IN (:...roles) AND u.disabled = :f', { nodeIds, roles, f: false })
      .getRawMany<{ userId: string }>();
    return rows.map((r) => r.userId);
  }

  nodes(ids: string[]): Promise<OrgNode[]> {
    return ids.length ? this.ds.manager.find(OrgNode, { where: { id: In([...new Set(ids)]) } }) : Promise.resolve([]);
  }
}
