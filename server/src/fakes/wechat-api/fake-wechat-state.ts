import { randomBytes } from 'node:crypto';
import { OK, wxError, type WechatErrorBody } from './fake-wechat-errors.js';

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;
/** WeChat keeps a replaced token valid for 5 more minutes, and renews the stable token 5 minutes early. */
const OLD_TOKEN_GRACE_MS = 5 * 60_000;

export interface FakeWechatOptions {
  appid: string;
  secret: string;
  /** Subscription templates this app owns; any other template_id answers 40037. */
  templateIds?: string[];
  /** Users who have already opened the app (sends to other openids answer 40003). */
  openids?: string[];
  riskyWords?: string[];
  reviewWords?: string[];
  loginRateLimitPerMinute?: number;
  /** Clock in ms; tests move it to expire codes and tokens. */
  now?: () => number;
}

export interface SentMessage {
  openid: string;
  templateId: string;
  page: string | null;
  data: Record<string, { value: string }>;
  sentAt: Date;
}

interface OneTimeCode<T> {
  value: T;
  expiresAt: number;
  used: boolean;
}

type Body = Record<string, unknown>;
type Query = URLSearchParams;

const newCode = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Everything the fake WeChat remembers, and the protocol rules, without any HTTP. */
export class FakeWechatState {
  private readonly loginCodes = new Map<string, OneTimeCode<{ openid: string; unionid: string | null }>>();
  private readonly phoneCodes = new Map<string, OneTimeCode<string>>();
  private readonly knownOpenids: Set<string>;
  private readonly blocked = new Set<string>();
  private readonly loginAttempts = new Map<string, number[]>();
  private readonly tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  private stableToken: string | null = null;
  private readonly templates: Set<string>;
  private readonly messages: SentMessage[] = [];
  private failNext = { count: 0, errcode: 0 };
  private phoneQuotaExhausted = false;
  tokenFetches = 0;
  riskyWords: string[];
  reviewWords: string[];
  private readonly now: () => number;
  private readonly loginLimit: number;

  constructor(private readonly options: FakeWechatOptions) {
    this.now = options.now ?? Date.now;
    this.loginLimit = options.loginRateLimitPerMinute ?? 100;
    this.knownOpenids = new Set(options.openids ?? []);
    this.templates = new Set(options.templateIds ?? []);
    this.riskyWords = options.riskyWords ?? ['赌博', '诈骗'];
    this.reviewWords = options.reviewWords ?? [];
  }

  // ---- control operations (tests and demo) ----

  issueLoginCode(openid: string, unionid: string | null = null): string {
    const code = newCode(24);
    this.loginCodes.set(code, { value: { openid, unionid }, expiresAt: this.now() + CODE_TTL_MS, used: false });
    return code;
  }
  issuePhoneCode(phoneNumber: string): string {
    const code = randomBytes(32).toString('hex');
    this.phoneCodes.set(code, { value: phoneNumber, expiresAt: this.now() + CODE_TTL_MS, used: false });
    return code;
  }
  registerOpenid(openid: string): void {
    this.knownOpenids.add(openid);
  }
  blockOpenid(openid: string): void {
    this.blocked.add(openid);
  }
  setPhoneQuotaExhausted(exhausted: boolean): void {
    this.phoneQuotaExhausted = exhausted;
  }
  addTemplate(templateId: string): void {
    this.templates.add(templateId);
  }
  failNextSends(count: number, errcode: number): void {
    this.failNext = { count, errcode };
  }
  expireAllAccessTokens(): void {
    for (const t of this.tokens.values()) t.revoked = true;
    this.stableToken = null;
  }
  sentMessages(): SentMessage[] {
    return this.messages.map((m) => ({ ...m, data: structuredClone(m.data) }));
  }

  // ---- protocol ----

  jscode2session(q: Query): Body {
    const denied = this.checkApp(q.get('appid'), q.get('secret'));
    if (denied) return denied;
    if (q.get('grant_type') !== 'authorization_code') return wxError(40002);
    const code = q.get('js_code');
    if (!code) return wxError(41008);
    const entry = this.loginCodes.get(code);
    if (!entry || entry.expiresAt <= this.now()) return wxError(40029);
    const { openid, unionid } = entry.value;
    if (this.blocked.has(openid)) return wxError(40226);
    if (!this.allowLoginAttempt(openid)) return wxError(45011);
    if (entry.used) return wxError(40163);
    entry.used = true;
    this.knownOpenids.add(openid);
    const session = { session_key: randomBytes(16).toString('base64'), openid };
    return unionid ? { ...session, unionid } : session;
  }

  /** GET /cgi-bin/token: a new token on every call; the previous one keeps working for 5 minutes. */
  token(q: Query): Body {
    const denied = this.checkApp(q.get('appid'), q.get('secret'));
    if (denied) return denied;
    if (q.get('grant_type') !== 'client_credential') return wxError(40002);
    this.tokenFetches++;
    const graceEnd = this.now() + OLD_TOKEN_GRACE_MS;
    for (const [value, t] of this.tokens) if (value !== this.stableToken) t.expiresAt = Math.min(t.expiresAt, graceEnd);
    return { access_token: this.mintToken(), expires_in: TOKEN_TTL_S };
  }

  /**
   * POST /cgi-bin/stable_token: the same token while it has more than 5 minutes left (WeChat renews it
   * 5 minutes early, the old one running out on its own); force_refresh revokes it at once.
   */
  stableTokenRequest(b: Body): Body {
    const denied = this.checkApp(b.appid, b.secret);
    if (denied) return denied;
    if (b.grant_type !== 'client_credential') return wxError(40002);
    if (b.force_refresh !== undefined && typeof b.force_refresh !== 'boolean') return wxError(47001);
    this.tokenFetches++;
    const current = this.stableToken ? this.tokens.get(this.stableToken) : undefined;
    const remaining = current && !current.revoked ? current.expiresAt - this.now() : 0;
    if (this.stableToken && remaining > OLD_TOKEN_GRACE_MS && b.force_refresh !== true) {
      return { access_token: this.stableToken, expires_in: Math.floor(remaining / 1000) };
    }
    if (current && b.force_refresh === true) current.revoked = true;
    this.stableToken = this.mintToken();
    return { access_token: this.stableToken, expires_in: TOKEN_TTL_S };
  }

  getPhoneNumber(q: Query, b: Body): Body {
    const denied = this.checkToken(q.get('access_token'));
    if (denied) return denied;
    if (typeof b.code !== 'string' || !b.code) return wxError(41008);
    if (this.phoneQuotaExhausted) return wxError(1400001);
    const entry = this.phoneCodes.get(b.code);
    if (!entry || entry.expiresAt <= this.now()) return wxError(40029);
    if (entry.used) return wxError(40163);
    entry.used = true;
    const [countryCode, purePhoneNumber] = splitPhone(entry.value);
    return {
      ...OK(),
      phone_info: {
        phoneNumber: countryCode === '86' ? purePhoneNumber : `+${countryCode} ${purePhoneNumber}`,
        purePhoneNumber,
        countryCode,
        watermark: { timestamp: Math.floor(this.now() / 1000), appid: this.options.appid },
      },
    };
  }

  subscribeSend(q: Query, b: Body): Body {
    const denied = this.checkToken(q.get('access_token'));
    if (denied) return denied;
    if (typeof b.touser !== 'string' || !this.knownOpenids.has(b.touser)) return wxError(40003);
    if (typeof b.template_id !== 'string' || !this.templates.has(b.template_id)) return wxError(40037);
    const data = b.data as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object') return wxError(47003, 'data empty');
    for (const [key, field] of Object.entries(data)) {
      const value = (field as { value?: unknown } | null)?.value;
      if (typeof value !== 'string' || !value) return wxError(47003, `data.${key}.value empty`);
    }
    if (this.failNext.count > 0) {
      this.failNext.count--;
      return wxError(this.failNext.errcode);
    }
    this.messages.push({
      openid: b.touser,
      templateId: b.template_id,
      page: typeof b.page === 'string' ? b.page : null,
      data: structuredClone(data) as SentMessage['data'],
      sentAt: new Date(this.now()),
    });
    return { ...OK(), msgid: 2_000_000_000 + this.messages.length };
  }

  /** v2 answers errcode 0 with a verdict; the legacy v1 (no version) answers 87014 for risky text. */
  msgSecCheck(q: Query, b: Body): Body {
    const denied = this.checkToken(q.get('access_token'));
    if (denied) return denied;
    if (typeof b.content !== 'string') return wxError(47001);
    const risky = this.riskyWords.find((w) => (b.content as string).includes(w));
    const review = risky ? undefined : this.reviewWords.find((w) => (b.content as string).includes(w));
    if (b.version !== 2) return risky ? wxError(87014) : OK();
    if (typeof b.openid !== 'string' || !this.knownOpenids.has(b.openid)) return wxError(40003);
    if (![1, 2, 3, 4].includes(b.scene as number)) return wxError(47001);
    const [suggest, label, keyword] = risky ? ['risky', 20006, risky] : review ? ['review', 21000, review] : ['pass', 100, null];
    const detail: Body[] = [{ strategy: 'content_model', errcode: 0, suggest, label, prob: keyword ? 90 : 0 }];
    if (keyword) detail.push({ strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword });
    return { ...OK(), result: { suggest, label }, detail, trace_id: randomBytes(12).toString('hex').replace(/(.{8})(.{8})/, '$1-$2-') };
  }

  // ---- rules shared by the endpoints ----

  private checkApp(appid: unknown, secret: unknown): WechatErrorBody | null {
    if (!appid) return wxError(41002);
    if (appid !== this.options.appid) return wxError(40013);
    if (!secret) return wxError(41004);
    if (secret !== this.options.secret) return wxError(40125);
    return null;
  }

  private checkToken(token: string | null): WechatErrorBody | null {
    if (!token) return wxError(41001);
    const t = this.tokens.get(token);
    if (!t || t.revoked) return wxError(40001);
    if (t.expiresAt <= this.now()) return wxError(42001);
    return null;
  }

  private mintToken(): string {
    const value = `86_${randomBytes(96).toString('base64url')}`;
    this.tokens.set(value, { expiresAt: this.now() + TOKEN_TTL_S * 1000, revoked: false });
    return value;
  }

  /** Sliding one-minute window per openid, like WeChat's 100 logins per minute per user. */
  private allowLoginAttempt(openid: string): boolean {
    const since = this.now() - 60_000;
    const recent = (this.loginAttempts.get(openid) ?? []).filter((t) => t > since);
    const allowed = recent.length < this.loginLimit;
    if (allowed) recent.push(this.now());
    this.loginAttempts.set(openid, recent);
    return allowed;
  }
}

/** '13800138000' → ['86', '13800138000']; '+852 61234567' → ['852', '61234567']. */
function splitPhone(phone: string): [string, string] {
  const match = /^\+(\d{1,4})\s*(\d+)$/.exec(phone.trim());
  return match ? [match[1], match[2]] : ['86', phone.trim()];
}
