import type { Role } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { noteAdmitted } from '../common/audit-context.js';

/** Roles that may open household files: the grid's worker and the community's organisers and admins. */
export const GRID_STAFF: readonly Role[] = ['grid_worker', 'organiser', 'admin'];

/**
 * The subtrees whose households the caller may see. A grid worker's grants are on grids; organisers
 * and admins count from a community down (two path segments: street/community/). Street-level staff
 * get aggregate views only (PIPL: 低保, 残疾 and 特困 stay with the grid and the community), so their
 * grants do not reach single files here.
 */
export function gridPaths(actor: Actor): string[] {
  const paths = actor.grants
    .filter((g) => g.role === 'grid_worker' || (GRID_STAFF.includes(g.role) && g.path.split('/').filter(Boolean).length >= 2))
    .map((g) => g.path);
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

export function assertGridStaff(actor: Actor): string[] {
  const paths = gridPaths(actor);
  if (!paths.length) throw new AppError('GRID_STAFF_ONLY');
  return paths;
}

/** A household (or person) outside the caller's grids does not exist for them. */
export function assertInGrid(actor: Actor, path: string): void {
  if (!assertGridStaff(actor).some((p) => path.startsWith(p))) throw AppError.notFound();
  noteAdmitted(actor, path, GRID_STAFF);
}

/** Whether the caller holds a community-level grant over `path` (settings, escalated warnings). */
export function isCommunityStaff(actor: Actor, path: string): boolean {
  return actor.grants.some((g) => (g.role === 'organiser' || g.role === 'admin') && g.path.split('/').filter(Boolean).length === 2 && path.startsWith(g.path));
}
