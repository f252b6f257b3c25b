import { Controller, Get, HttpCode, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CreateOrderRequest, ReconcileQuery, ReconcileRunsQuery, RefundRequest, VerifyReceiptQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Access, CurrentActor, Public, RateLimit } from '../common/decorators.js';
import type { AppRequest } from '../common/request-context.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { PayNotifyService } from './pay-notify.service.js';
import { PaymentsService } from './payments.service.js';
import { ReceiptsService } from './receipts.service.js';
import { ReconciliationService } from './reconciliation.service.js';
import { RefundsService } from './refunds.service.js';

@ApiTags('payments')
@ApiBearerAuth()
@Controller()
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly notify: PayNotifyService,
    private readonly refunds: RefundsService,
    private readonly receipts: ReceiptsService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  @Access('self', 'manager')
  @Post('payments/orders')
  @HttpCode(201)
  create(@CurrentActor() actor: Actor, @Input(CreateOrderRequest) dto: CreateOrderRequest) {
    return this.payments.create(actor, dto);
  }

  @Access('self', 'manager')
  @Get('payments/orders/:id')
  order(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.payments.view(actor, id);
  }

  @Access('self', 'manager')
  @Get('payments/orders/:id/receipt')
  receiptOfOrder(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.receipts.receiptOfOrder(actor, id);
  }

  @Access('treasurer')
  @Post('payments/orders/:id/refunds')
  @HttpCode(201)
  refund(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(RefundRequest) dto: RefundRequest) {
    return this.refunds.refund(actor, id, dto);
  }

  @Access('treasurer')
  @Get('payments/reconciliation')
  reconcile(@CurrentActor() actor: Actor, @QueryInput(ReconcileQuery) q: ReconcileQuery) {
    return this.reconciliation.forActor(actor, q.date);
  }

  /** The stored daily runs, for the treasurer's board: this branch's mismatches only. */
  @Access('treasurer')
  @Get('dues/branches/:branchId/reconciliations')
  reconciliations(@CurrentActor() actor: Actor, @Param('branchId', IdPipe) branchId: string, @QueryInput(ReconcileRunsQuery) q: ReconcileRunsQuery) {
    return this.reconciliation.recent(actor, branchId, q.limit);
  }

  @Access('self', 'manager')
  @Get('dues/receipts/:id')
  receipt(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.receipts.receipt(actor, id);
  }

  /** Anyone holding a receipt's code can check it is genuine. */
  @Public()
  @Get('dues/receipts-check')
  check(@QueryInput(VerifyReceiptQuery) q: VerifyReceiptQuery) {
    return this.receipts.check(q.code);
  }

  /** WeChat Pay's payment notification: 204 when recorded (or already recorded), 4xx {code:'FAIL'} otherwise. */
  @Public()
  @RateLimit('none')
  @Post('payments/notify')
  async paymentNotify(@Req() req: AppRequest, @Res() res: Response) {
    await answer(res, () => this.notify.payment(req.headers, req.rawBody));
  }

  @Public()
  @RateLimit('none')
  @Post('payments/refund-notify')
  async refundNotify(@Req() req: AppRequest, @Res() res: Response) {
    await answer(res, () => this.notify.refund(req.headers, req.rawBody));
  }
}

/** WeChat's answer format; a failure makes WeChat retry, which is right for anything but forged input. */
async function answer(res: Response, work: () => Promise<unknown>) {
  try {
    await work();
    res.status(204).end();
  } catch (e) {
    if (!(e instanceof AppError)) new Logger('PayNotify').error(`notification failed: ${(e as Error).message}`);
    const status = e instanceof AppError ? e.status : 500;
    res.status(status).json({ code: 'FAIL', message: e instanceof AppError ? e.message : '处理失败' });
  }
}
