import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { notificationMessage, randomAlnum, signSha256Rsa, verifySha256Rsa } from '../../payments/wechatpay-crypto.js';
import type { DemoPayKeys } from './fake-pay-keys.js';
import { FakePayNotifier, type NotifyBehaviour, type SignedNotification, type Tamper } from './fake-pay-notifier.js';
import { FakePayError, FakePayState, type FakeOrder } from './fake-pay-state.js';

export { TAMPERS, type Tamper, type NotifyBehaviour } from './fake-pay-notifier.js';

/** Ways the fake can spoil its API answers, each one a man-in-the-middle the server must refuse. */
export const RESPONSE_TAMPERS = ['unsigned', 'signature', 'serial', 'stale', 'body'] as const;
export type ResponseTamper = (typeof RESPONSE_TAMPERS)[number];
export interface ResponseForgery {
  tamper: ResponseTamper;
  /** Rewrites the body after signing (what the forger wants us to believe); 'body' alone appends a space. */
  rewrite?: (body: string) => string;
}

/** A running fake of api.mch.weixin.qq.com (v3) on loopback, for tests and the demo. */
export interface FakeWechatPay {
  readonly url: string;
  readonly keys: DemoPayKeys;
  readonly state: FakePayState;
  readonly notifier: FakePayNotifier;
  /** What the payer's 确认支付 does: the order becomes SUCCESS and its notification is sent. */
  pay(outTradeNo: string): FakeOrder;
  setBehaviour(b: Partial<NotifyBehaviour>): void;
  /** A signed (or spoiled) TRANSACTION.SUCCESS notification for an order, to post by hand. */
  paymentNotification(outTradeNo: string, tamper?: Tamper | null, mode?: NotifyBehaviour['mode']): SignedNotification;
  /** Requests that failed the merchant signature check. */
  rejectedRequests(): number;
  /** Spoils every API answer from now on (null: sign them properly again). */
  forgeResponses(f: ResponseForgery | null): void;
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;

export async function startFakeWechatPay(keys: DemoPayKeys, opts: { port?: number; host?: string } = {}): Promise<FakeWechatPay> {
  const state = new FakePayState(keys.appid, keys.mchid);
  const notifier = new FakePayNotifier(keys);
  const billTokens = new Map<string, string>();
  let rejected = 0;
  let forgery: ResponseForgery | null = null;

  const paymentResource = (o: FakeOrder) => state.transactionView(o);
  const notifyPayment = (o: FakeOrder) => notifier.dispatch(o.notifyUrl, 'TRANSACTION.SUCCESS', 'transaction', paymentResource(o), o.outTradeNo);
  const pay = (no: string) => {
    const before = state.order(no).state;
    const o = state.pay(no);
    if (before === 'NOTPAY') notifyPayment(o);
    return o;
  };
  const finishRefund = (outRefundNo: string) => {
    const r = state.refunds.get(outRefundNo);
    if (!r || r.status !== 'PROCESSING') return;
    r.status = 'SUCCESS';
    r.successTime = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const view = { ...state.refundView(r), mchid: keys.mchid, refund_status: 'SUCCESS', user_received_account: '支付用户零钱' };
    if (r.notifyUrl) notifier.dispatch(r.notifyUrl, 'REFUND.SUCCESS', 'refund', view, outRefundNo);
  };

  type Route = (m: RegExpMatchArray, q: URLSearchParams, body: Record<string, any>) => { status: number; body?: unknown; text?: string };
  const api: [string, RegExp, Route][] = [
    ['POST', /^\/v3\/pay\/transactions\/jsapi$/, (_m, _q, b) => ({ status: 200, body: state.createJsapi(b) })],
    ['GET', /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/, (m, q) => ({ status: 200, body: state.transactionView(state.order(decodeURIComponent(m[1]), q.get('mchid'))) })],
    ['POST', /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/, (m) => (state.close(decodeURIComponent(m[1])), { status: 204 })],
    ['POST', /^\/v3\/refund\/domestic\/refunds$/, (_m, _q, b) => {
      const r = state.refund(b);
      setTimeout(() => finishRefund(r.outRefundNo), 20).unref();
      return { status: 200, body: state.refundView(r) };
    }],
    ['GET', /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/, (m) => ({ status: 200, body: state.refundView(state.refundFound(decodeURIComponent(m[1]))) })],
    ['GET', /^\/v3\/bill\/tradebill$/, (_m, q) => {
      const date = q.get('bill_date') ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new FakePayError(400, 'PARAM_ERROR', 'bill_date 参数错误');
      const token = randomBytes(12).toString('hex');
      const csv = state.tradeBill(date);
      billTokens.set(token, csv);
      return { status: 200, body: { hash_type: 'SHA1', hash_value: createHash('sha1').update(csv, 'utf8').digest('hex'), download_url: `https://api.mch.weixin.qq.com/v3/billdownload/file?token=${token}` } };
    }],
    ['GET', /^\/v3\/billdownload\/file$/, (_m, q) => {
      const text = billTokens.get(q.get('token') ?? '');
      if (text === undefined) throw new FakePayError(404, 'RESOURCE_NOT_EXISTS', '账单不存在');
      return { status: 200, text };
    }],
  ];

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof FakePayError) return answer(res, e.status, 'application/json', JSON.stringify({ code: e.code, message: e.message }));
      answer(res, 500, 'application/json', JSON.stringify({ code: 'SYSTEM_ERROR', message: String((e as Error).message) }));
    });
  });

  /**
   * Like WeChat Pay, signs every answer to a correctly signed API request (errors too) with the
   * platform key of the notifier's mode: Wechatpay-Signature over `timestamp\nnonce\nbody\n`.
   * File downloads go unsigned, as at WeChat.
   */
  function answer(res: ServerResponse, status: number, contentType: string | null, body: string, signed = true) {
    const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    let out = body;
    if (signed) {
      const key = notifier.behaviour.mode === 'public_key' ? keys.platformPublicKey : keys.platformCert;
      const f = forgery?.tamper ?? null;
      const timestamp = String(Math.floor(Date.now() / 1000) - (f === 'stale' ? 600 : 0));
      const nonce = randomAlnum(32);
      const signature = f === 'signature' ? randomBytes(256).toString('base64') : signSha256Rsa(notificationMessage(timestamp, nonce, body), key.privateKeyPem);
      if (f !== 'unsigned') {
        Object.assign(headers, { 'wechatpay-timestamp': timestamp, 'wechatpay-nonce': nonce, 'wechatpay-signature': signature, 'wechatpay-serial': f === 'serial' ? 'PUB_KEY_ID_0199999999999999' : key.serial });
      }
      if (forgery) out = forgery.rewrite ? forgery.rewrite(body) : f === 'body' ? `${body} ` : body;
    }
    res.writeHead(status, headers).end(out);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/control/')) return control(url, raw, res);
    const route = api.find(([method, re]) => method === req.method && re.test(url.pathname));
    if (!route) return json(res, 404, { code: 'NOT_FOUND', message: '接口不存在' });
    if (!authorized(req, url, raw)) {
      rejected++;
      return json(res, 401, { code: 'SIGN_ERROR', message: '签名错误' }); // unsigned: WeChat signs only answers to signed requests
    }
    const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, any>) : {};
    const out = route[2](url.pathname.match(route[1])!, url.searchParams, body);
    if (out.text !== undefined) answer(res, out.status, 'text/plain; charset=utf-8', out.text, false);
    else if (out.body === undefined) answer(res, out.status, null, '');
    else answer(res, out.status, 'application/json', JSON.stringify(out.body));
  }

  /** WECHATPAY2-SHA256-RSA2048 with the merchant key over method, path+query, timestamp, nonce, body. */
  function authorized(req: IncomingMessage, url: URL, raw: Buffer): boolean {
    const h = req.headers.authorization ?? '';
    if (!h.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return false;
    const f = Object.fromEntries([...h.slice(26).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (f.mchid !== keys.mchid || f.serial_no !== keys.merchant.serial) return false;
    if (!/^\d+$/.test(f.timestamp ?? '') || Math.abs(Date.now() / 1000 - Number(f.timestamp)) > 300) return false;
    const message = `${req.method}\n${url.pathname}${url.search}\n${f.timestamp}\n${f.nonce_str}\n${raw.toString('utf8')}\n`;
    return verifySha256Rsa(message, f.signature ?? '', keys.merchant.publicKeyPem);
  }

  function control(url: URL, raw: Buffer, res: ServerResponse) {
    const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, any>) : {};
    switch (url.pathname) {
      case '/control/pay':
        return json(res, 200, state.transactionView(pay(String(body.outTradeNo ?? ''))));
      case '/control/behaviour':
        Object.assign(notifier.behaviour, body);
        return json(res, 200, notifier.behaviour);
      case '/control/flush':
        return json(res, 200, { released: notifier.flush() });
      default:
        return json(res, 404, { code: 'NOT_FOUND', message: 'unknown control' });
    }
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    keys,
    state,
    notifier,
    pay,
    setBehaviour: (b) => Object.assign(notifier.behaviour, b),
    paymentNotification: (no, tamper = null, mode) => notifier.build('TRANSACTION.SUCCESS', 'transaction', paymentResource(state.order(no)), tamper, mode),
    rejectedRequests: () => rejected,
    forgeResponses: (f) => {
      forgery = f;
    },
    close: async () => {
      await notifier.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
