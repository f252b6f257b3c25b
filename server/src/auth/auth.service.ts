import { Inject, Injectable } from '@nestjs/common';
import type { DemoPersona, LoginResponse, TokenPair } from '@honglin/shared';
import { AppError } from '../common/app-error.js';
import { newId, newSecret } from '../common/ids.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { MembersService } from '../members/members.service.js';
import type { User } from '../members/user.entity.js';
import { UserRepository } from '../members/user.repository.js';
import { WechatClient } from '../wechat/wechat.client.js';
import { DEMO_PERSONAS } from './demo-personas.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { TokenService } from './token.service.js';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly members: MembersService,
    private readonly tx: TransactionRunner,
    @Inject(WechatClient) private readonly wechat: WechatClient,
  ) {}

  /** wx.login code → openid → the user (created on first login) → a fresh login. */
  async wechatLogin(code: string): Promise<LoginResponse> {
    const { openid, unionid } = await this.wechat.code2Session(code); // network call outside the transaction
    const user = await this.tx.run(async (em) => {
      const existing = await this.users.findByOpenid(openid, em);
      if (existing) return existing;
      return this.users.insert({ id: newId(), openid, unionid, name: '微信用户', elderMode: false, disabled: false }, em);
    });
    return this.login(user);
  }

  demoPersonas(): DemoPersona[] {
    if (!this.config.demoMode) throw new AppError('DEMO_LOGIN_DISABLED');
    return DEMO_PERSONAS;
  }

  async demoLogin(persona: string): Promise<LoginResponse> {
    if (!this.config.demoMode) throw new AppError('DEMO_LOGIN_DISABLED');
    const user = await this.users.findByDemoPersona(persona);
    if (!user) throw new AppError('DEMO_PERSONA_UNKNOWN');
    return this.login(user);
  }

  /** Rotates the refresh token. Reusing a rotated token revokes the whole login (it was stolen). */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = new Date();
    const hash = this.tokens.hashRefresh(refreshToken);
    const outcome = await this.tx.run(async (em) => {
      const row = await this.refreshTokens.findByHash(hash, em);
      if (!row || row.revokedAt || row.expiresAt <= now) return { ok: false as const };
      if (row.usedAt || !(await this.refreshTokens.markUsed(row.id, now, em))) {
        await this.refreshTokens.revokeFamily(row.familyId, now, em);
        return { ok: false as const };
      }
      const user = await this.users.findById(row.userId, em);
      if (!user || user.disabled) return { ok: false as const };
      return { ok: true as const, pair: await this.issue(row.userId, row.familyId, em) };
    });
    if (!outcome.ok) throw new AppError('REFRESH_TOKEN_INVALID');
    return outcome.pair;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.tx.run(async (em) => {
      const row = await this.refreshTokens.findByHash(this.tokens.hashRefresh(refreshToken), em);
      if (row) await this.refreshTokens.revokeFamily(row.familyId, new Date(), em);
    });
  }

  private async login(user: User): Promise<LoginResponse> {
    if (user.deletedAt) throw new AppError('ACCOUNT_DELETED');
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
    const pair = await this.tx.run((em) => this.issue(user.id, newId(), em));
    return { ...pair, user: await this.members.view(user) };
  }

  private async issue(userId: string, familyId: string, em: Parameters<RefreshTokenRepository['insert']>[1]): Promise<TokenPair> {
    const refreshToken = newSecret();
    const now = Date.now();
    await this.refreshTokens.insert(
      {
        id: newId(),
        userId,
        familyId,
        tokenHash: this.tokens.hashRefresh(refreshToken),
        expiresAt: new Date(now + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
        usedAt: null,
        revokedAt: null,
        createdAt: new Date(now),
      },
      em,
    );
    return { accessToken: this.tokens.signAccess(userId, now), expiresIn: this.tokens.accessTtlSeconds, refreshToken };
  }
}
