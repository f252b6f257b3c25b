import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { MallItem, MallRedemption } from './mall.entity.js';

/** Queries of the points mall. */
@Injectable()
export class MallRepository {
  constructor(private readonly ds: DataSource) {}

  findItem(id: string, em?: EntityManager): Promise<MallItem | null> {
    return (em ?? this.ds.manager).findOne(MallItem, { where: { id } });
  }

  itemsOnNodes(nodeIds: string[]): Promise<MallItem[]> {
    if (!nodeIds.length) return Promise.resolve([]);
    return this.ds.manager.find(MallItem, { where: { nodeId: In(nodeIds), active: true }, order: { pricePoints: 'ASC', id: 'ASC' } });
  }

  itemsUnder(paths: string[]): Promise<MallItem[]> {
    if (!paths.length) return Promise.resolve([]);
    return this.ds.manager
      .createQueryBuilder(MallItem, 'i')
      .innerJoin(OrgNode, 'n', 'n.id = i.nodeId')
      .where(`(${paths.map((_, i) => `n.path LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])))
      .orderBy('i.id', 'DESC')
      .getMany();
  }

  async insertItem(item: MallItem, em: EntityManager): Promise<void> {
    await em.insert(MallItem, item);
  }

  /** Takes one from stock if any is left: the only way stock goes down, so it never goes below zero. */
  async takeOne(itemId: string, em: EntityManager): Promise<boolean> {
    const r = await em.createQueryBuilder().update(MallItem).set({ stock: () => 'stock - 1' }).where('id = :itemId AND stock > 0 AND active = :on', { itemId, on: true }).execute();
    return (r.affected ?? 0) === 1;
  }

  async updateItem(id: string, patch: Partial<Pick<MallItem, 'name' | 'description' | 'pricePoints' | 'active'>>, em: EntityManager): Promise<void> {
    await em.update(MallItem, { id }, patch);
  }

  /** Redemptions per item and status, keyed `itemId:status`. */
  async redemptionCounts(itemIds: string[]): Promise<Map<string, number>> {
    if (!itemIds.length) return new Map();
    const rows: { itemId: string; status: string; n: string | number }[] = await this.ds.manager
      .createQueryBuilder(MallRedemption, 'r')
      .select('r.itemId', 'itemId')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('r.itemId IN (:...itemIds)', { itemIds })
      .groupBy('r.itemId')
      .addGroupBy('r.status')
      .getRawMany();
    return new Map(rows.map((r) => [`${r.itemId}:${r.status}`, Number(r.n)]));
  }

  async memberName(userId: string): Promise<string> {
    return (await this.ds.manager.findOne(User, { where: { id: userId }, select: { id: true, name: true } }))?.name ?? '';
  }

  async addStock(itemId: string, n: number, em: EntityManager): Promise<void> {
    await em.createQueryBuilder().update(MallItem).set({ stock: () => `stock + ${Math.trunc(n)}` }).where('id = :itemId', { itemId }).execute();
  }

  findRedemption(id: string, em?: EntityManager): Promise<MallRedemption | null> {
    return (em ?? this.ds.manager).findOne(MallRedemption, { where: { id } });
  }

  byRequestKey(userId: string, requestKey: string, em?: EntityManager): Promise<MallRedemption | null> {
    return (em ?? this.ds.manager).findOne(MallRedemption, { where: { userId, requestKey } });
  }

  byPickupCode(code: string): Promise<MallRedemption | null> {
    return this.ds.manager.findOne(MallRedemption, { where: { pickupCode: code } });
  }

  mine(userId: string): Promise<MallRedemption[]> {
    return this.ds.manager.find(MallRedemption, { where: { userId }, order: { id: 'DESC' }, take: 100 });
  }

  async insertRedemption(r: MallRedemption, em: EntityManager): Promise<void> {
    await em.insert(MallRedemption, r);
  }

  /** Moves a pending redemption on; false when it was no longer pending (picked up or cancelled meanwhile). */
  async leavePending(id: string, patch: Partial<MallRedemption>, em: EntityManager): Promise<boolean> {
    const r = await em.createQueryBuilder().update(MallRedemption).set(patch).where('id = :id AND status = :pending', { id, pending: 'pending' }).execute();
    return (r.affected ?? 0) === 1;
  }
}
