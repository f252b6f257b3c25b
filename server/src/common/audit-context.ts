import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@honglin/shared';
import type { Actor } from './actor.js';

/** An organiser/admin write waiting for its audit entry (see audit/audit.interceptor.ts). */
export interface PendingWrite {
  actor: Actor;
  action: string;
  resourceId: string | null;
  subjectUserId: string | null;
  /** pending → writing (inside a transaction not yet committed) → done. */
  state: 'pending' | 'writing' | 'done';
}

/**
 * What the audit trail knows about the request being answered, wherever in the call tree it records:
 * the request id and address, the first resource the scope check admitted (its org path and the role
 * that admitted it), and a manager write still to be recorded.
 */
export interface AuditScope {
  requestId: string | null;
  ip: string | null;
  admitted?: { path: string; role: Role };
  pending?: PendingWrite;
}

export const auditScope = new AsyncLocalStorage<AuditScope>();

/**
 * Called by the scope check when it lets `actor` reach a resource at `path`: remembers which grant did,
 * so the write's entry names the role used and the organisation it touched. The first one wins (the
 * resource the route is about is checked first).
 */
export function noteAdmitted(actor: Actor, path: string, roles: readonly Role[]): void {
  const scope = auditScope.getStore();
  if (!scope || scope.admitted) return;
  const grant = actor.grants
    .filter((g) => roles.includes(g.role) && path.startsWith(g.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (grant) scope.admitted = { path, role: grant.role };
}
