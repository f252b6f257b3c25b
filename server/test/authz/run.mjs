// `npm run test:authz`: the authorisation matrix, generated from the routes. Every operation of the OpenAPI
// document must declare its access beside the handler (`@Access(...)` or `@Public()`, the extension
// `x-honglin-access`); a route without one is `undeclared` and fails the run. Then every route is called
// anonymously and by each of the 7 personas; a route that takes an object is called with the persona's own
// object (one it opened) and with another persona's object it cannot see or manage (or, failing both, an id
// nobody has). The expected outcome follows from the declaration (expectations.mjs):
//   leak    — allowed what the declaration denies (2xx/3xx);
//   refused — 401/403/404 where the declaration allows (the declaration or the service is wrong);
//   errors  — 5xx.
// Refusals are checked first, then allowed reads, then allowed writes (which change data), the persona's
// own lasting writes (delete-account, logout) last. Prints one JSON line; exits 1 on any of the above.
import { demoLogin, send as sendTo, spawnServer } from '../support/spawn-server.mjs';
import { rng, validValue } from '../fuzz/schema-values.mjs';
import { createObjects } from './setup.mjs';
import { ACCESS_EXTENSION, DISJOINT, expected, holdsRole, isManaging, KINDS, LAST, MANAGER_LISTS, outcome, PATH_VALUES, PERSONAS } from './expectations.mjs';

const log = (...a) => console.error('[authz]', ...a);
const r = rng(7);
const server = await spawnServer('authz');
const send = (method, path, opts) => sendTo(server.base, method, path, opts);
const tokens = Object.fromEntries(await Promise.all(PERSONAS.map(async (p) => [p, await demoLogin(server.base, p)])));
const roles = {};
for (const p of PERSONAS) roles[p] = JSON.parse((await send('get', '/api/me', { token: tokens[p] })).text).roles.map((g) => ({ role: g.role, kind: g.node.kind }));
const doc = JSON.parse((await send('get', '/api/docs-json')).text);
const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op, kinds: op[ACCESS_EXTENSION] })));
const matches = (list, path) => list.some((p) => (p instanceof RegExp ? p.test(path) : p === path));
const undeclared = ops.filter((o) => !Array.isArray(o.kinds) || !o.kinds.length || o.kinds.some((k) => !KINDS.includes(k)));
for (const o of undeclared) log(`undeclared: ${o.method.toUpperCase()} ${o.path} ${JSON.stringify(o.kinds ?? null)}`);

const bodyFor = (op) => {
  const schema = op?.requestBody?.content?.['application/json']?.schema;
  return schema ? validValue(schema, r, []) : {};
};
const made = await createObjects({ send, tokens, personas: PERSONAS, bodyFor, ops });
log('made', JSON.stringify(made));

// What each persona can see (every id in the answers of the reads without parameters) and manage (the
// ids in the organiser-side lists); the reads of one object add what they show once opened below.
const visible = Object.fromEntries(PERSONAS.map((p) => [p, new Set()]));
const managed = Object.fromEntries(PERSONAS.map((p) => [p, new Set()]));
const harvest = (p, text, asManager) => {
  for (const m of text.matchAll(/"([0-9A-Za-z]{26})"/g)) (asManager ? managed : visible)[p].add(m[1]);
};
for (const { path, method } of ops) {
  if (method !== 'get' || path.includes('{') || path === '/api/me/data-export') continue;
  for (const p of PERSONAS) harvest(p, (await send('get', path, { token: tokens[p] })).text, matches(MANAGER_LISTS, path));
}

const paramsOf = (path) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
const enumOf = (op, name) => op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema?.enum;
/** The parameter that names the object (the first one that is not an enum) and the path filled with `id`. */
const objectParam = (o) => paramsOf(o.path).find((n) => !enumOf(o.op, n) && !PATH_VALUES[n]);
const fill = (o, id) => o.path.replace(/\{([^}]+)\}/g, (_, n) => PATH_VALUES[n] ?? enumOf(o.op, n)?.[0] ?? id);
const givenFor = (o) => made[o.path] ?? made[prefixOf(o)];
/** The path up to and including the object parameter. */
const prefixOf = (o) => {
  const name = objectParam(o);
  return o.path.slice(0, o.path.indexOf(`{${name}}`) + name.length + 2);
};
/** The read that tells whether a persona can open the route's object: the route itself, or a read of the same object. */
function probeOf(o) {
  const name = objectParam(o);
  if (!name) return null;
  const prefix = prefixOf(o);
  const reads = ops.filter((x) => x.method === 'get' && objectParam(x) === name && x.path.startsWith(prefix) && paramsOf(x.path).length === paramsOf(prefix).length);
  return reads.find((x) => x.path === prefix) ?? (o.method === 'get' && reads.includes(o) ? o : reads[0]) ?? null;
}
const onlyManaging = (o) => !o.kinds.includes('self') && !o.kinds.includes('street') && !o.kinds.includes('public');
/** The first id the probe opens for the persona, from the given set (cached per probe). */
const openedCache = new Map();
async function firstOpenable(probe, p, ids, tag) {
  const key = `${probe.path} ${p} ${tag}`;
  if (openedCache.has(key)) return openedCache.get(key);
  let found = null;
  for (const id of [...ids].slice(0, 80)) {
    const res = await send('get', fill(probe, id), { token: tokens[p] });
    if (res.status === 200) {
      found = id;
      harvest(p, res.text, tag === 'managed');
      break;
    }
  }
  openedCache.set(key, found);
  return found;
}

// The plan: every (route, caller, object) with its expected outcome.
const plan = [];
const nobody = '01ZZZZZZZZZZZZZZZZZZZZZZZZ';
let opened = 0;
for (const o of ops.filter((x) => !undeclared.includes(x))) {
  const name = objectParam(o);
  plan.push({ o, who: 'anonymous', url: fill(o, nobody), expect: o.kinds.includes('public') ? 'allow' : 'deny401' });
  if (!name) {
    for (const p of PERSONAS) plan.push({ o, who: p, url: o.path, expect: expected(o.kinds, roles[p], 'none') });
    continue;
  }
  const probe = probeOf(o);
  const ownOf = {};
  const tagOf = {};
  for (const p of PERSONAS) {
    if (!probe && !givenFor(o)) break;
    const byRole = isManaging(o.kinds) && holdsRole(o.kinds, roles[p]);
    const given = givenFor(o);
    if (given) {
      // Objects made for the run are the persona's own (or managed) by construction.
      ownOf[p] = (byRole && given.managed[p]) || (!(byRole && onlyManaging(o)) && given.own[p]) || null;
      tagOf[p] = byRole && given.managed[p] ? 'managed' : 'visible';
      if (ownOf[p]) opened += 1;
      continue;
    }
    ownOf[p] = byRole ? await firstOpenable(probe, p, managed[p], 'managed') : null;
    tagOf[p] = ownOf[p] ? 'managed' : 'visible';
    if (!ownOf[p] && !(byRole && onlyManaging(o))) ownOf[p] = await firstOpenable(probe, p, visible[p], 'visible');
    if (ownOf[p]) opened += 1;
  }
  for (const p of PERSONAS) {
    const own = ownOf[p];
    if (own) plan.push({ o, who: p, url: fill(o, own), expect: expected(o.kinds, roles[p], 'own'), id: own, rel: 'own' });
    const foreign = foreignFor(o, p, ownOf, tagOf);
    if (foreign) plan.push({ o, who: p, url: fill(o, foreign.id), expect: expected(o.kinds, roles[p], foreign.relation), id: foreign.id, rel: foreign.relation });
    if (!own && !foreign) plan.push({ o, who: p, url: fill(o, nobody), expect: expected(o.kinds, roles[p], 'missing'), rel: 'missing' });
  }
}

/**
 * Another persona's object to try as this one. A persona the route's managing kinds accept gets an object
 * managed by a persona of a disjoint scope; anyone else an object of another persona they cannot see, or
 * (unless the route is street-wide) any other persona's object.
 */
function foreignFor(o, p, ownOf, tagOf) {
  if (o.kinds.includes('public')) return null;
  if (isManaging(o.kinds) && holdsRole(o.kinds, roles[p])) {
    const q = DISJOINT.find(([x, y]) => y === p && ownOf[x] && tagOf[x] === 'managed' && !managed[p].has(ownOf[x]))?.[0];
    return q ? { id: ownOf[q], relation: 'foreign' } : null;
  }
  const others = PERSONAS.filter((q) => q !== p && ownOf[q] && ownOf[q] !== ownOf[p]).map((q) => ownOf[q]);
  const unseen = others.find((id) => !managed[p].has(id) && !visible[p].has(id));
  if (unseen) return { id: unseen, relation: 'foreign' };
  return !o.kinds.includes('street') && others.length ? { id: others[0], relation: 'seen' } : null;
}

/** Every check its own idempotency key: a repeated key would replay an earlier answer instead of deciding again. */
let keys = 0;
const freshKeys = (body) => (body && typeof body === 'object' && 'requestKey' in body ? { ...body, requestKey: `authz-${(keys += 1)}-${Date.now()}` } : body);

// Refusals first, then allowed reads, then allowed writes; the persona's own lasting writes last.
const rank = (c) => (matches(LAST, c.o.path) ? 3 : c.expect !== 'allow' ? 0 : c.o.method === 'get' ? 1 : 2);
plan.sort((a, b) => rank(a) - rank(b));
const leaks = [];
const refused = [];
const errors = [];
for (const c of plan) {
  const body = c.o.method === 'get' ? undefined : freshKeys(bodyFor(c.o.op));
  const res = await send(c.o.method, c.url, { token: tokens[c.who], body });
  // A 404 refuses the object in the path only when nothing else named in the request could be missing.
  const got = outcome(res.status, res.text, paramsOf(c.o.path).length === 1 && !!c.id && !/"[0-9A-Za-z]{26}"/.test(JSON.stringify(body ?? {})));
  const detail = { method: c.o.method, path: c.o.path, who: c.who, kinds: c.o.kinds, url: c.url, body: JSON.stringify(body ?? null).slice(0, 160), status: res.status, answer: res.text.slice(0, 160) };
  if (got === 'error') errors.push(detail);
  else if (c.expect === 'deny401' && res.status !== 401) leaks.push(detail);
  else if (c.expect === 'deny' && got === 'allow') leaks.push(detail);
  else if (c.expect === 'allow' && got === 'deny') refused.push(detail);
}

await server.stop();
if (process.env.AUTHZ_VERBOSE) {
  const byRoute = new Map();
  for (const c of plan) byRoute.set(`${c.o.method.toUpperCase()} ${c.o.path}`, [...(byRoute.get(`${c.o.method.toUpperCase()} ${c.o.path}`) ?? []), `${c.who}:${c.rel ?? '-'}:${c.expect}`]);
  for (const [k, v] of byRoute) log(k, v.join(' '));
}
for (const l of leaks) log('leak', JSON.stringify(l));
for (const l of refused) log('refused', JSON.stringify(l));
for (const l of errors) log('error', JSON.stringify(l));
const perRoute = plan.length / Math.max(1, ops.length - undeclared.length);
console.log(JSON.stringify({ routes: ops.length, checks: plan.length, perRoute: Math.round(perRoute * 10) / 10, opened, leaks: leaks.length, refused: refused.length, errors: errors.length, undeclared: undeclared.length }));
process.exit(leaks.length + refused.length + errors.length + undeclared.length === 0 && opened > 0 ? 0 : 1);
