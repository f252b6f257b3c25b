import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { Household, HouseholdMember } from '../households/household.entity.js';
import { PersonProfile, PersonTagRow } from '../households/person-profile.entity.js';
import { CareVisit } from '../households/care-visit.entity.js';
import { insertRows } from '../database/fast-sql.js';
import { RosterImport, RosterLink, RosterRow, RosterSource, SamePersonPair, VerificationTask } from './roster.entities.js';

const CHUNK = 500;
const db = (ds: DataSource, em?: EntityManager) => em ?? ds.manager;
/** IN (...) over many keys, a chunk at a time (placeholders are limited); an empty list asks nothing. */
async function byChunks<T>(keys: string[], q: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(keys)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await q(unique.slice(i, i + CHUNK))));
  return out;
}
const scoped = (alias: string, paths: string[]) => ({
  sql: `(${paths.map((_, i) => `${alias}.path LIKE :p${i}`).join(' OR ')})`,
  params: Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])),
});

/** The only place that builds the roster domain's queries (and its reads of the ledger's tables). */
@Injectable()
export class RosterRepository {
  constructor(private readonly ds: DataSource) {}

  /** Reads outside a transaction go through the same code as reads inside one. */
  get manager(): EntityManager {
    return this.ds.manager;
  }
  async sourceOfImport(importId: string): Promise<string | null> {
    const imp = await this.import(importId);
    return imp ? ((await this.source(imp.sourceId))?.name ?? null) : null;
  }

  sources(paths: string[]): Promise<RosterSource[]> {
    const s = scoped('s', paths);
    return this.ds.manager.createQueryBuilder(RosterSource, 's').where(s.sql, s.params).orderBy('s.name', 'ASC').getMany();
  }
  source(id: string): Promise<RosterSource | null> {
    return this.ds.manager.findOne(RosterSource, { where: { id } });
  }
  saveSource(em: EntityManager, s: RosterSource, exists: boolean): Promise<unknown> {
    return exists ? em.update(RosterSource, { id: s.id }, { mapping: s.mapping, impliedTags: s.impliedTags }) : em.insert(RosterSource, s);
  }

  imports(sourceIds: string[]): Promise<RosterImport[]> {
    return sourceIds.length ? this.ds.manager.find(RosterImport, { where: { sourceId: In(sourceIds) }, order: { createdAt: 'DESC' }, take: 100 }) : Promise.resolve([]);
  }
  import(id: string, em?: EntityManager): Promise<RosterImport | null> {
    return db(this.ds, em).findOne(RosterImport, { where: { id } });
  }
  insertImport(em: EntityManager, i: RosterImport): Promise<unknown> {
    return em.insert(RosterImport, i);
  }
  updateImport(em: EntityManager | undefined, id: string, patch: Partial<RosterImport>): Promise<unknown> {
    return db(this.ds, em).update(RosterImport, { id }, patch);
  }
  /** Moves an import from one status to the next; false when someone else moved it first. */
  async claim(em: EntityManager, id: string, from: RosterImport['status'][], to: RosterImport['status']): Promise<boolean> {
    const res = await em.createQueryBuilder().update(RosterImport).set({ status: to }).where('id = :id AND status IN (:...from)', { id, from }).execute();
    return res.affected === 1;
  }
  /**
   * Progress of a running commit, written outside its transaction so another request sees it (on
   * SQLite the one shared connection shows it anyway). One UPDATE of two counters: nothing to half-write.
   */
  progress(id: string, rowsDone: number): Promise<unknown> {
    return this.ds.manager.update(RosterImport, { id }, { rowsDone });
  }

  deleteRows(em: EntityManager, importId: string): Promise<unknown> {
    return em.delete(RosterRow, { importId });
  }
  async insertRows(em: EntityManager, rows: RosterRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await insertRows(em, RosterRow, rows.slice(i, i + 200));
  }
  rows(importId: string, afterRowNo: number, limit: number, em?: EntityManager): Promise<RosterRow[]> {
    return db(this.ds, em).createQueryBuilder(RosterRow, 'r').where('r.importId = :importId AND r.rowNo > :afterRowNo', { importId, afterRowNo }).orderBy('r.rowNo', 'ASC').limit(limit).getMany();
  }
  rowsPage(importId: string, outcome: string | undefined, offset: number, limit: number): Promise<RosterRow[]> {
    return this.ds.manager.find(RosterRow, { where: { importId, ...(outcome ? { outcome: outcome as RosterRow['outcome'] } : {}) }, order: { rowNo: 'ASC' }, skip: offset, take: limit });
  }
  rowsById(ids: string[]): Promise<RosterRow[]> {
    return byChunks(ids, (part) => this.ds.manager.find(RosterRow, { where: { id: In(part) } }));
  }
  /** Writes a page's commit results: one UPDATE … CASE per 200 rows, leaving the encrypted record alone. */
  async saveRows(em: EntityManager, rows: Pick<RosterRow, 'id' | 'outcome' | 'userId' | 'effects' | 'findings'>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      const part = rows.slice(i, i + 200);
      const cases = (col: string) => `${col} = CASE id ${part.map(() => 'WHEN ? THEN ?').join(' ')} END`;
      const params = (f: (r: (typeof part)[number]) => unknown) => part.flatMap((r) => [r.id, f(r)]);
      await em.query(`UPDATE roster_rows SET ${cases('outcome')}, ${cases('userId')}, ${cases('effects')}, ${cases('findings')} WHERE id IN (${part.map(() => '?').join(', ')})`, [
        ...params((r) => r.outcome), ...params((r) => r.userId), ...params((r) => (r.effects ? JSON.stringify(r.effects) : null)), ...params((r) => JSON.stringify(r.findings)), ...part.map((r) => r.id),
      ]);
    }
  }
  committedRowsOf(importId: string, em: EntityManager): Promise<RosterRow[]> {
    return em.find(RosterRow, { where: { importId }, order: { rowNo: 'DESC' } });
  }

  buildings(communityPath: string): Promise<OrgNode[]> {
    return this.ds.manager.createQueryBuilder(OrgNode, 'n').where('n.kind = :k AND n.path LIKE :p', { k: 'building', p: `${communityPath}%` }).getMany();
  }
  nodeByPath(path: string): Promise<OrgNode | null> {
    return this.ds.manager.findOne(OrgNode, { where: { path } });
  }
  nodes(ids: string[], em?: EntityManager): Promise<OrgNode[]> {
    return byChunks(ids, (part) => db(this.ds, em).find(OrgNode, { where: { id: In(part) } }));
  }
  node(id: string): Promise<OrgNode | null> {
    return this.ds.manager.findOne(OrgNode, { where: { id } });
  }

  profilesByIdHash(hashes: string[], em?: EntityManager): Promise<PersonProfile[]> {
    return byChunks(hashes, (part) => db(this.ds, em).find(PersonProfile, { where: { idNumberHash: In(part) } }));
  }
  links(sourceId: string, keys: string[], em?: EntityManager): Promise<RosterLink[]> {
    return byChunks(keys, (part) => db(this.ds, em).find(RosterLink, { where: { sourceId, recordKey: In(part) } }));
  }
  usersNamed(names: string[], em?: EntityManager): Promise<User[]> {
    return byChunks(names, (part) => db(this.ds, em).find(User, { where: { name: In(part) } })).then((us) => us.filter((u) => !u.deletedAt));
  }
  users(ids: string[], em?: EntityManager): Promise<User[]> {
    return byChunks(ids, (part) => db(this.ds, em).find(User, { where: { id: In(part) } }));
  }
  profiles(ids: string[], em?: EntityManager): Promise<PersonProfile[]> {
    return byChunks(ids, (part) => db(this.ds, em).find(PersonProfile, { where: { userId: In(part) } }));
  }
  activeMemberships(userIds: string[], em?: EntityManager): Promise<HouseholdMember[]> {
    return byChunks(userIds, (part) => db(this.ds, em).find(HouseholdMember, { where: { activeUserId: In(part) } }));
  }
  households(ids: string[], em?: EntityManager): Promise<Household[]> {
    return byChunks(ids, (part) => db(this.ds, em).find(Household, { where: { id: In(part) } }));
  }
  householdsInBuildings(buildingIds: string[], em?: EntityManager): Promise<Household[]> {
    return byChunks(buildingIds, (part) => db(this.ds, em).find(Household, { where: { buildingId: In(part) } }));
  }
  tags(userIds: string[], em?: EntityManager): Promise<PersonTagRow[]> {
    return byChunks(userIds, (part) => db(this.ds, em).find(PersonTagRow, { where: { userId: In(part) } }));
  }
  pairsByKeys(keys: string[], em?: EntityManager): Promise<SamePersonPair[]> {
    return byChunks(keys, (part) => db(this.ds, em).find(SamePersonPair, { where: { recordKey: In(part) } }));
  }
  tasksOf(userIds: string[], em?: EntityManager): Promise<VerificationTask[]> {
    return byChunks(userIds, (part) => db(this.ds, em).find(VerificationTask, { where: { userId: In(part) } }));
  }

  /** Bulk writes of a commit, in its transaction. */
  async insertAll<T extends object>(em: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
    // Plain multi-row INSERTs (fast-sql): the query builder's per-value bookkeeping cost more than the database did.
    for (let i = 0; i < rows.length; i += 200) await insertRows(em, entity as never, rows.slice(i, i + 200) as never[]);
  }
  updateProfile(em: EntityManager, p: PersonProfile): Promise<unknown> {
    return em.update(PersonProfile, { userId: p.userId }, { idNumberCipher: p.idNumberCipher, idNumberHash: p.idNumberHash, birthDate: p.birthDate, gender: p.gender, phonesCipher: p.phonesCipher, provenance: p.provenance });
  }
  updateTask(em: EntityManager, id: string, patch: Partial<VerificationTask>): Promise<unknown> {
    return em.update(VerificationTask, { id }, patch);
  }
  updateUserName(em: EntityManager, id: string, name: string): Promise<unknown> {
    return em.update(User, { id }, { name });
  }

  pairs(paths: string[], status: SamePersonPair['status'] | 'all'): Promise<SamePersonPair[]> {
    const s = scoped('p', paths);
    const qb = this.ds.manager.createQueryBuilder(SamePersonPair, 'p').where(s.sql, s.params);
    if (status !== 'all') qb.andWhere('p.status = :status', { status });
    return qb.orderBy('p.createdAt', 'ASC').limit(200).getMany();
  }
  pair(id: string): Promise<SamePersonPair | null> {
    return this.ds.manager.findOne(SamePersonPair, { where: { id } });
  }
  pairsOfRow(rowId: string, em: EntityManager): Promise<SamePersonPair[]> {
    return em.find(SamePersonPair, { where: { rowId } });
  }
  async decidePair(em: EntityManager, id: string, status: 'same' | 'different', by: string, at: Date): Promise<boolean> {
    const res = await em.createQueryBuilder().update(SamePersonPair).set({ status, decidedBy: by, decidedAt: at }).where('id = :id AND status = :open', { id, open: 'open' }).execute();
    return res.affected === 1;
  }
  pairsOfImport(importId: string, em: EntityManager): Promise<SamePersonPair[]> {
    return em.find(SamePersonPair, { where: { importId } });
  }

  tasks(paths: string[], q: { householdId?: string; userId?: string; open: boolean }): Promise<VerificationTask[]> {
    const s = scoped('t', paths);
    const qb = this.ds.manager.createQueryBuilder(VerificationTask, 't').where(s.sql, s.params).andWhere('t.status = :st', { st: q.open ? 'open' : 'resolved' });
    if (q.householdId) qb.andWhere('t.householdId = :h', { h: q.householdId });
    if (q.userId) qb.andWhere('t.userId = :u', { u: q.userId });
    return qb.orderBy('t.createdAt', 'ASC').limit(200).getMany();
  }
  task(id: string, em?: EntityManager): Promise<VerificationTask | null> {
    return db(this.ds, em).findOne(VerificationTask, { where: { id } });
  }
  async resolveTask(em: EntityManager, id: string, patch: Partial<VerificationTask>): Promise<boolean> {
    const res = await em.createQueryBuilder().update(VerificationTask).set(patch).where('id = :id AND status = :open', { id, open: 'open' }).execute();
    return res.affected === 1;
  }
  openTasksSince(before: Date, householdIds?: string[]): Promise<VerificationTask[]> {
    const qb = this.ds.manager.createQueryBuilder(VerificationTask, 't').where('t.status = :open AND t.createdAt <= :before', { open: 'open', before });
    if (householdIds) {
      if (!householdIds.length) return Promise.resolve([]);
      qb.andWhere('t.householdId IN (:...h)', { h: householdIds });
    }
    return qb.getMany();
  }
  linksOfSource(sourceId: string): Promise<RosterLink[]> {
    return this.ds.manager.find(RosterLink, { where: { sourceId }, order: { createdAt: 'ASC' } });
  }
  /** Sources listing a person (a person's file shows them). */
  sourcesListing(userId: string): Promise<{ name: string; importedAt: Date }[]> {
    return this.ds.manager
      .createQueryBuilder(RosterLink, 'l')
      .innerJoin(RosterSource, 's', 's.id = l.sourceId')
      .select('s.name', 'name')
      .addSelect('l.createdAt', 'importedAt')
      .where('l.userId = :userId', { userId })
      .getRawMany();
  }

  /** Rollback's blockers: later imports that touched the same people, visits to households it created. */
  async laterRowsTouching(importId: string, userIds: string[], after: Date, em: EntityManager): Promise<number> {
    const rows = await byChunks(userIds, (part) =>
      em.createQueryBuilder(RosterRow, 'r').innerJoin(RosterImport, 'i', 'i.id = r.importId').where('r.userId IN (:...part) AND r.importId <> :importId AND i.status = :c AND i.committedAt > :after', { part, importId, c: 'committed', after }).getMany(),
    );
    return rows.length;
  }
  visitsTo(householdIds: string[], em: EntityManager): Promise<CareVisit[]> {
    return byChunks(householdIds, (part) => em.find(CareVisit, { where: { householdId: In(part) } }));
  }
  async undo(em: EntityManager, entity: Function, ids: string[], key = 'id'): Promise<void> {
    await byChunks(ids, async (part) => {
      await em.createQueryBuilder().delete().from(entity).where(`${key} IN (:...part)`, { part }).execute();
      return [];
    });
  }
  roleAssignmentsOf(userIds: string[], em: EntityManager): Promise<RoleAssignment[]> {
    return byChunks(userIds, (part) => em.find(RoleAssignment, { where: { userId: In(part) } }));
  }
}
