import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { formatYuan } from '@honglin/shared';
import { AppError } from '../common/app-error.js';
import { Public, RateLimit } from '../common/decorators.js';
import { IdPipe } from '../common/validation.js';
import { PayGateway } from './pay-gateway.js';
import { PaymentsRepository } from './payments.repository.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Demo only (404 otherwise): the 模拟支付 page of the fake WeChat Pay, served on our origin so the h5
 * build can open it. 确认支付 pays at the fake, which then sends its signed notification to our
 * notify endpoint like WeChat would; the page returns to the app, which polls the order.
 */
@ApiExcludeController()
@Controller('payments/demo-pay')
export class DemoPayController {
  constructor(
    @Inject(PayGateway) private readonly gateway: PayGateway,
    private readonly repo: PaymentsRepository,
  ) {}

  @Public()
  @Get(':id')
  async page(@Param('id', IdPipe) id: string, @Res() res: Response) {
    const order = await this.orderOnFake(id);
    const total = formatYuan(order.totalFen);
    res.type('html').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>模拟支付</title><style>body{font-family:sans-serif;margin:0;background:#f5f5f5;color:#1a1a1a}main{max-width:420px;margin:0 auto;padding:32px 20px;text-align:center}
.amt{font-size:40px;font-weight:700;margin:16px 0}.note{color:#595959;font-size:15px}button{width:100%;height:52px;border:0;border-radius:8px;background:#07c160;color:#fff;font-size:18px;margin-top:32px}</style></head>
<body><main><p class="note">微信支付（演示环境，不会真实扣款）</p><h1>红邻 · 党费</h1><div class="amt">¥${esc(total)}</div>
<p class="note">订单 ${esc(order.outTradeNo.slice(0, 8))}…</p>
<form method="post" action="/api/payments/demo-pay/${esc(id)}/confirm"><button type="submit" id="confirm-pay">确认支付</button></form></main></body></html>`);
  }

  @Public()
  @RateLimit('write')
  @Post(':id/confirm')
  async confirm(@Param('id', IdPipe) id: string, @Res() res: Response) {
    const order = await this.orderOnFake(id);
    try {
      this.gateway.fake!.pay(order.outTradeNo);
    } catch {
      throw new AppError('CONFLICT');
    }
    res.redirect(303, `/#/packages/dues/pages/result/index?orderId=${id}`);
  }

  private async orderOnFake(id: string) {
    if (!this.gateway.fake) throw new AppError('PAY_DEMO_ONLY');
    const order = await this.repo.order(id);
    if (!order) throw AppError.notFound();
    return order;
  }
}
