import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Actor } from './actor.js';
import { AppError } from './app-error.js';
import type { AppRequest } from './request-context.js';

export const PUBLIC_KEY = 'honglin:public';
export const PUBLIC_EXTENSION = 'x-honglin-public';
/**
 * The route needs no login (health, login itself, public verification pages). The OpenAPI extension
 * lets the document say so too, even under a controller-wide bearer requirement (see bootstrap).
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));

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
