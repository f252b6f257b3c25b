// The authorisation matrix's expectations: who is compared with whom, and the routes that are open
// on purpose (each with the reason). Everything not listed here is expected to be denied across
// organisations and to members without a role.

export const PERSONAS = ['resident', 'party_member', 'elder', 'organiser_a', 'organiser_b', 'grid_worker', 'admin'];

/** [X, Y]: resources X can open that Y cannot list must stay closed to Y. */
export const PAIRS = [
  ['organiser_a', 'organiser_b'],
  ['organiser_b', 'organiser_a'],
  ['organiser_b', 'party_member'],
  ['organiser_b', 'resident'],
  ['party_member', 'resident'],
  ['organiser_a', 'party_member'],
];

/** Organisers of different organisations (and a community's grid worker against the other branch). */
export const MANAGER_PAIRS = [
  ['organiser_a', 'organiser_b'],
  ['organiser_b', 'organiser_a'],
  ['grid_worker', 'organiser_b'],
  ['organiser_b', 'grid_worker'],
];

/** Lists that show what a person manages (as opposed to what they may read). */
export const MANAGER_LISTS = [/^\/api\/org\//, '/api/activities/manage', '/api/activities/places', '/api/dues/branches', '/api/meetings',
  '/api/complaints/manage', // admins only (403 to organisers); /api/complaints/{id} and its writes are the complainant's own (404 to anyone else)
];

/** Routes under /api/org/ that every signed-in person uses (choosing where they live, …). */
export const ORG_ROUTES_FOR_EVERYONE = [
  '/api/org/residence-options', // a resident picks the building they live in
];

/** Reads that are public within the street on purpose (the write routes under them are still checked). */
export const PUBLIC_READS = [
  '/api/volunteering/campaigns/{id}', // volunteer drives are open to every volunteer of the street, like activities
  '/api/volunteering/shifts/{id}', // and so are their shifts (eligibility decides who may sign up)
];

/** Reads a member of any organisation may open (e.g. content everyone studies). */
export const OPEN_TO_ALL_MEMBERS = [];

/** Writes anyone signed in may make on a resource they can read (sign up, rate). */
export const WRITES_FOR_EVERYONE = [
  '/api/activities/{id}/signup', // residents sign up for activities anywhere in the street (eligibility decides)
];
