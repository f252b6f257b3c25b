import { Logger } from '@nestjs/common';
import { checkWechatpaySignature } from './wechatpay-crypto.js';

/**
 * What a v3 call answered: the library's shape ({status, data} or {status, error}); it never throws.
 * Defined beside the HTTP layer that produces it, so the gateway imports it and not the other way round.
 */
export interface PayResult<T = Record<string, any>> {
  status: number;
  data?: T;
  error?: unknown;
}

export const WECHAT_PAY_HOST = 'https://api.mch.weixin.qq.com';

/** File downloads are the one answer WeChat Pay does not sign; the bill's hash (from a signed answer) covers them. */
const UNSIGNED = /^\/v3\/billdownload\/file$/;

/** What an answer whose signature did not verify becomes: never a success, never a business error code to act on. */
export const UNVERIFIED: PayResult = { status: 502, error: { code: 'RESPONSE_NOT_VERIFIED', message: 'WeChat Pay response signature not verified' } };

/**
 * The HTTP layer under wechatpay-node-v3. The library signs `https://api.mch.weixin.qq.com/…` paths;
 * we send the same request to the configured base (WeChat, or the fake) with a timeout, and accept
 * an answer only when WeChat Pay's signature on it verifies (Wechatpay-Signature over
 * `timestamp\nnonce\nbody\n` with a configured platform key, fresh timestamp) — the same check as
 * for notifications. An unsigned or forged answer, 2xx or not, comes back as UNVERIFIED, so a
 * man in the middle can neither fake a payment nor make us close, fail or refund anything.
 */
export class PayHttp {
  private readonly logger = new Logger('PayHttp');

  constructor(
    private readonly base: string,
    private readonly platformKeys: ReadonlyMap<string, string>,
  ) {}

  post(url: string, params: Record<string, any>, headers: Record<string, any>) {
    return this.send('POST', url, headers, JSON.stringify(params));
  }

  get(url: string, headers: Record<string, any>) {
    return this.send('GET', url, headers);
  }

  upload(): Promise<PayResult> {
    return Promise.resolve({ status: 501, error: 'not supported' });
  }

  private async send(method: string, url: string, headers: Record<string, any>, body?: string): Promise<PayResult> {
    const target = url.startsWith(WECHAT_PAY_HOST) ? this.base + url.slice(WECHAT_PAY_HOST.length) : url;
    try {
      const res = await fetch(target, { method, headers: { ...headers, 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(8000) });
      const raw = Buffer.from(await res.arrayBuffer());
      const path = new URL(target).pathname;
      if (!UNSIGNED.test(path)) {
        const h = (k: string) => res.headers.get(k) ?? '';
        const check = checkWechatpaySignature({ timestamp: h('wechatpay-timestamp'), nonce: h('wechatpay-nonce'), signature: h('wechatpay-signature'), serial: h('wechatpay-serial') }, raw, this.platformKeys);
        if (check !== 'ok') {
          this.logger.warn(`refused ${method} ${path} answer (${res.status}): signature ${check}`);
          return UNVERIFIED;
        }
      }
      const text = raw.toString('utf8');
      const isJson = (res.headers.get('content-type') ?? '').includes('json');
      const data = isJson && text ? JSON.parse(text) : text;
      return res.ok ? { status: res.status, data } : { status: res.status, error: data };
    } catch (e) {
      return { status: 0, error: (e as Error).message };
    }
  }
}
