import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, type EntityManager, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { isSqlite } from '../database/data-source.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { DuesBill, DuesBillAdjustment } from './dues-bill.entity.js';
import { DuesProfile } from './dues-profile.entity.js';
import { DuesReminder } from './dues-reminder.entity.js';

/** Row lock where the database has one; SQLite transactions are serialised by TransactionRunner anyway. */
export function forUpdate<T extends ObjectLiteral>(em: EntityManager, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return isSqlite(em.connection) ? qb : qb.setLock('pessimistic_write');
}

export const inPaths = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, paths: string[]) =>
  qb.andWhere(new Brackets((w) => paths.forEach((p, i) => w.orWhere(`${alias}.path LIKE :p${i}`, { [`p${i}`]: `${p}%` }))));

export interface BillRow extends DuesBill {
  memberName: string;
  onBehalf: boolean | number | null;
}

@Injectable()
export class DuesRepository {
  constructor(private readonly ds: DataSource) {}

  user(id: string, em: EntityManager = this.ds.manager): Promise<User | null> {
    return em.findOne(User, { where: { id } });
  }

  node(id: string, em: EntityManager = this.ds.manager): Promise<OrgNode | null> {
    return em.findOne(OrgNode, { where: { id } });
  }

  profile(userId: string, em: EntityManager = this.ds.manager): Promise<DuesProfile | null> {
    return em.findOne(DuesProfile, { where: { userId } });
  }

  profilesUnder(path: string): Promise<(DuesProfile & { name: string })[]> {
    return this.ds.manager
      .createQueryBuilder(DuesProfile, 'p')
      .innerJoin(User, 'u', 'u.id = p.userId')
      .addSelect('u.name', 'name')
      .where('p.path LIKE :path', { path: `${path}%` })
      .orderBy('u.name')
      .getRawAndEntities()
      .then(({ entities, raw }) => entities.map((e, i) => Object.assign(e, { name: String(raw[i].name) })));
  }

  /** Party members whose branch node (a branch or one of its groups) lies under the path. */
  membersUnder(path: string): Promise<User[]> {
    return this.ds.manager
      .createQueryBuilder(User, 'u')
      .innerJoin(OrgNode, 'n', 'n.id = u.branchNodeId')
      .where('n.path LIKE :path', { path: `${path}%` })
      .getMany();
  }

  branchesUnder(paths: string[]): Promise<OrgNode[]> {
    if (!paths.length) return Promise.resolve([]);
    const qb = this.ds.manager.createQueryBuilder(OrgNode, 'n').where('n.kind = :k', { k: 'branch' });
    return inPaths(qb, 'n', paths).orderBy('n.name').getMany();
  }

  saveProfile(em: EntityManager, p: DuesProfile): Promise<DuesProfile> {
    return em.save(DuesProfile, p);
  }

  /** One bill per member and month: the unique key turns a second run into nothing. */
  async insertBills(em: EntityManager, rows: Partial<DuesBill>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await em.createQueryBuilder().insert().into(DuesBill).values(rows.slice(i, i + 200)).orIgnore().execute();
    }
  }

  countBills(em: EntityManager, branchId: string, month: string): Promise<number> {
    return em.count(DuesBill, { where: { branchId, month } });
  }

  lockBills(em: EntityManager, ids: string[]): Promise<DuesBill[]> {
    return forUpdate(em, em.createQueryBuilder(DuesBill, 'b').where({ id: In(ids) }).orderBy('b.id')).getMany();
  }

  bill(id: string): Promise<DuesBill | null> {
    return this.ds.manager.findOne(DuesBill, { where: { id } });
  }

  async adjust(em: EntityManager, bill: DuesBill, toFen: number, reason: string, actorId: string, id: string): Promise<void> {
    await em.insert(DuesBillAdjustment, { id, billId: bill.id, fromFen: bill.amountFen, toFen, reason, actorId });
    await em.update(DuesBill, { id: bill.id }, { amountFen: toFen });
  }

  /** Bills with the member's name and whether the paying order was 代缴. */
  private billsQuery() {
    return this.ds.manager
      .createQueryBuilder(DuesBill, 'b')
      .innerJoin(User, 'u', 'u.id = b.userId')
      .leftJoin('pay_orders', 'o', 'o.id = b.paidOrderId')
      .addSelect('u.name', 'memberName')
      .addSelect('o.onBehalf', 'onBehalf');
  }

  private async rows(qb: SelectQueryBuilder<DuesBill>): Promise<BillRow[]> {
    const { entities, raw } = await qb.getRawAndEntities();
    return entities.map((e, i) => Object.assign(e, { memberName: String(raw[i].memberName), onBehalf: raw[i].onBehalf }));
  }

  billsOfUser(userId: string): Promise<BillRow[]> {
    return this.rows(this.billsQuery().where('b.userId = :userId', { userId }).orderBy('b.month', 'DESC').take(36));
  }

  billsOfBranchMonth(branchId: string, month: string): Promise<BillRow[]> {
    return this.rows(this.billsQuery().where('b.branchId = :branchId AND b.month = :month', { branchId, month }).orderBy('u.name'));
  }

  unpaidOfBranchMonth(branchId: string, month: string): Promise<DuesBill[]> {
    return this.ds.manager.find(DuesBill, { where: { branchId, month, status: 'unpaid' } });
  }

  /** Unpaid bills of the month that have had no automatic reminder of this kind yet, a batch at a time. */
  billsToRemind(month: string, kind: DuesReminder['kind'], limit: number): Promise<DuesBill[]> {
    return this.ds.manager
      .createQueryBuilder(DuesBill, 'b')
      .leftJoin(DuesReminder, 'r', 'r.billId = b.id AND r.kind = :kind', { kind })
      .where('b.month = :month AND b.status = :unpaid AND r.id IS NULL', { month, unpaid: 'unpaid' })
      .orderBy('b.id')
      .limit(limit)
      .getMany();
  }

  /** The unique (bill, kind) key makes a second instance's insert a no-op. */
  async insertReminders(em: EntityManager, rows: Partial<DuesReminder>[]): Promise<void> {
    if (rows.length) await em.createQueryBuilder().insert().into(DuesReminder).values(rows).orIgnore().updateEntity(false).execute();
  }
}
