import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError } from './app-error.js';
import { RATE_LIMIT_KEY, type RateLimitClass } from './decorators.js';
import type { AppRequest } from './request-context.js';

const WINDOW_MS = 60_000;

/**
 * Fixed-window limits: logins per client address, writes per caller (user, else address).
 * In-process counters; several instances share limits once a Redis store is configured.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AppRequest>();
    const declared = this.reflector.getAllAndOverride<RateLimitClass | undefined>(RATE_LIMIT_KEY, [context.getHandler(), context.getClass()]);
    const kind = declared ?? (['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) ? 'write' : 'none');
    if (kind === 'none') return true;
    const limit = kind === 'login' ? this.config.RATE_LIMIT_LOGIN_PER_MINUTE : this.config.RATE_LIMIT_WRITES_PER_MINUTE;
    const who = kind === 'login' ? `ip:${req.ip}` : req.actor ? `u:${req.actor.userId}` : `ip:${req.ip}`;
    if (!this.take(`${kind}:${who}`, limit)) throw new AppError('RATE_LIMITED');
    return true;
  }

  private take(key: string, limit: number): boolean {
    const now = Date.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      if (this.windows.size > 50_000) this.sweep(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= limit;
  }

  private sweep(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(k);
  }
}
