// How a route's declared access (`@Access(...)` / `@Public()` beside the handler, read from the OpenAPI
// extension `x-honglin-access`) turns into an expected outcome for a persona and an object.

export const PERSONAS = ['resident', 'party_member', 'elder', 'organiser_a', 'organiser_b', 'grid_worker', 'admin'];
export const ACCESS_EXTENSION = 'x-honglin-access';

/** The roles that open a managing kind; `self` and `street` need no role. Mirrors server/src/common/decorators.ts. */
export const KIND_ROLES = {
  manager: ['organiser', 'treasurer', 'admin'],
  organiser: ['organiser', 'admin'],
  treasurer: ['treasurer', 'admin'],
  admin: ['admin'],
};
export const KINDS = ['public', 'self', 'street', ...Object.keys(KIND_ROLES)];

/** Lists that show what a person manages (as opposed to what they may read). */
export const MANAGER_LISTS = [/^\/api\/org\//, '/api/activities/manage', '/api/dues/branches', '/api/meetings', '/api/complaints/manage', '/api/volunteering/campaigns/manage', '/api/volunteering/hours', '/api/volunteering/mobilisations/manage'];

/** Writes with lasting effects on the persona itself run after every other check (a deleted account answers 401). */
export const LAST = [/\/delete-account$/, /\/auth\/logout$/];

export const isManaging = (kinds) => kinds.some((k) => KIND_ROLES[k]);

/** Does the persona hold a role that one of the managing kinds accepts? */
export const holdsRole = (kinds, roles) => kinds.some((k) => KIND_ROLES[k]?.some((r) => roles.has(r)));

/**
 * Expected outcome for a persona, given how the object relates to them:
 * - 'none': the route takes no object; 'own': the persona opened it (from what it manages when it holds a
 *   managing role the route accepts, else from what it can see); 'foreign': another persona's object the
 *   persona cannot see (cannot manage, for managing kinds); 'missing': an id nobody has.
 */
export function expected(kinds, roles, relation) {
  if (kinds.includes('public')) return relation === 'missing' ? 'any' : 'allow';
  if (relation === 'missing') return 'deny';
  if (kinds.includes('street')) return 'allow';
  const byRole = holdsRole(kinds, roles);
  if (relation === 'none') return kinds.includes('self') || byRole ? 'allow' : 'deny';
  if (relation === 'own') return kinds.includes('self') || byRole ? 'allow' : 'deny';
  return 'deny';
}

/** The outcome an answer shows: allowed (2xx/3xx or a business-rule refusal), refused (401/403/404), or an error. */
export function outcome(status) {
  if (status >= 500) return 'error';
  if (status < 400) return 'allow';
  if ([401, 403, 404].includes(status)) return 'deny';
  return 'rule';
}
