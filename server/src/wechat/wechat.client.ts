import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ErrorCode } from '@honglin/shared';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessTokenCache, type FetchedToken } from './wechat-access-token.cache.js';
import { callWechat, errcodeOf, WechatUnreachable, type WechatReply } from './wechat-http.util.js';

export interface PhoneNumber {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** Mini-program page opened from the message, e.g. `pages/home/index?id=1`. */
  page?: string;
  /** Template fields by key (`thing1`, `time2`, …); wrapped into WeChat's `{value}` objects here. */
  data: Record<string, string>;
}

export type SendResult = { ok: true } | { ok: false; errcode: number; retryable: boolean };

/** WeChat's verdict; label 100 is normal, 2xxxx a category (20006 crime, …), 0 when WeChat gave none. */
export interface ContentVerdict {
  suggest: 'pass' | 'review' | 'risky';
  label: number;
}

/** Scene of msg_sec_check: 1 profile, 2 comment, 3 forum, 4 social log. */
export type ContentScene = 1 | 2 | 3 | 4;

const LOGIN_ERRORS: Record<number, ErrorCode> = {
  40029: 'WECHAT_CODE_INVALID',
  41008: 'WECHAT_CODE_INVALID',
  40163: 'WECHAT_CODE_USED',
  45011: 'WECHAT_TOO_FREQUENT',
  40226: 'WECHAT_USER_BLOCKED',
};
const PHONE_ERRORS: Record<number, ErrorCode> = {
  40029: 'WECHAT_CODE_INVALID',
  41008: 'WECHAT_CODE_INVALID',
  40163: 'WECHAT_CODE_USED',
  45011: 'WECHAT_TOO_FREQUENT',
  1400001: 'WECHAT_PHONE_QUOTA',
};
/** invalid credential / expired: our cached token is no good; refresh once and retry once. */
const TOKEN_REJECTED = new Set([40001, 42001]);
/** Send failures worth another try later: system busy, daily quota, throttled, token trouble. */
const RETRYABLE_SEND = new Set([-1, 45009, 45011, 40001, 42001]);
const VERDICTS = new Set(['pass', 'review', 'risky']);

/**
 * The one client for the WeChat server APIs. Never returns or logs session_key, secrets or tokens;
 * log lines are plain strings because the JSON logger redacts any field named like `*code*`.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('WechatClient');
  private readonly tokens: AccessTokenCache;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) dataSource: DataSource,
    @Inject(TransactionRunner) tx: TransactionRunner,
  ) {
    this.tokens = new AccessTokenCache(config.WECHAT_APPID, dataSource, tx, () => this.fetchStableToken());
  }

  async code2Session(code: string): Promise<{ openid: string; unionid: string | null }> {
    if (!code) throw new AppError('WECHAT_CODE_INVALID');
    const { WECHAT_APPID: appid, WECHAT_SECRET: secret } = this.config;
    const url = this.url('/sns/jscode2session', { appid, secret, js_code: code, grant_type: 'authorization_code' });
    const reply = await callWechat(url).catch((e: unknown) => this.unreachable('jscode2session', e));
    if (errcodeOf(reply) !== 0) throw this.refusal('jscode2session', reply, LOGIN_ERRORS);
    if (typeof reply.openid !== 'string' || !reply.openid) throw this.refusal('jscode2session', reply, {});
    // session_key stays here: we never decrypt wx data on the server, so nothing downstream needs it.
    return { openid: reply.openid, unionid: typeof reply.unionid === 'string' && reply.unionid ? reply.unionid : null };
  }

  getAccessToken(): Promise<string> {
    return this.tokens.get();
  }

  /** Call when WeChat answered 40001/42001 for `rejectedToken`; the next getAccessToken refreshes. */
  invalidateAccessToken(rejectedToken: string): Promise<void> {
    return this.tokens.invalidate(rejectedToken);
  }

  async getPhoneNumber(code: string): Promise<PhoneNumber> {
    if (!code) throw new AppError('WECHAT_CODE_INVALID');
    const reply = await this.withToken('/wxa/business/getuserphonenumber', { code }).catch((e: unknown) =>
      this.unreachable('getuserphonenumber', e),
    );
    if (errcodeOf(reply) !== 0) throw this.refusal('getuserphonenumber', reply, PHONE_ERRORS);
    const info = reply.phone_info as Partial<PhoneNumber> | undefined;
    if (typeof info?.phoneNumber !== 'string' || typeof info.purePhoneNumber !== 'string') {
      throw this.refusal('getuserphonenumber', reply, {});
    }
    return { phoneNumber: info.phoneNumber, purePhoneNumber: info.purePhoneNumber, countryCode: String(info.countryCode ?? '86') };
  }

  /** Never throws for a delivery failure: the notification outbox decides what to do with it. */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult> {
    const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }]));
    const body = { touser: message.openid, template_id: message.templateId, page: message.page, data, lang: 'zh_CN' };
    let reply: WechatReply;
    try {
      reply = await this.withToken('/cgi-bin/message/subscribe/send', body);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      this.logger.warn(`subscribe.send: WeChat unreachable (${(error as Error).message})`);
      return { ok: false, errcode: -1, retryable: true };
    }
    const errcode = errcodeOf(reply);
    if (errcode === 0) return { ok: true };
    this.logger.warn(`subscribe.send refused: errcode ${errcode} ${reply.errmsg ?? ''}`);
    return { ok: false, errcode, retryable: RETRYABLE_SEND.has(errcode) };
  }

  /**
   * Anything WeChat could not judge (unreachable, user not seen lately, content too long) comes back as
   * `review`: such text goes to a person, never straight out and never lost.
   */
  async msgSecCheck(input: { openid: string; content: string; scene: ContentScene }): Promise<ContentVerdict> {
    const review: ContentVerdict = { suggest: 'review', label: 0 };
    let reply: WechatReply;
    try {
      reply = await this.withToken('/wxa/msg_sec_check', { version: 2, openid: input.openid, scene: input.scene, content: input.content });
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      this.logger.warn(`msg_sec_check: WeChat unreachable (${(error as Error).message})`);
      return review;
    }
    const errcode = errcodeOf(reply);
    if (errcode === 87014) return { suggest: 'risky', label: 0 }; // the v1 way of saying risky
    const result = reply.result as { suggest?: unknown; label?: unknown } | undefined;
    if (errcode !== 0 || !VERDICTS.has(result?.suggest as string)) {
      this.logger.warn(`msg_sec_check gave no verdict: errcode ${errcode} ${reply.errmsg ?? ''}`);
      return review;
    }
    return { suggest: result!.suggest as ContentVerdict['suggest'], label: typeof result!.label === 'number' ? result!.label : 0 };
  }

  /** POST with the access_token; when WeChat rejects the token, refresh once and retry once. */
  private async withToken(path: string, body: unknown): Promise<WechatReply> {
    const token = await this.tokens.get();
    const reply = await callWechat(this.url(path, { access_token: token }), body);
    if (!TOKEN_REJECTED.has(errcodeOf(reply))) return reply;
    await this.tokens.invalidate(token);
    const fresh = await this.tokens.get();
    return callWechat(this.url(path, { access_token: fresh }), body);
  }

  private async fetchStableToken(): Promise<FetchedToken> {
    const { WECHAT_APPID: appid, WECHAT_SECRET: secret } = this.config;
    const body = { grant_type: 'client_credential', appid, secret, force_refresh: false };
    const reply = await callWechat(this.url('/cgi-bin/stable_token', {}), body).catch((e: unknown) => this.unreachable('stable_token', e));
    if (errcodeOf(reply) !== 0 || typeof reply.access_token !== 'string' || !reply.access_token) {
      throw this.refusal('stable_token', reply, {});
    }
    const expiresIn = Number(reply.expires_in);
    return { token: reply.access_token, expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 7200 };
  }

  private url(path: string, query: Record<string, string>): URL {
    // Read per call: in demo mode main.ts fills the base in once the fake WeChat API is listening.
    const base = this.config.WECHAT_API_BASE;
    if (!base) {
      this.logger.error('WECHAT_API_BASE is not set');
      throw new AppError('WECHAT_UNAVAILABLE');
    }
    const url = new URL(base.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url;
  }

  private unreachable(api: string, error: unknown): never {
    if (!(error instanceof WechatUnreachable)) throw error;
    this.logger.warn(`${api}: WeChat unreachable (${error.message})`);
    throw new AppError('WECHAT_UNAVAILABLE');
  }

  /** An errcode the user can act on maps to its own code; the rest (bad appid, system busy…) to UNAVAILABLE. */
  private refusal(api: string, reply: WechatReply, known: Record<number, ErrorCode>): AppError {
    const errcode = errcodeOf(reply);
    const code = known[errcode];
    if (!code) this.logger.error(`${api} refused: errcode ${errcode} ${reply.errmsg ?? 'unexpected reply'}`);
    return new AppError(code ?? 'WECHAT_UNAVAILABLE');
  }
}

function isUnavailable(error: unknown): boolean {
  return error instanceof WechatUnreachable || (error instanceof AppError && error.code === 'WECHAT_UNAVAILABLE');
}
