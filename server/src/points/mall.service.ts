import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MallItemCreate, MallItemUpdate, MallItemView, OrgMallItemView, PickupView, RedemptionView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManager, assertManages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { nodeRef } from '../organizations/node-chain.js';
import type { OrgNode } from '../organizations/org-node.entity.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { LedgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';
import type { MallItem, MallRedemption } from './mall.entity.js';
import { MallRepository } from './mall.repository.js';
import { clock } from '../common/clock.js';

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: read aloud at the counter
const ORGANISERS = ['organiser', 'admin'] as const;

/** A retry of a redemption that already went through: roll back and answer with the first one. */
class AlreadyRedeemed extends Error {}

/** 积分超市: organisers stock items, members spend points on them and collect with a pickup code. */
@Injectable()
export class MallService {
  constructor(
    private readonly mall: MallRepository,
    private readonly ledger: LedgerService,
    private readonly ledgerRepo: LedgerRepository,
    private readonly org: OrgRepository,
    private readonly tx: TransactionRunner,
    private readonly ds: DataSource,
  ) {}

  /** Items of the member's own organisations (branch, community, street and their parents). */
  async items(actor: Actor): Promise<MallItemView[]> {
    const member = await this.ledgerRepo.membership(this.ds.manager, actor.userId, null);
    return (await this.mall.itemsOnNodes(member.pathIds)).map(itemView);
  }

  /** Every item of the organiser's organisations, with the codes still to be collected. */
  async orgItems(actor: Actor): Promise<OrgMallItemView[]> {
    const items = await this.mall.itemsUnder(assertManager(actor, ORGANISERS));
    const [nodes, counts] = await Promise.all([this.org.findNodes([...new Set(items.map((i) => i.nodeId))]), this.mall.redemptionCounts(items.map((i) => i.id))]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return items.map((i) => ({
      ...itemView(i),
      node: nodeRef(byId.get(i.nodeId))!,
      pendingPickups: counts.get(`${i.id}:pending`) ?? 0,
      pickedUp: counts.get(`${i.id}:picked_up`) ?? 0,
    }));
  }

  async create(actor: Actor, dto: MallItemCreate): Promise<MallItemView> {
    const node = await this.org.findNode(dto.nodeId);
    if (!node) throw AppError.notFound();
    assertManages(actor, node.path, ORGANISERS);
    const item: MallItem = { id: newId(), ...dto, active: true, createdBy: actor.userId, createdAt: clock.now() };
    await this.tx.run((em) => this.mall.insertItem(item, em));
    return itemView(item);
  }

  /** Rename, reprice or take off / put back on the shelf; redemptions already made keep their price. */
  async update(actor: Actor, itemId: string, dto: MallItemUpdate): Promise<MallItemView> {
    await this.managedItem(actor, itemId);
    await this.tx.run((em) => this.mall.updateItem(itemId, dto, em));
    return itemView((await this.mall.findItem(itemId))!);
  }

  async restock(actor: Actor, itemId: string, add: number): Promise<MallItemView> {
    await this.managedItem(actor, itemId);
    await this.tx.run((em) => this.mall.addStock(itemId, add, em));
    return itemView((await this.mall.findItem(itemId))!);
  }

  /** Stock down by one and points debited in one transaction; a retried request returns the first redemption. */
  async redeem(actor: Actor, itemId: string, requestKey: string): Promise<RedemptionView> {
    const earlier = await this.mall.byRequestKey(actor.userId, requestKey);
    if (earlier) return this.view(earlier, true);
    const item = await this.mall.findItem(itemId);
    const member = await this.ledgerRepo.membership(this.ds.manager, actor.userId, null);
    if (!item || !member.pathIds.includes(item.nodeId)) throw AppError.notFound();
    if (!item.active) throw new AppError('MALL_ITEM_UNAVAILABLE');
    try {
      const created = await this.tx.run(async (em) => {
        if (!(await this.mall.takeOne(item.id, em))) throw new AppError('MALL_OUT_OF_STOCK');
        const id = newId();
        const debit = await this.ledger.credit(em, {
          userId: actor.userId,
          action: 'mall_redeem',
          amount: -item.pricePoints,
          source: { type: 'mall_redemption', id },
          idempotencyKey: `mall:redeem:${actor.userId}:${requestKey}`,
          nodeId: item.nodeId,
          note: `兑换「${item.name}」`,
        });
        if (debit.duplicate) throw new AlreadyRedeemed();
        const r: MallRedemption = {
          id, itemId: item.id, userId: actor.userId, pricePoints: item.pricePoints, status: 'pending', pickupCode: pickupCode(), requestKey,
          debitEntryId: debit.entryId, pickedUpAt: null, pickedUpBy: null, cancelledAt: null, createdAt: clock.now(),
        };
        await this.mall.insertRedemption(r, em);
        return r;
      });
      return this.view(created, true);
    } catch (e) {
      if (!(e instanceof AlreadyRedeemed)) throw e;
      return this.view((await this.mall.byRequestKey(actor.userId, requestKey))!, true);
    }
  }

  async mine(actor: Actor): Promise<RedemptionView[]> {
    const rows = await this.mall.mine(actor.userId);
    return Promise.all(rows.map((r) => this.view(r, r.status === 'pending')));
  }

  /** Cancelling before pickup gives the item back to stock and the points back by a compensating entry. */
  async cancel(actor: Actor, id: string): Promise<RedemptionView> {
    const r = await this.mall.findRedemption(id);
    if (!r || r.userId !== actor.userId) throw AppError.notFound();
    await this.tx.run(async (em) => {
      if (!(await this.mall.leavePending(id, { status: 'cancelled', cancelledAt: clock.now() }, em))) throw new AppError('REDEMPTION_NOT_PENDING');
      await this.mall.addStock(r.itemId, 1, em);
      await this.ledger.reverse(em, r.debitEntryId, '取消兑换，积分退还', `mall:cancel:${id}`);
    });
    return this.view((await this.mall.findRedemption(id))!, false);
  }

  /** The organiser checks a code at the counter before handing the item over; nothing changes yet. */
  async lookupPickup(actor: Actor, code: string): Promise<PickupView> {
    const { redemption, node } = await this.managedRedemption(actor, code);
    return this.pickupView(redemption, node);
  }

  /** Hands the item over: pending → picked up, once. Codes of other organisations don't exist. */
  async pickup(actor: Actor, code: string): Promise<PickupView> {
    const { redemption, node } = await this.managedRedemption(actor, code);
    await this.tx.run(async (em) => {
      if (!(await this.mall.leavePending(redemption.id, { status: 'picked_up', pickedUpAt: clock.now(), pickedUpBy: actor.userId }, em))) throw new AppError('REDEMPTION_NOT_PENDING');
    });
    return this.pickupView((await this.mall.findRedemption(redemption.id))!, node);
  }

  private async managedRedemption(actor: Actor, code: string): Promise<{ redemption: MallRedemption; node: OrgNode }> {
    assertManager(actor, ORGANISERS);
    const redemption = await this.mall.byPickupCode(code);
    const item = redemption && (await this.mall.findItem(redemption.itemId));
    const node = item && (await this.org.findNode(item.nodeId));
    if (!redemption || !node) throw new AppError('PICKUP_CODE_INVALID');
    try {
      assertManages(actor, node.path, ORGANISERS);
    } catch {
      throw new AppError('PICKUP_CODE_INVALID');
    }
    return { redemption, node };
  }

  private async pickupView(r: MallRedemption, node: OrgNode): Promise<PickupView> {
    const [view, member] = await Promise.all([this.view(r, r.status === 'pending'), this.mall.memberName(r.userId)]);
    return { ...view, memberName: member, node: nodeRef(node)! };
  }

  private async managedItem(actor: Actor, itemId: string): Promise<MallItem> {
    const item = await this.mall.findItem(itemId);
    const node = item && (await this.org.findNode(item.nodeId));
    if (!item || !node) throw AppError.notFound();
    assertManages(actor, node.path, ORGANISERS);
    return item;
  }

  private async view(r: MallRedemption, showCode: boolean): Promise<RedemptionView> {
    const item = await this.mall.findItem(r.itemId);
    return {
      id: r.id,
      item: { id: r.itemId, name: item?.name ?? '' },
      pricePoints: r.pricePoints,
      status: r.status,
      pickupCode: showCode ? r.pickupCode : null,
      createdAt: r.createdAt.toISOString(),
      pickedUpAt: r.pickedUpAt?.toISOString() ?? null,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
    };
  }
}

function pickupCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

function itemView(i: MallItem): MallItemView {
  return { id: i.id, nodeId: i.nodeId, name: i.name, description: i.description, imageUrl: i.imageUrl, pricePoints: i.pricePoints, stock: i.stock, active: i.active };
}
