import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { AppError } from '../common/app-error.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { PayGateway } from './pay-gateway.js';
import { PaySettlementService, type SettleOutcome } from './pay-settlement.service.js';
import { PaymentsRepository } from './payments.repository.js';
import { RefundOutcomeService } from './refund-outcome.service.js';
import { checkWechatpaySignature, decryptResource, type EncryptedResource } from './wechatpay-crypto.js';
import { clock } from '../common/clock.js';

const Envelope = z.object({
  id: z.string().max(64),
  event_type: z.string().max(64),
  resource_type: z.literal('encrypt-resource'),
  resource: z.object({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    ciphertext: z.string().min(1).max(65_536),
    associated_data: z.string().max(64).optional(),
    nonce: z.string().length(12),
    original_type: z.string().max(32).optional(),
  }),
});

const Transaction = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string(),
  trade_state: z.string(),
  success_time: z.string().optional(),
  amount: z.object({ total: z.number().int() }),
});

const Refund = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: z.enum(['SUCCESS', 'CLOSED', 'ABNORMAL']),
  amount: z.object({ refund: z.number().int(), total: z.number().int() }),
});

export type NotifyHeaders = Record<string, string | string[] | undefined>;

/**
 * The notification endpoint's rules: signature over the RAW body with the platform key named by
 * the serial (never fetched on demand), a 5-minute timestamp window, strict AEAD decryption, then
 * the facts checked against our order. Anything off throws a 4xx AppError and changes nothing.
 */
@Injectable()
export class PayNotifyService {
  private readonly logger = new Logger('PayNotify');

  constructor(
    @Inject(PayGateway) private readonly gateway: PayGateway,
    private readonly settlement: PaySettlementService,
    private readonly repo: PaymentsRepository,
    private readonly tx: TransactionRunner,
    private readonly outcome: RefundOutcomeService,
  ) {}

  async payment(headers: NotifyHeaders, raw: Buffer | undefined): Promise<SettleOutcome> {
    const resource = this.open(headers, raw, 'transaction');
    const t = parse(Transaction, resource);
    const { mchid, appid } = this.gateway.settings;
    return this.settlement.settle(
      { outTradeNo: t.out_trade_no, transactionId: t.transaction_id, tradeState: t.trade_state, totalFen: t.amount.total, mchid: t.mchid, appid: t.appid, successTime: t.success_time ?? null },
      { mchid, appid },
    );
  }

  async refund(headers: NotifyHeaders, raw: Buffer | undefined): Promise<'applied' | 'duplicate'> {
    const r = parse(Refund, this.open(headers, raw, 'refund'));
    if (r.mchid !== this.gateway.settings.mchid) throw new AppError('PAY_NOTIFY_MISMATCH');
    return this.tx.run(async (em) => {
      const refund = await this.repo.lockRefundByNo(em, r.out_refund_no);
      if (!refund) throw AppError.notFound();
      const order = await this.repo.order(refund.orderId, em);
      if (!order || order.outTradeNo !== r.out_trade_no || r.amount.refund !== refund.amountFen || r.amount.total !== order.totalFen) throw new AppError('PAY_NOTIFY_MISMATCH');
      const done = await this.outcome.finish(em, refund, r.refund_status === 'SUCCESS' ? 'success' : 'failed', r.refund_id, clock.now());
      return done ? 'applied' : 'duplicate';
    });
  }

  /** Verified, fresh, authentically encrypted: the decrypted resource as JSON. */
  private open(headers: NotifyHeaders, raw: Buffer | undefined, expectType: 'transaction' | 'refund'): unknown {
    const h = (k: string) => {
      const v = headers[k];
      return typeof v === 'string' ? v : '';
    };
    if (!raw?.length) throw new AppError('PAY_NOTIFY_INVALID');
    const signed = { timestamp: h('wechatpay-timestamp'), nonce: h('wechatpay-nonce'), signature: h('wechatpay-signature'), serial: h('wechatpay-serial') };
    const check = checkWechatpaySignature(signed, raw, this.gateway.settings.platformKeys);
    if (check === 'malformed') throw new AppError('PAY_NOTIFY_INVALID');
    if (check === 'stale') throw new AppError('PAY_NOTIFY_STALE');
    if (check !== 'ok') throw new AppError('PAY_NOTIFY_SIGNATURE');
    let envelope: z.infer<typeof Envelope>;
    try {
      envelope = parse(Envelope, JSON.parse(raw.toString('utf8')));
    } catch {
      throw new AppError('PAY_NOTIFY_INVALID');
    }
    if (envelope.resource.original_type && envelope.resource.original_type !== expectType) throw new AppError('PAY_NOTIFY_INVALID');
    try {
      return JSON.parse(decryptResource(envelope.resource as EncryptedResource, this.gateway.settings.apiV3Key));
    } catch {
      // Signed by WeChat yet undecryptable: never trust any of it.
      this.logger.warn(`notification ${envelope.id} failed authenticated decryption`);
      throw new AppError('PAY_NOTIFY_INVALID');
    }
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError('PAY_NOTIFY_INVALID');
  return r.data;
}
