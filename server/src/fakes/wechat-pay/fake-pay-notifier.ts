import { randomBytes } from 'node:crypto';
import { encryptResource, notificationMessage, randomAlnum, signSha256Rsa } from '../../payments/wechatpay-crypto.js';
import type { DemoPayKeys } from './fake-pay-keys.js';

/** Ways the fake can spoil a notification, each one an attack the server must refuse. */
export const TAMPERS = ['body', 'ciphertext', 'signature', 'serial', 'stale', 'amount', 'mchid', 'appid'] as const;
export type Tamper = (typeof TAMPERS)[number];

export interface NotifyBehaviour {
  /** Extra copies sent concurrently with each notification. */
  duplicate: number;
  /** Wait before the first attempt. */
  delayMs: number;
  /** Never send (a lost notification: the server must find out by querying). */
  drop: boolean;
  /** Hold notifications until `flush()`, then send them newest first. */
  reorder: boolean;
  tamper: Tamper | null;
  /** Sign as a platform certificate (hex serial) or with the WeChat Pay public key (PUB_KEY_ID_…). */
  mode: 'certificate' | 'public_key';
  /** WeChat retries after 15 s, 15 s, 30 s, 3 m, … (24 h); here each second of that schedule lasts this many ms (0.01: the day in under a second). */
  retryUnitMs: number;
}

export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
}

export interface DeliveryRecord {
  url: string;
  eventType: string;
  key: string;
  attempt: number;
  status: number;
}

/** WeChat's retry schedule in seconds, about 24 h in all. */
const RETRY_SECONDS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600];

export class FakePayNotifier {
  readonly behaviour: NotifyBehaviour = { duplicate: 0, delayMs: 0, drop: false, reorder: false, tamper: null, mode: 'certificate', retryUnitMs: 0.01 };
  readonly deliveries: DeliveryRecord[] = [];
  private held: (() => void)[] = [];
  private inflight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly keys: DemoPayKeys) {}

  /** A notification exactly as WeChat Pay would send it, optionally spoiled. Tests post these directly too. */
  build(eventType: string, originalType: 'transaction' | 'refund', resource: Record<string, unknown>, tamper: Tamper | null = null, mode = this.behaviour.mode): SignedNotification {
    const payload = { ...resource };
    if (tamper === 'amount') payload.amount = { ...(payload.amount as object), total: Number((payload.amount as { total: number }).total) + 1 };
    if (tamper === 'mchid') payload.mchid = '1999999999';
    if (tamper === 'appid') payload.appid = 'wxforged000000000';
    const enc = encryptResource(JSON.stringify(payload), this.keys.apiV3Key, originalType, originalType);
    if (tamper === 'ciphertext') {
      const bytes = Buffer.from(enc.ciphertext, 'base64');
      bytes[Math.floor(bytes.length / 3)] ^= 0x01;
      enc.ciphertext = bytes.toString('base64');
    }
    const body = JSON.stringify({
      id: crypto.randomUUID(),
      create_time: new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: eventType.startsWith('REFUND') ? '退款成功' : '支付成功',
      resource: enc,
    });
    const key = mode === 'public_key' ? this.keys.platformPublicKey : this.keys.platformCert;
    const timestamp = String(Math.floor(Date.now() / 1000) - (tamper === 'stale' ? 600 : 0));
    const nonce = randomAlnum(32);
    let signature = signSha256Rsa(notificationMessage(timestamp, nonce, body), key.privateKeyPem);
    if (tamper === 'signature') signature = randomBytes(256).toString('base64');
    return {
      headers: {
        'content-type': 'application/json',
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': nonce,
        'wechatpay-signature': signature,
        'wechatpay-serial': tamper === 'serial' ? 'PUB_KEY_ID_0199999999999999' : key.serial,
        'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
      },
      // Changed after signing: the signature no longer covers it.
      body: tamper === 'body' ? body.replace('"event_type":"', '"event_type":"X') : body,
    };
  }

  /** Sends per the behaviour: delayed, duplicated, held for reordering, or dropped. */
  dispatch(url: string, eventType: string, originalType: 'transaction' | 'refund', resource: Record<string, unknown>, key: string): void {
    const b = this.behaviour;
    if (b.drop || this.closed) return;
    const go = () => {
      for (let i = 0; i <= b.duplicate; i++) this.track(this.deliver(url, this.build(eventType, originalType, resource, b.tamper), eventType, key, b.delayMs));
    };
    if (b.reorder) this.held.push(go);
    else go();
  }

  /** Releases held notifications, newest first. */
  flush(): number {
    const held = this.held.reverse();
    this.held = [];
    for (const go of held) go();
    return held.length;
  }

  /** Resolves when every notification sent so far has been answered or given up on. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.held = [];
    await this.idle();
  }

  private track(p: Promise<void>) {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }

  private async deliver(url: string, n: SignedNotification, eventType: string, key: string, delayMs: number): Promise<void> {
    if (delayMs) await sleep(delayMs);
    for (let attempt = 0; attempt <= RETRY_SECONDS.length && !this.closed; attempt++) {
      let status = 0;
      try {
        const res = await fetch(url, { method: 'POST', headers: n.headers, body: n.body, signal: AbortSignal.timeout(5000) });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = 0;
      }
      this.deliveries.push({ url, eventType, key, attempt, status });
      if (status >= 200 && status < 300) return;
      if (attempt < RETRY_SECONDS.length) await sleep(RETRY_SECONDS[attempt] * this.behaviour.retryUnitMs);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
