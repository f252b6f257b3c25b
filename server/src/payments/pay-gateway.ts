import { readFileSync } from 'node:fs';
import { createHash, X509Certificate } from 'node:crypto';
import WxPay from 'wechatpay-node-v3';
import type { AppConfig } from '../config/config.js';
import { DEMO_SECRETS } from '../config/config.js';
import { generateDemoPayKeys } from '../fakes/wechat-pay/fake-pay-keys.js';
import { startFakeWechatPay, type FakeWechatPay } from '../fakes/wechat-pay/fake-pay-server.js';
import { PayHttp, type PayResult } from './pay-http.js';

export interface PaySettings {
  appid: string;
  mchid: string;
  apiV3Key: string;
  /** Serial → platform public key (PEM): certificate serials and PUB_KEY_ID_… alike. */
  platformKeys: Map<string, string>;
  apiBase: string;
  /** null in demo mode: derived from the listening address on first use. */
  notifyUrl: string | null;
}

const NOT_CONFIGURED: PayResult = { status: 503, error: { code: 'NOT_CONFIGURED', message: 'WeChat Pay is not configured' } };

const pem = (v: string) => (v.includes('-----BEGIN') ? v : readFileSync(v, 'utf8'));

/**
 * The one client for WeChat Pay v3 (wechatpay-node-v3 for request signing and the JSAPI pay params),
 * with its HTTP layer replaced so the host comes from configuration (the fake in demo and tests) and
 * every call has a timeout. In demo mode it also generates the keys and starts the fake on loopback.
 */
export class PayGateway {
  private constructor(
    readonly settings: PaySettings,
    /** null when WeChat Pay is not configured (a non-demo, non-production run): every call answers 503. */
    private readonly wx: WxPay | null,
    readonly fake: FakeWechatPay | null,
  ) {}

  static async create(config: AppConfig): Promise<PayGateway> {
    if (!config.WECHATPAY_API_BASE && config.demoMode) {
      const keys = await generateDemoPayKeys(config.WECHAT_APPID, config.WECHATPAY_MCHID ?? DEMO_SECRETS.wechatpayMchid);
      const fake = await startFakeWechatPay(keys, { port: config.FAKE_WECHATPAY_PORT });
      const settings: PaySettings = {
        appid: keys.appid,
        mchid: keys.mchid,
        apiV3Key: keys.apiV3Key,
        platformKeys: new Map([
          [keys.platformCert.serial, keys.platformCert.publicKeyPem],
          [keys.platformPublicKey.serial, keys.platformPublicKey.publicKeyPem],
        ]),
        apiBase: fake.url,
        notifyUrl: config.PAY_NOTIFY_URL ?? null,
      };
      return new PayGateway(settings, client(settings, keys.merchant.serial, keys.merchant.publicKeyPem, keys.merchant.privateKeyPem), fake);
    }
    if (!config.WECHATPAY_MCHID && config.NODE_ENV !== 'production') {
      return new PayGateway({ appid: config.WECHAT_APPID, mchid: '', apiV3Key: '', platformKeys: new Map(), apiBase: '', notifyUrl: null }, null, null);
    }
    const need = (k: keyof AppConfig) => {
      const v = config[k];
      if (typeof v !== 'string' || !v) throw new Error(`Configuration error: ${String(k)} is required for WeChat Pay`);
      return v;
    };
    const platformKeys = new Map<string, string>();
    if (config.WECHATPAY_PLATFORM_CERTS) {
      for (const cert of pem(config.WECHATPAY_PLATFORM_CERTS).match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []) {
        const x = new X509Certificate(cert);
        platformKeys.set(x.serialNumber.toUpperCase(), x.publicKey.export({ type: 'spki', format: 'pem' }).toString());
      }
    }
    if (config.WECHATPAY_PUBLIC_KEY && config.WECHATPAY_PUBLIC_KEY_ID) platformKeys.set(config.WECHATPAY_PUBLIC_KEY_ID, pem(config.WECHATPAY_PUBLIC_KEY));
    const base = need('WECHATPAY_API_BASE').replace(/\/$/, '');
    const settings: PaySettings = { appid: config.WECHAT_APPID, mchid: need('WECHATPAY_MCHID'), apiV3Key: need('WECHATPAY_APIV3_KEY'), platformKeys, apiBase: base, notifyUrl: config.PAY_NOTIFY_URL ?? null };
    const wx = client(settings, need('WECHATPAY_SERIAL_NO'), pem(need('WECHATPAY_CERT')), pem(need('WECHATPAY_PRIVATE_KEY')));
    return new PayGateway(settings, wx, null);
  }

  /** Returns the wx.requestPayment parameters (appId, timeStamp, nonceStr, package, signType, paySign). */
  jsapi(p: { outTradeNo: string; description: string; totalFen: number; openid: string; expiresAt: Date; notifyUrl: string }): Promise<PayResult> {
    if (!this.wx) return Promise.resolve(NOT_CONFIGURED);
    return this.wx.transactions_jsapi({
      description: p.description,
      out_trade_no: p.outTradeNo,
      notify_url: p.notifyUrl,
      time_expire: rfc3339China(p.expiresAt),
      amount: { total: p.totalFen, currency: 'CNY' },
      payer: { openid: p.openid },
    } as never);
  }

  query(outTradeNo: string): Promise<PayResult> {
    return this.wx ? this.wx.query({ out_trade_no: outTradeNo }) : Promise.resolve(NOT_CONFIGURED);
  }

  close(outTradeNo: string): Promise<PayResult> {
    return this.wx ? this.wx.close(outTradeNo) : Promise.resolve(NOT_CONFIGURED);
  }

  refund(p: { outTradeNo: string; outRefundNo: string; reason: string; refundFen: number; totalFen: number; notifyUrl: string }): Promise<PayResult> {
    if (!this.wx) return Promise.resolve(NOT_CONFIGURED);
    return this.wx.refunds({
      out_trade_no: p.outTradeNo,
      out_refund_no: p.outRefundNo,
      reason: p.reason,
      notify_url: p.notifyUrl,
      amount: { refund: p.refundFen, total: p.totalFen, currency: 'CNY' },
    } as never);
  }

  findRefund(outRefundNo: string): Promise<PayResult> {
    return this.wx ? this.wx.find_refunds(outRefundNo) : Promise.resolve(NOT_CONFIGURED);
  }

  /**
   * The trade bill CSV of a Beijing date: '' when WeChat says there is none (no trade that day), null
   * when it cannot be had now (not generated yet, unavailable, or the file fails the SHA1 from the
   * signed answer — the download itself is the one answer WeChat Pay does not sign).
   */
  async tradeBill(date: string): Promise<string | null> {
    if (!this.wx) return null;
    const r = await this.wx.tradebill({ bill_date: date, bill_type: 'ALL' } as never);
    if (r.status === 400 && (r.error as { code?: string } | undefined)?.code === 'NO_STATEMENT_EXIST') return '';
    if (r.status !== 200 || !r.data?.download_url) return null;
    const file = await this.wx.downloadBill(r.data.download_url);
    if (file.status !== 200 || typeof file.data !== 'string') return null;
    const sha1 = createHash('sha1').update(file.data, 'utf8').digest('hex');
    return r.data.hash_type === 'SHA1' && sha1 === String(r.data.hash_value).toLowerCase() ? file.data : null;
  }

  async shutdown(): Promise<void> {
    await this.fake?.close();
  }
}

function client(s: PaySettings, serial: string, certPem: string, keyPem: string): WxPay {
  const wx = new WxPay({ appid: s.appid, mchid: s.mchid, serial_no: serial, publicKey: Buffer.from(certPem), privateKey: Buffer.from(keyPem), key: s.apiV3Key });
  wx.createHttp(new PayHttp(s.apiBase, s.platformKeys));
  return wx;
}

/** time_expire in RFC 3339 with the +08:00 offset WeChat Pay expects. */
export function rfc3339China(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return d.toISOString().replace(/\.\d{3}Z$/, '+08:00');
}
