import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { CreatedOrderView, CreateOrderRequest, OrderView, RequestPaymentParams } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { manages } from '../common/scope.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DuesRepository } from '../dues/dues.repository.js';
import type { PayOrder } from './pay-order.entity.js';
import { PayGateway } from './pay-gateway.js';
import { PaySettlementService } from './pay-settlement.service.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { PaymentsRepository } from './payments.repository.js';
import { randomAlnum } from './wechatpay-crypto.js';
import { clock } from '../common/clock.js';

/** Who may pay for someone else (代缴) by their role: the member's organisers, treasurer or admin. A family member pays through `PayingFor`. */
const PROXY_ROLES = ['organiser', 'treasurer', 'admin'] as const;

type Plan = { reuse: PayOrder } | { close: PayOrder[] };

/**
 * Paying a member's bills on someone's word rather than as the member or their organiser (代缴 by a
 * linked family member): the bills must be that member's; `hold` re-checks the consent inside every
 * transaction that claims the bills (throw to refuse, nothing written); `record` writes the acting-for
 * record in the order's own transaction.
 */
export interface PayingFor {
  memberUserId: string;
  hold(em: EntityManager): Promise<void>;
  record(em: EntityManager, order: PayOrder, months: string[]): Promise<void>;
}

/**
 * Orders for dues. Every WeChat Pay call happens between transactions, never inside one: claim the
 * bills in a transaction, call prepay, record the answer in another.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PayGateway) private readonly gateway: PayGateway,
    private readonly repo: PaymentsRepository,
    private readonly dues: DuesRepository,
    private readonly tx: TransactionRunner,
    private readonly settlement: PaySettlementService,
    private readonly http: HttpAdapterHost,
    private readonly audit: AuditTrail,
  ) {}

  /** The payer is always the caller (their openid pays); `payingFor` is the consent when it is not their own bill or their organiser role. */
  async create(actor: Actor, dto: CreateOrderRequest, payingFor?: PayingFor): Promise<CreatedOrderView> {
    const billIds = [...new Set(dto.billIds)].sort();
    const payer = await this.dues.user(actor.userId);
    if (!payer?.openid) throw new AppError('PAY_NO_OPENID');

    const plan = await this.tx.run(async (em): Promise<Plan> => {
      await payingFor?.hold(em);
      const bills = await this.dues.lockBills(em, billIds);
      this.checkBills(actor, bills, billIds.length, payingFor);
      const openIds = [...new Set(bills.map((b) => b.openOrderId).filter((x): x is string => !!x))];
      const open = (await this.repo.ordersByIds(em, openIds)).filter((o) => o.status === 'pending');
      if (open.length === 1 && (await this.sameOrder(open[0], billIds, dto.extraFen, actor.userId))) return { reuse: open[0] };
      return { close: open };
    });

    if ('reuse' in plan) return this.prepay(plan.reuse, payer.openid);
    // One open order per bill: the previous ones are closed at WeChat first, so they can no longer be paid.
    for (const old of plan.close) await this.closeAtWechat(old);

    const order = await this.tx.run(async (em) => {
      await payingFor?.hold(em);
      for (const old of plan.close) await this.repo.closeOrder(em, old.id);
      const bills = await this.dues.lockBills(em, billIds);
      this.checkBills(actor, bills, billIds.length, payingFor);
      const first = bills[0];
      const extra = dto.extraFen;
      const o: Partial<PayOrder> = {
        id: newId(),
        outTradeNo: randomAlnum(32),
        memberUserId: first.userId,
        payerUserId: actor.userId,
        onBehalf: actor.userId !== first.userId,
        branchId: first.branchId,
        path: first.path,
        totalFen: bills.reduce((s, b) => s + b.amountFen, 0) + extra,
        extraFen: extra,
        refundedFen: 0,
        status: 'pending',
        expiresAt: new Date(clock.nowMs() + this.config.PAY_ORDER_TTL_MINUTES * 60_000),
      };
      if (o.totalFen! <= 0) throw new AppError('VALIDATION_FAILED', [{ field: 'billIds', message: '缴费金额必须大于0' }]);
      await this.repo.insertOrder(em, o, bills.map((b) => ({ id: newId(), orderId: o.id, billId: b.id, month: b.month, amountFen: b.amountFen })));
      if ((await this.repo.claimBills(em, billIds, o.id!)) !== billIds.length) throw new AppError('DUES_BILL_BUSY');
      const order = (await this.repo.order(o.id!, em))!;
      await payingFor?.record(em, order, bills.map((b) => b.month).sort());
      // An organiser paying a member's bills (代缴 on their role, no family consent): the member and the
      // admins see who paid for whom, committed with the order.
      if (!payingFor && order.onBehalf) await this.audit.recordIn(em, actor, { action: 'dues.pay_for', subjects: [order.memberUserId], resourceId: order.id, orgPath: order.path });
      return order;
    });
    return this.prepay(order, payer.openid);
  }

  async view(actor: Actor, orderId: string): Promise<OrderView> {
    const order = await this.repo.order(orderId);
    if (!order || !(order.payerUserId === actor.userId || order.memberUserId === actor.userId || manages(actor, order.path))) throw AppError.notFound();
    return this.orderView(order);
  }

  /** Notify URL: configured, else (demo) this server's own loopback address. */
  notifyUrl(path: 'notify' | 'refund-notify' = 'notify'): string {
    const configured = this.gateway.settings.notifyUrl;
    if (configured) return path === 'notify' ? configured : configured.replace(/\/notify$/, '/refund-notify');
    const address = this.http.httpAdapter.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : this.config.PORT;
    return `http://127.0.0.1:${port}/api/payments/${path}`;
  }

  /** Another person's bills (or, paying for someone, anyone but that person's) are 404, like bills that do not exist. */
  private checkBills(actor: Actor, bills: { userId: string; path: string; status: string }[], expected: number, payingFor?: PayingFor) {
    if (bills.length !== expected) throw AppError.notFound();
    if (new Set(bills.map((b) => b.userId)).size !== 1) throw new AppError('DUES_BILLS_MIXED');
    const b = bills[0];
    const mayPay = payingFor ? b.userId === payingFor.memberUserId : b.userId === actor.userId || manages(actor, b.path, PROXY_ROLES);
    if (!mayPay) throw AppError.notFound();
    if (bills.some((x) => x.status === 'paid')) throw new AppError('DUES_BILL_PAID');
  }

  private async sameOrder(o: PayOrder, billIds: string[], extraFen: number, payerId: string): Promise<boolean> {
    if (o.extraFen !== extraFen || o.payerUserId !== payerId || o.expiresAt.getTime() < clock.nowMs() + 60_000) return false;
    const lines = await this.repo.orderBills(o.id);
    return lines.map((l) => l.billId).sort().join() === billIds.join();
  }

  /** Closes an order at WeChat; if it turns out to be paid already, records that and refuses the new order. */
  private async closeAtWechat(old: PayOrder): Promise<void> {
    const r = await this.gateway.close(old.outTradeNo);
    if (r.status === 204 || r.status === 200) return;
    const code = (r.error as { code?: string } | undefined)?.code;
    if (code === 'ORDER_NOT_EXIST' || code === 'ORDERCLOSED') return;
    if (code === 'ORDERPAID') {
      const q = await this.gateway.query(old.outTradeNo);
      if (q.status === 200 && q.data) await this.settlement.settle(factsOf(q.data), this.gateway.settings);
      throw new AppError('DUES_BILL_PAID');
    }
    throw new AppError('PAY_UNAVAILABLE');
  }

  private async prepay(order: PayOrder, openid: string): Promise<CreatedOrderView> {
    const lines = await this.repo.orderBills(order.id);
    const r = await this.gateway.jsapi({
      outTradeNo: order.outTradeNo,
      description: `党费 ${lines.map((l) => l.month).join(' ')}`.slice(0, 120),
      totalFen: order.totalFen,
      openid,
      expiresAt: order.expiresAt,
      notifyUrl: this.notifyUrl(),
    });
    const params = r.data as RequestPaymentParams | undefined;
    if (r.status !== 200 || !params?.package) {
      await this.tx.run((em) => this.repo.closeOrder(em, order.id));
      throw new AppError('PAY_UNAVAILABLE');
    }
    await this.tx.run((em) => this.repo.setPrepay(em, order.id, params.package.replace(/^prepay_id=/, '')));
    const demoPayUrl = this.gateway.fake ? `/api/payments/demo-pay/${order.id}` : null;
    return { ...(await this.orderView(order, lines)), payParams: params, demoPayUrl };
  }

  async orderView(order: PayOrder, lines?: { month: string }[]): Promise<OrderView> {
    const receipt = order.status === 'paid' ? await this.repo.receiptOfOrder(order.id) : null;
    return {
      id: order.id,
      status: order.status,
      totalFen: order.totalFen,
      extraFen: order.extraFen,
      refundedFen: order.refundedFen,
      expiresAt: order.expiresAt.toISOString(),
      paidAt: order.paidAt ? order.paidAt.toISOString() : null,
      receiptId: receipt?.id ?? null,
      months: (lines ?? (await this.repo.orderBills(order.id))).map((l) => l.month),
      onBehalf: !!order.onBehalf,
    };
  }
}

/** A transaction as the query API returns it, in the settlement's terms. */
export function factsOf(d: Record<string, any>) {
  return {
    outTradeNo: String(d.out_trade_no ?? ''),
    transactionId: String(d.transaction_id ?? ''),
    tradeState: String(d.trade_state ?? ''),
    totalFen: Number(d.amount?.total),
    mchid: String(d.mchid ?? ''),
    appid: String(d.appid ?? ''),
    successTime: typeof d.success_time === 'string' ? d.success_time : null,
  };
}
