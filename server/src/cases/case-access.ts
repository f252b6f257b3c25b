import type { Role } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { noteAdmitted } from '../common/audit-context.js';
import { manages } from '../common/scope.js';
import type { Case } from './case.entity.js';

/** Community staff answer for every case under their community; the street admins above them too. */
export const CASE_SUPERVISORS: readonly Role[] = ['organiser', 'admin'];
/** Staff who may see the cases of their grids (and be handlers). */
export const CASE_STAFF: readonly Role[] = ['grid_worker', 'organiser', 'admin'];

export interface CaseRelation {
  reporter: boolean;
  follower: boolean;
  handler: boolean;
  /** Supervises the case's place (may act on any case there). */
  supervisor: boolean;
  /** Staff over the place (may read it with the reporter named unless anonymous). */
  staff: boolean;
}

/**
 * The caller's relation to a case. A branch organiser's grants sit on the Party tree, whose paths never
 * cover a residential place, so "organiser" here means the community's organisers only.
 */
export function relationTo(actor: Actor, c: Case, follower: boolean): CaseRelation {
  const handler = c.handlerId === actor.userId;
  const supervisor = manages(actor, c.orgPath, CASE_SUPERVISORS);
  return { reporter: c.reporterId === actor.userId, follower, handler, supervisor, staff: handler || supervisor || manages(actor, c.orgPath, CASE_STAFF) };
}

/** Readable by the parties and the staff over its place; to anyone else it does not exist. */
export function assertCanRead(actor: Actor, c: Case, r: CaseRelation): void {
  if (!(r.reporter || r.follower || r.staff)) throw AppError.notFound();
  if (r.staff && !r.reporter && !r.follower) noteAdmitted(actor, c.orgPath, CASE_STAFF);
}

/** Handler steps: the handler, or a supervisor over the place. Another grid's worker is told it is not theirs. */
export function assertCanHandle(actor: Actor, c: Case, r: CaseRelation): void {
  if (r.handler || r.supervisor) {
    noteAdmitted(actor, c.orgPath, CASE_STAFF);
    return;
  }
  if (r.staff || r.reporter || r.follower || actor.grants.some((g) => CASE_STAFF.includes(g.role))) throw new AppError('CASE_NOT_YOURS');
  throw AppError.notFound();
}
