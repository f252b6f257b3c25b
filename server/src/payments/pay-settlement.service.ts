import { Injectable, Logger } from '@nestjs/common';
import { formatYuan, monthDueAt } from '@honglin/shared';
import { AppError } from '../common/app-error.js';
import { DuesReminders } from '../dues/dues-reminders.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationService } from '../notifications/notification.service.js';
import { LedgerService } from '../points/ledger.service.js';
import { randomAlnum } from './wechatpay-crypto.js';
import { PaymentsRepository } from './payments.repository.js';
import { onTimeCreditKey } from './refund-outcome.service.js';
import { clock } from '../common/clock.js';

/** What WeChat Pay says about a transaction, from a verified notification or our own query. */
export interface TransactionFacts {
  outTradeNo: string;
  transactionId: string;
  tradeState: string;
  totalFen: number;
  mchid: string;
  appid: string;
  successTime: string | null;
}

export type SettleOutcome = 'paid' | 'duplicate' | 'ignored';

const RECEIPT_ALPHABET = /^[0-9A-Z]{12}$/;

/**
 * Applies a successful payment to our records exactly once: under the order's row lock the order
 * becomes paid, its bills paid (their pending reminders withdrawn), the receipt issued, on-time points
 * credited and the member told — all in one transaction, so a duplicate notification (or the query
 * job racing one) finds it done.
 */
@Injectable()
export class PaySettlementService {
  private readonly logger = new Logger('PaySettlement');

  constructor(
    private readonly repo: PaymentsRepository,
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationService,
    private readonly reminders: DuesReminders,
  ) {}

  async settle(facts: TransactionFacts, expected: { mchid: string; appid: string }): Promise<SettleOutcome> {
    if (facts.mchid !== expected.mchid || facts.appid !== expected.appid) throw new AppError('PAY_NOTIFY_MISMATCH');
    // Most duplicates come after the first one committed: answer them from a plain read, no lock.
    const seen = await this.repo.orderByTradeNo(facts.outTradeNo);
    if (seen?.status === 'paid' && seen.totalFen === facts.totalFen && seen.transactionId === facts.transactionId) return 'duplicate';
    return this.tx.run(async (em) => {
      const order = await this.repo.lockOrderByTradeNo(em, facts.outTradeNo);
      if (!order) throw AppError.notFound();
      if (facts.totalFen !== order.totalFen) {
        this.logger.warn(`amount mismatch on ${order.id}: notified ${facts.totalFen}, ordered ${order.totalFen}`);
        throw new AppError('PAY_NOTIFY_MISMATCH');
      }
      if (facts.tradeState !== 'SUCCESS') return 'ignored';
      if (order.status === 'paid') return 'duplicate';
      const paidAt = facts.successTime ? new Date(facts.successTime) : clock.now();
      const lines = await this.repo.orderBills(order.id, em);
      let conflict = order.status === 'closed';
      const paidBills: typeof lines = [];
      for (const line of lines) {
        if (await this.repo.payBill(em, line.billId, order.id, paidAt)) paidBills.push(line);
        else conflict = true; // paid by another order meanwhile: this money is owed back
      }
      if (!(await this.repo.markPaid(em, order.id, facts.transactionId, paidAt, conflict))) return 'duplicate';
      await this.repo.insertReceipt(em, { id: newId(), orderId: order.id, code: receiptCode() });
      await this.reminders.withdraw(em, paidBills.map((l) => l.billId));
      for (const line of paidBills) {
        if (paidAt <= monthDueAt(line.month)) {
          await this.ledger.credit(em, {
            userId: order.memberUserId,
            action: 'dues_on_time',
            source: { type: 'dues_bill', id: line.billId },
            idempotencyKey: onTimeCreditKey(line.billId, order.id),
            nodeId: order.branchId,
            at: paidAt,
          });
        }
      }
      await this.notifications.enqueue(em, {
        userId: order.memberUserId,
        kind: 'dues_paid',
        title: '党费缴纳成功',
        body: `已收到${lines.map((l) => l.month).join('、')}党费共 ${formatYuan(order.totalFen)} 元${order.onBehalf ? '（代缴）' : ''}，电子收据可在"我的—党费"中查看。`,
        link: `/packages/dues/pages/receipt/index?orderId=${order.id}`,
        dedupeKey: `dues-paid:${order.id}`,
      });
      if (conflict) this.logger.warn(`order ${order.id} paid after its bills were settled elsewhere: refund needed`);
      return 'paid';
    });
  }
}

/** 12 characters of 0-9A-Z (~62 bits): printed on the receipt, checkable by anyone. */
function receiptCode(): string {
  const code = randomAlnum(24).toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 12);
  return RECEIPT_ALPHABET.test(code) ? code : receiptCode();
}
