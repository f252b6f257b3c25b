import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DemoPayController } from './demo-pay.controller.js';
import { PayGateway } from './pay-gateway.js';
import { PayNotifyService } from './pay-notify.service.js';
import { PaySettlementService } from './pay-settlement.service.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsRepository } from './payments.repository.js';
import { PaymentsService } from './payments.service.js';
import { PaymentsSweeper } from './payments-sweeper.js';
import { ReceiptsService } from './receipts.service.js';
import { ReconciliationRepository } from './reconciliation.repository.js';
import { ReconciliationService } from './reconciliation.service.js';
import { RefundOutcomeService } from './refund-outcome.service.js';
import { RefundsService } from './refunds.service.js';
import type { Domain } from '../common/domain.js';
import { DuesReceipt, PayOrder, PayOrderBill, PayRefund } from './pay-order.entity.js';
import { PayReconciliation, PayReconciliationMismatch } from './pay-reconciliation.entity.js';

export const PAYMENTS: Domain = {
  controllers: [PaymentsController, DemoPayController],
  providers: [
    // In demo mode this generates the merchant and platform keys and starts the fake WeChat Pay.
    { provide: PayGateway, useFactory: (config: AppConfig) => PayGateway.create(config), inject: [APP_CONFIG] },
    PaymentsRepository,
    PaySettlementService,
    PayNotifyService,
    PaymentsService,
    RefundOutcomeService,
    RefundsService,
    ReceiptsService,
    ReconciliationRepository,
    ReconciliationService,
    PaymentsSweeper,
  ],
  entities: [PayOrder, PayOrderBill, DuesReceipt, PayRefund, PayReconciliation, PayReconciliationMismatch],
};
