import { MANAGING_ROLES, type ErrorCode, type Role } from '@honglin/shared';
import type { Actor } from './actor.js';
import { AppError } from './app-error.js';
import { noteAdmitted } from './audit-context.js';

/**
 * The one authorisation scope: a role reaches the subtree of the node it is held on. Services ask
 * these questions; repositories turn `managedPaths` into `path LIKE 'prefix%'` conditions.
 */
export function managedPaths(actor: Actor, roles: readonly Role[] = MANAGING_ROLES): string[] {
  const paths = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.path);
  // Drop paths already covered by a shorter one so queries stay small.
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

export function manages(actor: Actor, path: string, roles: readonly Role[] = MANAGING_ROLES): boolean {
  return managedPaths(actor, roles).some((p) => path.startsWith(p));
}

/** Callers without any managing role are refused outright; out-of-scope resources simply don't exist for them. */
export function assertManager(actor: Actor, roles: readonly Role[] = MANAGING_ROLES): string[] {
  const paths = managedPaths(actor, roles);
  if (paths.length === 0) throw new AppError('FORBIDDEN');
  return paths;
}

export function assertManages(actor: Actor, path: string, roles: readonly Role[] = MANAGING_ROLES): void {
  assertManager(actor, roles);
  if (!manages(actor, path, roles)) throw AppError.notFound();
  // The audit trail files an organiser's write under the organisation it reached, with the role used.
  noteAdmitted(actor, path, roles);
}

/**
 * For a node the caller can already see (every community is listed to everyone): a refusal that says
 * it is not theirs, with the stable code given, instead of pretending the node does not exist.
 */
export function assertActsOn(actor: Actor, path: string, refusal: ErrorCode, roles: readonly Role[] = MANAGING_ROLES): void {
  assertManager(actor, roles);
  if (!manages(actor, path, roles)) throw new AppError(refusal);
  noteAdmitted(actor, path, roles);
}

/** The nodes among `nodes` the caller's roles reach: what a form may offer as places to act on. */
export function withinScope<T extends { path: string }>(actor: Actor, nodes: readonly T[], roles: readonly Role[] = MANAGING_ROLES): T[] {
  const paths = managedPaths(actor, roles);
  return nodes.filter((n) => paths.some((p) => n.path.startsWith(p)));
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.grants.some((g) => g.role === role);
}
