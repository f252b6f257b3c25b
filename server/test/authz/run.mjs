// `npm run test:authz`: walks every route of the OpenAPI document for every role — anonymous, resident,
// Party member, organiser (and treasurer) of branch A, organiser of branch B, admin — against resources
// of their own organisation and of another, and asserts the expected allow / deny:
//   1. anonymous gets 401 on every route that is not public;
//   2. people without a management role get 403/404 on the organiser side (/api/org/…);
//   3. for each pair (X, Y) of personas in different organisations, a resource X can open and Y cannot
//      list is refused to Y — on the route that reads it and on every write under the same path;
//   4. and X really can open it (so the check is not vacuous).
// A "leak" is any answer that allows what should be denied. Prints one JSON line; exits 1 on a leak.
import { demoLogin, send as sendTo, spawnServer } from '../support/spawn-server.mjs';
import { rng, validValue } from '../fuzz/schema-values.mjs';
import { MANAGER_LISTS, MANAGER_PAIRS, OPEN_TO_ALL_MEMBERS, ORG_ROUTES_FOR_EVERYONE, PAIRS, PERSONAS, PUBLIC_READS, WRITES_FOR_EVERYONE } from './expectations.mjs';

const log = (...a) => console.error('[authz]', ...a);
const r = rng(7);
const server = await spawnServer('authz');
const send = (method, path, opts) => sendTo(server.base, method, path, opts);
const tokens = Object.fromEntries(await Promise.all(PERSONAS.map(async (p) => [p, await demoLogin(server.base, p)])));
const doc = JSON.parse((await send('get', '/api/docs-json')).text);
const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
const matches = (list, path) => list.some((p) => (p instanceof RegExp ? p.test(path) : p === path));

let checks = 0;
const leaks = [];
const expectDenied = (what, res, detail) => {
  checks += 1;
  if (res.status < 400 || res.status >= 500) leaks.push({ what, status: res.status, ...detail, answer: res.text.slice(0, 200) });
};

// What each persona can see by listing: every id in the answers of the routes without path parameters;
// and what they manage: the ids in the organiser-side lists alone.
const visible = Object.fromEntries(PERSONAS.map((p) => [p, new Set()]));
const managed = Object.fromEntries(PERSONAS.map((p) => [p, new Set()]));
for (const { path, method } of ops) {
  if (method !== 'get' || path.includes('{')) continue;
  for (const p of PERSONAS) {
    for (const m of (await send('get', path, { token: tokens[p] })).text.matchAll(/"([0-9a-z]{26})"/g)) {
      visible[p].add(m[1]);
      if (matches(MANAGER_LISTS, path)) managed[p].add(m[1]);
    }
  }
}
const anyId = [...visible.admin][0] ?? '0'.repeat(26);
const fill = (path, id) => path.replace(/\{[^}]+\}/g, id);
const bodyFor = (op) => {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  return schema ? validValue(schema, r, []) : {};
};

// 1 and 2: who may call at all.
for (const { path, method, op } of ops) {
  const url = fill(path, anyId);
  if (op.security?.length) {
    const res = await send(method, url, { body: method === 'get' ? undefined : bodyFor(op) });
    checks += 1;
    if (res.status !== 401) leaks.push({ what: 'anonymous allowed', method, path, status: res.status, answer: res.text.slice(0, 200) });
  }
  if (path.startsWith('/api/org/') && !matches(ORG_ROUTES_FOR_EVERYONE, path)) {
    for (const p of ['resident', 'party_member']) {
      expectDenied('organiser side open to a member without a role', await send(method, url, { token: tokens[p], body: method === 'get' ? undefined : bodyFor(op) }), { method, path, persona: p });
    }
  }
}

// 3 and 4: across organisations. Readable resources first, then every write under the same path.
const single = ops.filter(({ path }) => (path.match(/\{/g) ?? []).length === 1);
const reads = single.filter((o) => o.method === 'get');
const writes = single.filter((o) => o.method !== 'get' && !matches(WRITES_FOR_EVERYONE, o.path));
let opened = 0;
for (const [x, y] of PAIRS) {
  const exclusive = [...visible[x]].filter((id) => !visible[y].has(id));
  for (const read of reads) {
    const prefix = read.path.slice(0, read.path.indexOf('}') + 1);
    const id = await firstOpenable(read.path, x, exclusive);
    if (!id) continue;
    opened += 1;
    if (process.env.AUTHZ_VERBOSE) log(`${x} opens ${read.path}; ${y} must not`);
    const open = matches(PUBLIC_READS, read.path) || matches(OPEN_TO_ALL_MEMBERS, read.path);
    if (!open) expectDenied(`${y} reads what only ${x} may`, await send('get', fill(read.path, id), { token: tokens[y] }), { method: 'get', path: read.path, persona: y });
    for (const w of writes.filter((o) => o.path.startsWith(prefix))) {
      expectDenied(`${y} writes what only ${x} may`, await send(w.method, fill(w.path, id), { token: tokens[y], body: bodyFor(w.op) }), { method: w.method, path: w.path, persona: y });
    }
  }
}

// Organiser actions on resources everyone may read (an activity): the other organisation's organiser
// may read it but must not change it.
for (const [x, y] of MANAGER_PAIRS) {
  const exclusive = [...managed[x]].filter((id) => !managed[y].has(id));
  for (const read of reads) {
    const prefix = read.path.slice(0, read.path.indexOf('}') + 1);
    const under = writes.filter((o) => o.path.startsWith(prefix));
    if (!under.length) continue;
    const id = await firstOpenable(read.path, x, exclusive);
    if (!id) continue;
    opened += 1;
    if (process.env.AUTHZ_VERBOSE) log(`${x} manages ${read.path}; ${y} must not change it`);
    for (const w of under) {
      expectDenied(`${y} changes what only ${x} manages`, await send(w.method, fill(w.path, id), { token: tokens[y], body: bodyFor(w.op) }), { method: w.method, path: w.path, persona: y });
    }
  }
}

/** The first of X's own ids this read route opens for X (tries a bounded number). */
async function firstOpenable(path, x, ids) {
  for (const id of ids.slice(0, 60)) {
    const res = await send('get', fill(path, id), { token: tokens[x] });
    if (res.status === 200) return id;
  }
  return null;
}

await server.stop();
for (const l of leaks) log(JSON.stringify(l));
console.log(JSON.stringify({ routes: ops.length, checks, opened, leaks: leaks.length }));
process.exit(leaks.length === 0 && opened > 0 ? 0 : 1);
