import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan, type EntityManager } from 'typeorm';
import { DuesBill } from '../dues/dues-bill.entity.js';
import { forUpdate } from '../dues/dues.repository.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { DuesReceipt, PayOrder, PayOrderBill, PayRefund } from './pay-order.entity.js';

/** The only code that builds payment queries. State changes are conditional updates, checked by affected rows. */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  order(id: string, em: EntityManager = this.ds.manager): Promise<PayOrder | null> {
    return em.findOne(PayOrder, { where: { id } });
  }

  orderByTradeNo(outTradeNo: string): Promise<PayOrder | null> {
    return this.ds.manager.findOne(PayOrder, { where: { outTradeNo } });
  }

  lockOrderByTradeNo(em: EntityManager, outTradeNo: string): Promise<PayOrder | null> {
    return forUpdate(em, em.createQueryBuilder(PayOrder, 'o').where('o.outTradeNo = :outTradeNo', { outTradeNo })).getOne();
  }

  lockOrder(em: EntityManager, id: string): Promise<PayOrder | null> {
    return forUpdate(em, em.createQueryBuilder(PayOrder, 'o').where('o.id = :id', { id })).getOne();
  }

  ordersByIds(em: EntityManager, ids: string[]): Promise<PayOrder[]> {
    return ids.length ? em.find(PayOrder, { where: { id: In(ids) } }) : Promise.resolve([]);
  }

  orderBills(orderId: string, em: EntityManager = this.ds.manager): Promise<PayOrderBill[]> {
    return em.find(PayOrderBill, { where: { orderId }, order: { month: 'ASC' } });
  }

  async insertOrder(em: EntityManager, order: Partial<PayOrder>, bills: Partial<PayOrderBill>[]): Promise<void> {
    await em.insert(PayOrder, order);
    await em.insert(PayOrderBill, bills);
  }

  /** Claims unpaid, unclaimed bills for an order; the count tells whether someone else got there first. */
  async claimBills(em: EntityManager, billIds: string[], orderId: string): Promise<number> {
    const r = await em
      .createQueryBuilder()
      .update(DuesBill)
      .set({ openOrderId: orderId })
      .where({ id: In(billIds), status: 'unpaid', openOrderId: IsNull() })
      .execute();
    return r.affected ?? 0;
  }

  /** Frees the order's bills, by primary key: a scan on openOrderId would lock every bill row in InnoDB. */
  async releaseBills(em: EntityManager, orderId: string): Promise<void> {
    const ids = (await this.orderBills(orderId, em)).map((l) => l.billId);
    if (ids.length) await em.createQueryBuilder().update(DuesBill).set({ openOrderId: null }).where({ id: In(ids), openOrderId: orderId }).execute();
  }

  /** pending → closed; false when it was no longer pending. */
  async closeOrder(em: EntityManager, orderId: string): Promise<boolean> {
    const r = await em.createQueryBuilder().update(PayOrder).set({ status: 'closed' }).where({ id: orderId, status: 'pending' }).execute();
    if (r.affected) await this.releaseBills(em, orderId);
    return !!r.affected;
  }

  async setPrepay(em: EntityManager, orderId: string, prepayId: string): Promise<void> {
    await em.update(PayOrder, { id: orderId }, { prepayId });
  }

  /** The one paid transition: only from pending or closed, so a duplicate changes nothing. */
  async markPaid(em: EntityManager, orderId: string, transactionId: string, paidAt: Date, conflict: boolean): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(PayOrder)
      .set({ status: 'paid', transactionId, paidAt, conflict })
      .where('id = :id AND status != :paid', { id: orderId, paid: 'paid' })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async payBill(em: EntityManager, billId: string, orderId: string, paidAt: Date): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(DuesBill)
      .set({ status: 'paid', paidOrderId: orderId, paidAt, openOrderId: null })
      .where({ id: billId, status: 'unpaid' })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  /** A fully refunded order's bill owes its dues again; only while this order is still what paid it. */
  async reopenBill(em: EntityManager, billId: string, orderId: string): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(DuesBill)
      .set({ status: 'unpaid', paidOrderId: null, paidAt: null })
      .where({ id: billId, status: 'paid', paidOrderId: orderId })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async insertReceipt(em: EntityManager, r: Partial<DuesReceipt>): Promise<void> {
    await em.createQueryBuilder().insert().into(DuesReceipt).values(r).orIgnore().execute();
  }

  receiptOfOrder(orderId: string): Promise<DuesReceipt | null> {
    return this.ds.manager.findOne(DuesReceipt, { where: { orderId } });
  }

  /** A member's receipts (only those one payer paid, when given), newest first, with the order's total and months. */
  async receiptsOfMember(userId: string, payerUserId?: string): Promise<{ id: string; orderId: string; totalFen: number; paidAt: Date }[]> {
    const qb = this.ds.manager
      .createQueryBuilder(DuesReceipt, 'r')
      .innerJoin(PayOrder, 'o', 'o.id = r.orderId')
      .select(['r.id AS id', 'r.orderId AS orderId', 'o.totalFen AS totalFen', 'o.paidAt AS paidAt'])
      .where('o.memberUserId = :userId', { userId });
    if (payerUserId) qb.andWhere('o.payerUserId = :payerUserId', { payerUserId });
    const raw = await qb
      .orderBy('o.paidAt', 'DESC')
      .limit(24)
      .getRawMany();
    return raw.map((r) => ({ id: String(r.id), orderId: String(r.orderId), totalFen: Number(r.totalFen), paidAt: new Date(r.paidAt) }));
  }

  receipt(id: string): Promise<DuesReceipt | null> {
    return this.ds.manager.findOne(DuesReceipt, { where: { id } });
  }

  receiptByCode(code: string): Promise<DuesReceipt | null> {
    return this.ds.manager.findOne(DuesReceipt, { where: { code } });
  }

  users(ids: string[]): Promise<User[]> {
    return this.ds.manager.find(User, { where: { id: In([...new Set(ids)]) } });
  }

  node(id: string): Promise<OrgNode | null> {
    return this.ds.manager.findOne(OrgNode, { where: { id } });
  }

  /** Orders still pending after `before` and not queried since `queriedBefore`: their notification may be lost. */
  stalePending(before: Date, queriedBefore: Date, limit: number): Promise<PayOrder[]> {
    return this.ds.manager
      .createQueryBuilder(PayOrder, 'o')
      .where('o.status = :s AND o.createdAt < :before', { s: 'pending', before })
      .andWhere('(o.lastQueriedAt IS NULL OR o.lastQueriedAt < :q)', { q: queriedBefore })
      .orderBy('o.createdAt')
      .take(limit)
      .getMany();
  }

  async touchQueried(em: EntityManager, orderId: string, at: Date): Promise<void> {
    await em.update(PayOrder, { id: orderId }, { lastQueriedAt: at });
  }

  paidBetween(from: Date, to: Date): Promise<PayOrder[]> {
    return this.ds.manager
      .createQueryBuilder(PayOrder, 'o')
      .where('o.status = :s AND o.paidAt >= :from AND o.paidAt < :to', { s: 'paid', from, to })
      .getMany();
  }

  ordersByTradeNos(nos: string[]): Promise<PayOrder[]> {
    return nos.length ? this.ds.manager.find(PayOrder, { where: { outTradeNo: In(nos) } }) : Promise.resolve([]);
  }

  // Refunds
  refundByKey(em: EntityManager, orderId: string, requestKey: string): Promise<PayRefund | null> {
    return em.findOne(PayRefund, { where: { orderId, requestKey } });
  }

  refundsOf(em: EntityManager, orderId: string): Promise<PayRefund[]> {
    return em.find(PayRefund, { where: { orderId } });
  }

  async insertRefund(em: EntityManager, r: Partial<PayRefund>): Promise<void> {
    await em.insert(PayRefund, r);
  }

  lockRefund(em: EntityManager, id: string): Promise<PayRefund | null> {
    return forUpdate(em, em.createQueryBuilder(PayRefund, 'r').where('r.id = :id', { id })).getOne();
  }

  lockRefundByNo(em: EntityManager, outRefundNo: string): Promise<PayRefund | null> {
    return forUpdate(em, em.createQueryBuilder(PayRefund, 'r').where('r.outRefundNo = :outRefundNo', { outRefundNo })).getOne();
  }

  /** processing → success/failed once; a success adds to the order's refunded amount in the same step. */
  async finishRefund(em: EntityManager, refund: PayRefund, status: 'success' | 'failed', refundId: string | null, at: Date): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(PayRefund)
      .set({ status, refundId, succeededAt: status === 'success' ? at : null })
      .where({ id: refund.id, status: 'processing' })
      .execute();
    if (!r.affected) return false;
    if (status === 'success') {
      await em.createQueryBuilder().update(PayOrder).set({ refundedFen: () => `refundedFen + ${Number(refund.amountFen)}` }).where({ id: refund.orderId }).execute();
    }
    return true;
  }

  processingRefunds(before: Date, limit: number): Promise<PayRefund[]> {
    return this.ds.manager.find(PayRefund, { where: { status: 'processing', createdAt: LessThan(before) }, take: limit });
  }
}
