import { Inject, Injectable, type CanActivate, type ExecutionContext, type OnModuleDestroy } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError } from './app-error.js';
import { RATE_LIMIT_KEY, type RateLimitClass } from './decorators.js';
import { MemoryRateLimitStore, RedisRateLimitStore, type RateLimitStore } from './rate-limit.store.js';
import type { AppRequest } from './request-context.js';

const WINDOW_MS = 60_000;

/**
 * Fixed-window limits: logins per client address, writes per caller (user, else address).
 * Counters live in Redis when REDIS_URL is set (shared by every instance), else in memory.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly store: RateLimitStore;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.store = config.REDIS_URL ? new RedisRateLimitStore(config.REDIS_URL) : new MemoryRateLimitStore();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AppRequest>();
    const declared = this.reflector.getAllAndOverride<RateLimitClass | undefined>(RATE_LIMIT_KEY, [context.getHandler(), context.getClass()]);
    const kind = declared ?? (['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) ? 'write' : 'none');
    if (kind === 'none') return true;
    const limit = kind === 'login' ? this.config.RATE_LIMIT_LOGIN_PER_MINUTE : kind === 'guess' ? this.config.RATE_LIMIT_GUESSES_PER_MINUTE : this.config.RATE_LIMIT_WRITES_PER_MINUTE;
    const who = kind === 'login' || !req.actor ? `ip:${req.ip}` : `u:${req.actor.userId}`;
    if (!(await this.store.take(`${kind}:${who}`, limit, WINDOW_MS))) throw new AppError('RATE_LIMITED');
    return true;
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }
}
