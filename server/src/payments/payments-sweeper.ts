import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { PayGateway } from './pay-gateway.js';
import { PaySettlementService } from './pay-settlement.service.js';
import { PaymentsRepository } from './payments.repository.js';
import { factsOf } from './payments.service.js';
import { ReconciliationService } from './reconciliation.service.js';
import { RefundsService } from './refunds.service.js';
import { clock } from '../common/clock.js';

/**
 * Recovers what notifications did not bring: orders pending longer than PAY_QUERY_AFTER_MINUTES are
 * queried (paid → settled as a notification would; expired → closed at WeChat, then here, bills
 * freed), processing refunds are polled, and each recent day's trade bill is reconciled and stored
 * once (ReconciliationService.daily).
 * Safe on several instances: every change is a conditional update.
 */
@Injectable()
export class PaymentsSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PaymentsSweeper');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PayGateway) private readonly gateway: PayGateway,
    private readonly repo: PaymentsRepository,
    private readonly tx: TransactionRunner,
    private readonly settlement: PaySettlementService,
    private readonly refunds: RefundsService,
    private readonly reconciliation: ReconciliationService,
  ) {
    this.job = new PeriodicJob('payments sweep', config.PAY_SWEEP_MS, () => this.sweep(), this.logger);
  }

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
    await this.gateway.shutdown();
  }

  /** One pass; returns how many orders were settled and closed. */
  async sweep(now = clock.now()): Promise<{ settled: number; closed: number }> {
    const result = { settled: 0, closed: 0 };
    const stale = await this.repo.stalePending(new Date(now.getTime() - this.config.PAY_QUERY_AFTER_MINUTES * 60_000), new Date(now.getTime() - 30_000), 100);
    for (const order of stale) {
      const q = await this.gateway.query(order.outTradeNo);
      const state = q.status === 200 ? String(q.data?.trade_state ?? '') : q.status === 404 ? 'ORDER_NOT_EXIST' : '';
      if (state === 'SUCCESS' || state === 'REFUND') {
        if ((await this.settlement.settle(factsOf({ ...q.data, trade_state: 'SUCCESS' }), this.gateway.settings)) === 'paid') result.settled++;
      } else if ((state === 'NOTPAY' || state === 'CLOSED' || state === 'ORDER_NOT_EXIST') && order.expiresAt <= now) {
        if (state === 'NOTPAY') {
          const c = await this.gateway.close(order.outTradeNo);
          if (c.status !== 204 && c.status !== 200) continue; // maybe paid in between: next pass sees it
        }
        if (await this.tx.run((em) => this.repo.closeOrder(em, order.id))) result.closed++;
      }
      await this.tx.run((em) => this.repo.touchQueried(em, order.id, now));
    }
    for (const r of await this.repo.processingRefunds(new Date(now.getTime() - 60_000), 50)) await this.refunds.poll(r);
    await this.reconciliation.daily(now).catch((e: unknown) => this.logger.warn(`reconciliation failed: ${(e as Error).message}`));
    return result;
  }
}
