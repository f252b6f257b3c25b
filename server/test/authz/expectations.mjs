// How a route's declared access (`@Access(...)` / `@Public()` beside the handler, read from the OpenAPI
// extension `x-honglin-access`) turns into an expected outcome for a persona and an object.

export const PERSONAS = ['resident', 'party_member', 'elder', 'organiser_a', 'organiser_b', 'grid_worker', 'admin'];
export const ACCESS_EXTENSION = 'x-honglin-access';

/**
 * The grants (role and the kind of node it is held on, from GET /api/me) that open a managing kind; `self`
 * and `street` need none. Mirrors server/src/common/decorators.ts, scope.ts and households/grid-scope.ts.
 */
const among = (...roles) => (g) => roles.includes(g.role);
const TOP = ['street', 'committee'];
export const KIND_GRANTS = {
  manager: among('organiser', 'treasurer', 'admin'),
  organiser: among('organiser', 'admin'),
  treasurer: among('treasurer', 'admin'),
  admin: among('admin'),
  grid: (g) => g.role === 'grid_worker' || (among('organiser', 'admin')(g) && !TOP.includes(g.kind)),
  community: (g) => among('organiser', 'admin')(g) && ['community', 'general_branch'].includes(g.kind),
};
export const KINDS = ['public', 'self', 'street', ...Object.keys(KIND_GRANTS)];

/** Lists that show what a person manages (as opposed to what they may read). */
export const MANAGER_LISTS = [/^\/api\/org\//, '/api/activities/manage', '/api/activities/places', '/api/dues/branches', '/api/meetings', '/api/complaints/manage', '/api/volunteering/campaigns/manage', '/api/volunteering/hours', '/api/volunteering/mobilisations/manage'];

/** Path parameters that do not name the object, with the value to use (check-in target type). */
export const PATH_VALUES = { type: 'meeting' };

/** Writes with lasting effects (an account, a family link the other routes act through) run after every other check (a deleted account answers 401). */
export const LAST = [/\/delete-account$/, /\/auth\/logout$/, /\/family\/links\/\{id\}\/revoke$/];

export const isManaging = (kinds) => kinds.some((k) => KIND_GRANTS[k]);

/** Does the persona hold a grant that one of the managing kinds accepts? */
export const holdsRole = (kinds, grants) => kinds.some((k) => KIND_GRANTS[k] && grants.some(KIND_GRANTS[k]));

/**
 * Expected outcome for a persona, given how the object relates to them:
 * - 'none': the route takes no object; 'own': the persona opened it (from what it manages when it holds a
 *   managing role the route accepts, else from what it can see); 'foreign': another persona's object the
 *   persona cannot see (cannot manage, for managing kinds); 'seen': another persona's object this one may
 *   see but holds no role for; 'missing': an id nobody has.
 */
export function expected(kinds, roles, relation) {
  if (kinds.includes('public')) return 'allow';
  if (relation === 'missing') return 'deny';
  if (kinds.includes('street')) return 'allow';
  const byRole = holdsRole(kinds, roles);
  if (relation === 'none') return kinds.includes('self') || byRole ? 'allow' : 'deny';
  if (relation === 'own') return kinds.includes('self') || byRole ? 'allow' : 'deny';
  return 'deny';
}

/**
 * Managing personas whose scopes do not overlap (two branches of different communities; a community's
 * organiser and the other community's branch): what the first manages, the second must not.
 */
export const DISJOINT = [
  ['organiser_a', 'organiser_b'],
  ['organiser_b', 'organiser_a'],
  ['grid_worker', 'organiser_b'],
  ['organiser_b', 'grid_worker'],
];

/** Codes that refuse access itself, as opposed to a business rule (not eligible, code invalid, …). */
const REFUSALS = ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'ACCOUNT_DELETED', 'FORBIDDEN', 'FAMILY_NOT_LINKED', 'ACTIVITY_PLACE_NOT_YOURS', 'GRID_STAFF_ONLY'];

/**
 * What an answer shows: 'allow' (2xx/3xx), 'deny' (an access refusal; a 404 only when the path names one
 * object, the one under test), 'rule' (another 4xx: a business rule, an id in the body nobody has) or 'error'.
 */
export function outcome(status, text, oneObject) {
  if (status >= 500) return 'error';
  if (status < 400) return 'allow';
  let code = null;
  try {
    code = JSON.parse(text).code;
  } catch {
    /* not JSON */
  }
  if (REFUSALS.includes(code) || (status === 404 && code === 'NOT_FOUND' && oneObject)) return 'deny';
  return 'rule';
}
