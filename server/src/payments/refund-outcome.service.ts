import { Injectable } from '@nestjs/common';
import { formatYuan } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { NotificationService } from '../notifications/notification.service.js';
import { LedgerRepository } from '../points/ledger.repository.js';
import { LedgerService } from '../points/ledger.service.js';
import type { PayRefund } from './pay-order.entity.js';
import { PaymentsRepository } from './payments.repository.js';

/** The ledger key of the on-time credit a bill earned when this order paid it (a bill paid again after a refund earns anew). */
export const onTimeCreditKey = (billId: string, orderId: string) => `dues_on_time:${billId}:${orderId}`;

/**
 * Applies WeChat's final word on a refund, once, inside the caller's transaction. A refund that
 * completes the order's FULL refund undoes the payment: every bill the order paid becomes unpaid
 * again (so it can be paid anew) and its on-time points are reversed through the ledger (idempotent
 * by key); the member is told. A partial refund (an extra, an overcharge) leaves the bills paid.
 * An order that paid bills already settled elsewhere (`conflict`) reopens nothing: its bills are
 * paid by the other order.
 */
@Injectable()
export class RefundOutcomeService {
  constructor(
    private readonly repo: PaymentsRepository,
    private readonly ledgerEntries: LedgerRepository,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationService,
  ) {}

  /** processing → success/failed; false when it was already final (a duplicate notification or poll). */
  async finish(em: EntityManager, refund: PayRefund, status: 'success' | 'failed', refundId: string | null, at: Date): Promise<boolean> {
    // Refund row, then order row, on every path: two outcomes of one order are applied one after the other.
    await this.repo.lockRefund(em, refund.id);
    await this.repo.lockOrder(em, refund.orderId);
    if (!(await this.repo.finishRefund(em, refund, status, refundId, at))) return false;
    if (status !== 'success') return true;
    const order = (await this.repo.order(refund.orderId, em))!;
    if (order.refundedFen < order.totalFen) return true;
    const reopened: string[] = [];
    for (const line of await this.repo.orderBills(order.id, em)) {
      if (!(await this.repo.reopenBill(em, line.billId, order.id))) continue;
      reopened.push(line.month);
      const credit = await this.ledgerEntries.findByKey(em, onTimeCreditKey(line.billId, order.id));
      if (credit && credit.amount !== 0) await this.ledger.reverse(em, credit.id, '党费已全额退款，按时交纳积分收回', `${onTimeCreditKey(line.billId, order.id)}:refunded`);
    }
    if (reopened.length) {
      await this.notifications.enqueue(em, {
        userId: order.memberUserId,
        kind: 'dues_refunded',
        title: '党费已退款',
        body: `${reopened.join('、')}党费共 ${formatYuan(order.totalFen)} 元已全额退回，这些月份恢复为未缴，请在"我的—党费"中重新缴纳。`,
        link: '/packages/dues/pages/index/index',
        dedupeKey: `dues-refunded:${order.id}`,
      });
    }
    return true;
  }
}
