import { randomBytes } from 'node:crypto';

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export interface FakeOrder {
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  total: number;
  openid: string;
  notifyUrl: string;
  timeExpire: string | null;
  state: TradeState;
  transactionId: string | null;
  successTime: string | null;
  prepayIds: string[];
  /** The parameters of the first request: re-sending the same ones gives a fresh prepay_id, others are refused. */
  fingerprint: string;
}

export interface FakeRefund {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  amount: number;
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  notifyUrl: string | null;
  createTime: string;
  successTime: string | null;
}

export class FakePayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
const iso = (d = new Date()) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** Orders and refunds of one fake merchant, with WeChat Pay's rules (amount fixed per out_trade_no, ≤ 50 refunds, …). */
export class FakePayState {
  readonly orders = new Map<string, FakeOrder>();
  readonly refunds = new Map<string, FakeRefund>();

  constructor(
    readonly appid: string,
    readonly mchid: string,
  ) {}

  createJsapi(b: Record<string, any>): { prepay_id: string } {
    const need = (ok: unknown, what: string) => {
      if (!ok) throw new FakePayError(400, 'PARAM_ERROR', `${what} 参数错误`);
    };
    need(b.appid === this.appid, 'appid');
    need(b.mchid === this.mchid, 'mchid');
    need(typeof b.out_trade_no === 'string' && /^[0-9A-Za-z_\-|*]{6,32}$/.test(b.out_trade_no), 'out_trade_no');
    need(typeof b.description === 'string' && b.description.length > 0 && b.description.length <= 127, 'description');
    need(typeof b.notify_url === 'string' && /^https?:\/\/[^?]+$/.test(b.notify_url), 'notify_url');
    need(Number.isSafeInteger(b.amount?.total) && b.amount.total > 0, 'amount.total');
    need(typeof b.payer?.openid === 'string' && b.payer.openid.length > 0, 'payer.openid');
    const fingerprint = JSON.stringify([b.description, b.amount.total, b.payer.openid]);
    const existing = this.orders.get(b.out_trade_no);
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') throw new FakePayError(400, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') throw new FakePayError(400, 'ORDERCLOSED', '该订单已关闭');
      if (existing.fingerprint !== fingerprint) throw new FakePayError(400, 'INVALID_REQUEST', '201 商户订单号重复');
    }
    const prepayId = `wx${Date.now()}${digits(10)}`;
    const order: FakeOrder = existing ?? {
      appid: b.appid,
      mchid: b.mchid,
      outTradeNo: b.out_trade_no,
      description: b.description,
      total: b.amount.total,
      openid: b.payer.openid,
      notifyUrl: b.notify_url,
      timeExpire: b.time_expire ?? null,
      state: 'NOTPAY',
      transactionId: null,
      successTime: null,
      prepayIds: [],
      fingerprint,
    };
    order.prepayIds.push(prepayId);
    this.orders.set(order.outTradeNo, order);
    return { prepay_id: prepayId };
  }

  order(outTradeNo: string, mchid?: string | null): FakeOrder {
    const o = this.orders.get(outTradeNo);
    if (!o || (mchid && mchid !== this.mchid)) throw new FakePayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return o;
  }

  /** What the payer's tap on 确认支付 does. Paying a paid order changes nothing. */
  pay(outTradeNo: string): FakeOrder {
    const o = this.order(outTradeNo);
    if (o.state === 'CLOSED') throw new FakePayError(400, 'ORDERCLOSED', '订单已关闭');
    if (o.timeExpire && Date.parse(o.timeExpire) < Date.now() && o.state === 'NOTPAY') throw new FakePayError(400, 'ORDER_EXPIRED', '订单已过期');
    if (o.state === 'NOTPAY') {
      o.state = 'SUCCESS';
      o.transactionId = `4200${digits(24)}`;
      o.successTime = iso();
    }
    return o;
  }

  close(outTradeNo: string): void {
    const o = this.order(outTradeNo);
    if (o.state === 'SUCCESS' || o.state === 'REFUND') throw new FakePayError(400, 'ORDERPAID', '订单已支付，不能关闭');
    o.state = 'CLOSED';
  }

  transactionView(o: FakeOrder): Record<string, unknown> {
    return {
      appid: o.appid,
      mchid: o.mchid,
      out_trade_no: o.outTradeNo,
      transaction_id: o.transactionId ?? undefined,
      trade_type: 'JSAPI',
      trade_state: o.state,
      trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[o.state],
      bank_type: o.transactionId ? 'OTHERS' : undefined,
      success_time: o.successTime ?? undefined,
      payer: { openid: o.openid },
      amount: { total: o.total, payer_total: o.state === 'NOTPAY' ? undefined : o.total, currency: 'CNY', payer_currency: 'CNY' },
    };
  }

  refund(b: Record<string, any>): FakeRefund {
    const existing = typeof b.out_refund_no === 'string' ? this.refunds.get(b.out_refund_no) : undefined;
    if (existing) return existing; // the same out_refund_no refunds once
    if (typeof b.out_refund_no !== 'string' || !/^[0-9A-Za-z_\-|*@]{1,64}$/.test(b.out_refund_no)) throw new FakePayError(400, 'PARAM_ERROR', 'out_refund_no 参数错误');
    const o = this.order(String(b.out_trade_no ?? ''));
    if (o.state !== 'SUCCESS' && o.state !== 'REFUND') throw new FakePayError(403, 'INVALID_REQUEST', '订单未支付');
    const amount = b.amount?.refund;
    if (!Number.isSafeInteger(amount) || amount <= 0 || b.amount?.total !== o.total) throw new FakePayError(400, 'PARAM_ERROR', 'amount 参数错误');
    const mine = [...this.refunds.values()].filter((r) => r.outTradeNo === o.outTradeNo && r.status !== 'CLOSED');
    if (mine.length >= 50) throw new FakePayError(403, 'INVALID_REQUEST', '退款次数超过限制');
    if (mine.reduce((s, r) => s + r.amount, 0) + amount > o.total) throw new FakePayError(403, 'NOT_ENOUGH', '退款金额超过可退金额');
    const r: FakeRefund = {
      outRefundNo: b.out_refund_no,
      outTradeNo: o.outTradeNo,
      refundId: `5030${digits(24)}`,
      amount,
      status: 'PROCESSING',
      notifyUrl: typeof b.notify_url === 'string' ? b.notify_url : null,
      createTime: iso(),
      successTime: null,
    };
    this.refunds.set(r.outRefundNo, r);
    o.state = 'REFUND';
    return r;
  }

  refundFound(outRefundNo: string): FakeRefund {
    const r = this.refunds.get(outRefundNo);
    if (!r) throw new FakePayError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return r;
  }

  refundView(r: FakeRefund): Record<string, unknown> {
    const o = this.orders.get(r.outTradeNo)!;
    return {
      refund_id: r.refundId,
      out_refund_no: r.outRefundNo,
      transaction_id: o.transactionId,
      out_trade_no: r.outTradeNo,
      channel: 'ORIGINAL',
      status: r.status,
      create_time: r.createTime,
      success_time: r.successTime ?? undefined,
      amount: { total: o.total, refund: r.amount, payer_total: o.total, payer_refund: r.amount, currency: 'CNY' },
    };
  }

  /** The trade bill of a Beijing date, in WeChat's CSV layout (every field prefixed with a backtick). */
  tradeBill(date: string): string {
    const header = '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
    const rows: string[] = [];
    for (const o of this.orders.values()) {
      if (!o.successTime || beijingDate(o.successTime) !== date) continue;
      const yuan = (o.total / 100).toFixed(2);
      const fields = [o.successTime, o.appid, o.mchid, '0', '', o.transactionId, o.outTradeNo, o.openid, 'JSAPI', 'SUCCESS', 'OTHERS', 'CNY', yuan, '0.00', '0', '0', '0.00', '0.00', '', '', o.description, '', '0.00000', '0.60%', yuan, '0.00', ''];
      rows.push(fields.map((f) => '`' + f).join(','));
    }
    return [header, ...rows, '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额', `\`${rows.length},\`0.00,\`0.00,\`0.00,\`0.00000,\`0.00,\`0.00`].join('\r\n') + '\r\n';
  }
}

export function beijingDate(isoTime: string): string {
  return new Date(Date.parse(isoTime) + 8 * 3_600_000).toISOString().slice(0, 10);
}
