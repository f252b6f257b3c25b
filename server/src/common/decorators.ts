import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor } from './actor.js';
import { AppError } from './app-error.js';
import type { AppRequest } from './request-context.js';

export const PUBLIC_KEY = 'honglin:public';
/** The route needs no login (health, login itself, public verification pages). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const RATE_LIMIT_KEY = 'honglin:rate-limit';
export type RateLimitClass = 'login' | 'write' | 'none';
/** Overrides the rate-limit class a route falls in (writes by default, reads none). */
export const RateLimit = (kind: RateLimitClass) => SetMetadata(RATE_LIMIT_KEY, kind);

/** The authenticated caller. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AppRequest>().actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
});
