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
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true), ApiExtension(ACCESS_EXTENSION, ['public']));

export const ACCESS_EXTENSION = 'x-honglin-access';
/**
 * Who may call a route, as the services enforce it (see common/scope.ts); `npm run test:authz` reads
 * these from the OpenAPI document and refuses a route without one. Several kinds mean any of them.
 * - public: no login (set by @Public()).
 * - self: the caller's own data; an object in the path is the caller's own (or, 亲情账号, that of the
 *   elder they are linked to; or, the points mall, on the caller's own organisations), anyone else's is 4xx.
 * - street: anyone signed in, objects anywhere in the street (activities, drives, study content).
 * - manager: organiser, treasurer or admin of the object's subtree (MANAGING_ROLES).
 * - organiser: organiser or admin of the object's subtree (meetings, check-in codes, the mall).
 * - treasurer: treasurer or admin of the object's subtree (DUES_ROLES).
 * - admin: admin of the object's subtree.
 * - grid: grid staff of the object's grid (households/grid-scope.ts): the grid_worker role on the grid, or
 *   organiser/admin held from a community down; street-level grants see aggregates only.
 * - community: organiser/admin held on a community (community staff: the households' risk settings).
 */
export const ACCESS_KINDS = ['public', 'self', 'street', 'manager', 'organiser', 'treasurer', 'admin', 'grid', 'community'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];
/** Declares the route's expected access beside it; it changes nothing at run time (the services decide). */
export const Access = (...kinds: [Exclude<AccessKind, 'public'>, ...Exclude<AccessKind, 'public'>[]]) => ApiExtension(ACCESS_EXTENSION, kinds);

export const RATE_LIMIT_KEY = 'honglin:rate-limit';
/** `guess`: a write whose input is a short secret (a typed check-in code), limited tighter per caller. */
export type RateLimitClass = 'login' | 'write' | 'guess' | 'none';
/** Overrides the rate-limit class a route falls in (writes by default, reads none). */
export const RateLimit = (kind: RateLimitClass) => SetMetadata(RATE_LIMIT_KEY, kind);

/** The authenticated caller. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AppRequest>().actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
});
