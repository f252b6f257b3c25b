import { Inject, Injectable } from '@nestjs/common';
import type { RefundRequest, RefundView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManager, assertManages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DUES_ROLES } from '../dues/dues.service.js';
import type { PayRefund } from './pay-order.entity.js';
import { PayGateway } from './pay-gateway.js';
import { PaymentsRepository } from './payments.repository.js';
import { PaymentsService } from './payments.service.js';
import { RefundOutcomeService } from './refund-outcome.service.js';
import { randomAlnum } from './wechatpay-crypto.js';
import { clock } from '../common/clock.js';

/** WeChat Pay allows at most 50 partial refunds per order. */
const MAX_REFUNDS = 50;

/**
 * Treasurer refunds, partial allowed. The request key makes a retry return the same refund (and the
 * same out_refund_no, which WeChat refunds once); the money counts only when WeChat reports success.
 */
@Injectable()
export class RefundsService {
  constructor(
    @Inject(PayGateway) private readonly gateway: PayGateway,
    private readonly repo: PaymentsRepository,
    private readonly tx: TransactionRunner,
    private readonly payments: PaymentsService,
    private readonly outcome: RefundOutcomeService,
  ) {}

  async refund(actor: Actor, orderId: string, dto: RefundRequest): Promise<RefundView> {
    assertManager(actor, DUES_ROLES);
    const found = await this.repo.order(orderId);
    if (!found) throw AppError.notFound();
    assertManages(actor, found.path, DUES_ROLES);
    const { refund, order, fresh } = await this.tx.run(async (em) => {
      const order = (await this.repo.lockOrder(em, orderId))!;
      const existing = await this.repo.refundByKey(em, orderId, dto.requestKey);
      if (existing) {
        if (existing.amountFen !== dto.amountFen) throw new AppError('PAY_REFUND_KEY_REUSED');
        return { refund: existing, order, fresh: false };
      }
      if (order.status !== 'paid') throw new AppError('PAY_ORDER_NOT_PAID');
      const live = (await this.repo.refundsOf(em, orderId)).filter((r) => r.status !== 'failed');
      if (live.length >= MAX_REFUNDS) throw new AppError('PAY_REFUND_LIMIT');
      if (live.reduce((s, r) => s + r.amountFen, 0) + dto.amountFen > order.totalFen) throw new AppError('PAY_REFUND_EXCEEDS');
      const refund: Partial<PayRefund> = { id: newId(), outRefundNo: randomAlnum(32), orderId, requestKey: dto.requestKey, amountFen: dto.amountFen, reason: dto.reason, status: 'processing', refundId: null, actorId: actor.userId, succeededAt: null };
      await this.repo.insertRefund(em, refund);
      return { refund: refund as PayRefund, order, fresh: true };
    });
    // Also re-sent for a retried request still processing: the same out_refund_no refunds once at WeChat.
    if (fresh || refund.status === 'processing') {
      const r = await this.gateway.refund({ outTradeNo: order.outTradeNo, outRefundNo: refund.outRefundNo, reason: refund.reason, refundFen: refund.amountFen, totalFen: order.totalFen, notifyUrl: this.payments.notifyUrl('refund-notify') });
      if (r.status !== 200) {
        const code = (r.error as { code?: string } | undefined)?.code;
        // A 4xx is WeChat's final word on this refund (it is marked failed): a refusal the organiser can act
        // on, not an outage. Only a 5xx, SYSTEMERROR or no answer is "try again later".
        const refused = r.status >= 400 && r.status < 500 && code !== 'SYSTEMERROR';
        if (refused) await this.tx.run((em) => this.outcome.finish(em, refund, 'failed', null, clock.now()));
        throw new AppError(code === 'NOT_ENOUGH' ? 'PAY_REFUND_EXCEEDS' : refused ? 'PAY_REFUND_REFUSED' : 'PAY_UNAVAILABLE');
      }
      if (r.data?.status === 'SUCCESS') await this.tx.run((em) => this.outcome.finish(em, refund, 'success', String(r.data!.refund_id), clock.now()));
    }
    const latest = (await this.tx.run((em) => this.repo.refundByKey(em, orderId, dto.requestKey)))!;
    return view(latest);
  }

  /** For the sweeper: asks WeChat about a refund whose notification has not come. */
  async poll(refund: PayRefund): Promise<void> {
    const r = await this.gateway.findRefund(refund.outRefundNo);
    const status = r.data?.status;
    if (r.status !== 200 || (status !== 'SUCCESS' && status !== 'CLOSED' && status !== 'ABNORMAL')) return;
    await this.tx.run((em) => this.outcome.finish(em, refund, status === 'SUCCESS' ? 'success' : 'failed', String(r.data!.refund_id), clock.now()));
  }
}

function view(r: PayRefund): RefundView {
  return { id: r.id, orderId: r.orderId, amountFen: r.amountFen, reason: r.reason, status: r.status, createdAt: new Date(r.createdAt).toISOString() };
}
