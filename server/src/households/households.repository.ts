import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { addDays, DUE_AHEAD_DAYS, type AssignableTag, type HouseholdListQuery, type PersonTag } from '@honglin/shared';
import { AppError } from '../common/app-error.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { Household, HouseholdMember } from './household.entity.js';
import { PersonProfile, PersonTagRow } from './person-profile.entity.js';
import { RiskWarning } from './risk-warning.entity.js';

const none = <T>(): Promise<T[]> => Promise.resolve([]);
const db = (ds: DataSource, em?: EntityManager) => em ?? ds.manager;
/** A unique key refused the row (MariaDB ER_DUP_ENTRY, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isDuplicate(e: unknown): boolean {
  const code = (e as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (e as { code?: string }).code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
async function uniqueOr<T>(work: Promise<T>, code: 'HOUSEHOLD_EXISTS' | 'PERSON_IN_ANOTHER_HOUSEHOLD' | 'PERSON_ID_NUMBER_TAKEN'): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isDuplicate(e)) throw new AppError(code);
    throw e;
  }
}
const scoped = (alias: string, paths: string[]) => ({
  sql: `(${paths.map((_, i) => `${alias}.path LIKE :p${i}`).join(' OR ')})`,
  params: Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])),
});

/** The only place that builds queries over households, memberships, person profiles and tags. */
@Injectable()
export class HouseholdsRepository {
  constructor(private readonly ds: DataSource) {}

  nodes(ids: string[]): Promise<OrgNode[]> {
    const unique = [...new Set(ids)];
    return unique.length ? this.ds.manager.find(OrgNode, { where: { id: In(unique) } }) : none();
  }

  users(ids: string[], em?: EntityManager): Promise<User[]> {
    const unique = [...new Set(ids)];
    return unique.length ? db(this.ds, em).find(User, { where: { id: In(unique) } }) : none();
  }

  /** The person record follows the household: their residence becomes its building. */
  setResidence(em: EntityManager, userId: string, buildingId: string): Promise<unknown> {
    return em.update(User, { id: userId }, { residenceNodeId: buildingId });
  }

  setBirthYear(em: EntityManager, userId: string, birthYear: number): Promise<unknown> {
    return em.update(User, { id: userId }, { birthYear });
  }

  insertHousehold(em: EntityManager, h: Household): Promise<unknown> {
    return uniqueOr(em.insert(Household, h), 'HOUSEHOLD_EXISTS');
  }

  updateHousehold(em: EntityManager, id: string, patch: Partial<Household>): Promise<unknown> {
    return uniqueOr(em.update(Household, { id }, patch), 'HOUSEHOLD_EXISTS');
  }

  household(id: string, em?: EntityManager): Promise<Household | null> {
    return db(this.ds, em).findOne(Household, { where: { id } });
  }

  /** Every household in id order, for the nightly recompute. */
  page(afterId: string, limit: number): Promise<Household[]> {
    return this.ds.manager.createQueryBuilder(Household, 'h').where('h.id > :afterId', { afterId }).orderBy('h.id', 'ASC').limit(limit).getMany();
  }

  households(ids: string[]): Promise<Household[]> {
    return ids.length ? this.ds.manager.find(Household, { where: { id: In([...new Set(ids)]) } }) : none();
  }

  /** One page of the households under `paths`, soonest due first; the cursor is `nextDueOn_id`. */
  list(paths: string[], q: HouseholdListQuery, today: string): Promise<Household[]> {
    const scope = scoped('h', paths);
    const qb = this.ds.manager.createQueryBuilder(Household, 'h').where(scope.sql, scope.params);
    if (q.buildingId) qb.andWhere('h.buildingId = :b', { b: q.buildingId });
    if (q.filter === 'overdue') qb.andWhere('h.nextDueOn < :today', { today });
    if (q.filter === 'due') qb.andWhere('h.nextDueOn >= :today AND h.nextDueOn <= :ahead', { today, ahead: addDays(today, DUE_AHEAD_DAYS) });
    if (q.filter === 'warned') qb.andWhere(`EXISTS (SELECT 1 FROM risk_warnings w WHERE w.householdId = h.id AND w.status <> 'resolved')`);
    if (q.q) {
      qb.andWhere(
        `(h.room LIKE :like OR EXISTS (SELECT 1 FROM org_nodes bn WHERE bn.id = h.buildingId AND bn.name LIKE :like) OR EXISTS (SELECT 1 FROM household_members m INNER JOIN users u ON u.id = m.userId WHERE m.householdId = h.id AND m.activeUserId IS NOT NULL AND u.name LIKE :like))`,
        { like: `%${q.q.replace(/[%_]/g, '')}%` },
      );
    }
    if (q.tag) qb.andWhere(`EXISTS (SELECT 1 FROM household_members tm INNER JOIN users tu ON tu.id = tm.userId WHERE tm.householdId = h.id AND tm.activeUserId IS NOT NULL AND ${this.tagCondition(q.tag, today)})`, { tag: q.tag, born: `${Number(today.slice(0, 4)) - 80}${today.slice(4)}`, bornYear: Number(today.slice(0, 4)) - 80 });
    if (q.cursor) {
      const [d, id] = q.cursor.split('_');
      qb.andWhere('(h.nextDueOn > :cd OR (h.nextDueOn = :cd AND h.id > :cid))', { cd: d, cid: id ?? '' });
    }
    return qb.orderBy('h.nextDueOn', 'ASC').addOrderBy('h.id', 'ASC').limit(q.limit + 1).getMany();
  }

  /** Derived tags are conditions on the person, assigned ones a live row. */
  private tagCondition(tag: PersonTag, _today: string): string {
    if (tag === 'party_member') return 'tu.branchNodeId IS NOT NULL';
    if (tag === 'advanced_age') {
      return '(EXISTS (SELECT 1 FROM person_profiles pp WHERE pp.userId = tu.id AND pp.birthDate IS NOT NULL AND pp.birthDate <= :born) OR (NOT EXISTS (SELECT 1 FROM person_profiles pq WHERE pq.userId = tu.id AND pq.birthDate IS NOT NULL) AND tu.birthYear <= :bornYear))';
    }
    return 'EXISTS (SELECT 1 FROM person_tags pt WHERE pt.userId = tu.id AND pt.tag = :tag AND pt.removedAt IS NULL)';
  }

  members(householdIds: string[], activeOnly: boolean, em?: EntityManager): Promise<HouseholdMember[]> {
    if (!householdIds.length) return none();
    return db(this.ds, em).find(HouseholdMember, { where: { householdId: In([...new Set(householdIds)]), ...(activeOnly ? { endedOn: IsNull() } : {}) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  activeMembership(userId: string, em?: EntityManager): Promise<HouseholdMember | null> {
    return db(this.ds, em).findOne(HouseholdMember, { where: { activeUserId: userId } });
  }

  insertMember(em: EntityManager, m: HouseholdMember): Promise<unknown> {
    return uniqueOr(em.insert(HouseholdMember, m), 'PERSON_IN_ANOTHER_HOUSEHOLD');
  }

  /** Ends an open membership; false when it had already ended (a concurrent request). */
  async endMember(em: EntityManager, id: string, endedOn: string, endReason: HouseholdMember['endReason']): Promise<boolean> {
    const res = await em.createQueryBuilder().update(HouseholdMember).set({ endedOn, endReason, activeUserId: null }).where('id = :id AND activeUserId IS NOT NULL', { id }).execute();
    return res.affected === 1;
  }

  profiles(userIds: string[], em?: EntityManager): Promise<PersonProfile[]> {
    return userIds.length ? db(this.ds, em).find(PersonProfile, { where: { userId: In([...new Set(userIds)]) } }) : none();
  }

  async saveProfile(em: EntityManager, p: PersonProfile, exists: boolean): Promise<void> {
    if (exists) await uniqueOr(em.update(PersonProfile, { userId: p.userId }, p), 'PERSON_ID_NUMBER_TAKEN');
    else await uniqueOr(em.insert(PersonProfile, p), 'PERSON_ID_NUMBER_TAKEN');
  }

  profileByIdHash(hash: string): Promise<PersonProfile | null> {
    return this.ds.manager.findOne(PersonProfile, { where: { idNumberHash: hash } });
  }

  tags(userIds: string[], em?: EntityManager): Promise<PersonTagRow[]> {
    return userIds.length ? db(this.ds, em).find(PersonTagRow, { where: { userId: In([...new Set(userIds)]), removedAt: IsNull() } }) : none();
  }

  tagRow(em: EntityManager, userId: string, tag: AssignableTag): Promise<PersonTagRow | null> {
    return em.findOne(PersonTagRow, { where: { userId, tag } });
  }

  insertTag(em: EntityManager, row: PersonTagRow): Promise<unknown> {
    return em.insert(PersonTagRow, row);
  }

  updateTag(em: EntityManager, id: string, patch: Partial<PersonTagRow>): Promise<unknown> {
    return em.update(PersonTagRow, { id }, patch);
  }

  openWarningCounts(householdIds: string[]): Promise<Map<string, number>> {
    if (!householdIds.length) return Promise.resolve(new Map());
    return this.ds.manager
      .createQueryBuilder(RiskWarning, 'w')
      .select('w.householdId', 'id')
      .addSelect('COUNT(*)', 'n')
      .where('w.householdId IN (:...ids) AND w.status <> :resolved', { ids: householdIds, resolved: 'resolved' })
      .groupBy('w.householdId')
      .getRawMany<{ id: string; n: string | number }>()
      .then((rows) => new Map(rows.map((r) => [r.id, Number(r.n)])));
  }
}
