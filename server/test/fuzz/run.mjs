// `npm run test:fuzz`: at least 20,000 malformed and hostile requests across every route of the
// OpenAPI document, as anonymous, a resident, a Party member, an organiser and an admin, against the
// built server on a fresh SQLite file (or DATABASE_URL). Fails on any 5xx, a crash, or a 2xx answer
// to a value the route's own schema forbids. Prints one JSON line.
//
// Reproducible: it runs a fixed list of seeds (every seed that ever found something stays in FIXED_SEEDS)
// plus one random seed, printed. A finding prints its seed and route; replay it with
//   npm run test:fuzz -- --seed N --route /api/notifications/read
import { demoLogin, send as sendTo, spawnServer } from '../support/spawn-server.mjs';
import { propertyMutations, rng, validValue } from './schema-values.mjs';

/** Seeds that found something (600096: POST /notifications/read {"ids":[]} was a MariaDB 500) and a few more. */
const FIXED_SEEDS = [600096, 1, 20261207, 777];
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ONLY_SEED = arg('seed') ?? process.env.FUZZ_SEED;
const ONLY_ROUTE = arg('route');
const SEEDS = ONLY_SEED !== undefined ? [Number(ONLY_SEED)] : [...FIXED_SEEDS, Date.now() % 1_000_000];
/** Requests in all (spread over the seeds); a replay of one route stops after one pass. */
const MIN_REQUESTS = Number(arg('requests') ?? process.env.FUZZ_REQUESTS ?? 20000);
const PERSONAS = ['resident', 'party_member', 'organiser_a', 'admin'];
// Routes that end the caller's own session or account: fuzzed with a throwaway login, not a persona's.
const SELF_ENDING = [/\/auth\/logout$/, /\/me$/];
const log = (...a) => console.error('[fuzz]', ...a);
let seed = SEEDS[0];
let r = rng(seed);

const server = await spawnServer('fuzz');
let crashed = 0;
server.child.on('exit', (code) => {
  if (!server.stopping) crashed += 1;
  log(`server exited with ${code}`);
});
const child = server.child;
const send = (method, path, opts) => sendTo(server.base, method, path, opts);

const login = (persona) => demoLogin(server.base, persona);
const tokens = { anonymous: undefined };
for (const p of PERSONAS) tokens[p] = await login(p);
const doc = JSON.parse((await send('get', '/api/docs-json')).text);

// Real ids from what the personas can list, so mutations reach past "not found" into the services.
const ids = new Set();
const ops = [];
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) ops.push({ path, method, op });
}
const exact = ops.filter((o) => o.path === ONLY_ROUTE);
const fuzzed = !ONLY_ROUTE ? ops : exact.length ? exact : ops.filter((o) => o.path.includes(ONLY_ROUTE));
if (!fuzzed.length) {
  log(`no route matches ${ONLY_ROUTE}`);
  process.exit(2);
}
for (const { path, method } of ops) {
  if (method !== 'get' || path.includes('{')) continue;
  for (const p of PERSONAS) {
    const res = await send('get', path, { token: tokens[p] });
    for (const m of res.text.matchAll(/"([0-9a-z]{26})"/g)) ids.add(m[1]);
  }
}
const idList = [...ids];
log(`${fuzzed.length} of ${ops.length} operations, ${idList.length} real ids, seeds ${SEEDS.join(', ')}`);

const BAD_PATH_VALUES = ['1', '0'.repeat(26), 'x'.repeat(5000), "1' OR '1'='1", '..%2F..%2Fetc%2Fpasswd', '%00', '%F0%9F%98%80', '-1', 'null'];
let route = '';
let pass = 0;
const results = { requests: 0, server5xx: 0, crashes: 0, acceptedInvalid: 0, invalidSent: 0 };
const failures = [];

function fillPath(path, mode) {
  return path.replace(/\{[^}]+\}/g, () => (mode === 'bad' ? r.pick(BAD_PATH_VALUES) : idList.length && r.next() < 0.85 ? r.pick(idList) : '0'.repeat(26)));
}

/** A lone surrogate can't be percent-encoded as UTF-8: send the bytes of one (invalid UTF-8) instead. */
function encodeText(s) {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

function queryString(op, mutateName, mutateValue) {
  const parts = [];
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query') continue;
    let v = p.name === mutateName ? mutateValue : p.required || r.next() < 0.5 ? validValue(p.schema ?? {}, r, idList) : undefined;
    if (v === undefined) continue;
    if (typeof v === 'object') v = JSON.stringify(v);
    parts.push(`${encodeURIComponent(p.name)}=${encodeText(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

async function fire(kind, method, path, opts, mustRefuse) {
  const persona = opts.persona ?? r.pick(['anonymous', ...PERSONAS]);
  const res = await send(method, path, { ...opts, token: opts.token ?? tokens[persona] });
  results.requests += 1;
  if (mustRefuse) results.invalidSent += 1;
  const detail = { seed, pass, route, kind, method: method.toUpperCase(), path, persona, status: res.status, sent: (opts.raw ?? JSON.stringify(opts.body ?? null))?.slice(0, 200), answer: res.text.slice(0, 300) };
  if (res.status >= 500) {
    results.server5xx += 1;
    failures.push(detail);
  } else if (mustRefuse && res.status < 400) {
    results.acceptedInvalid += 1;
    failures.push({ ...detail, why: 'accepted a value its schema forbids' });
  }
}

/** Each (seed, route, pass) has its own generator, so one route's requests can be replayed alone. */
function hash(text) {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0), 16777619);
  return h >>> 0;
}

async function fuzzOperation({ path, method, op }) {
  route = `${method.toUpperCase()} ${path}`;
  r = rng((seed ^ hash(route) ^ Math.imul(pass, 2654435761)) >>> 0);
  const selfEnding = SELF_ENDING.some((re) => re.test(path)) && method !== 'get';
  const persona = selfEnding ? undefined : r.pick(['anonymous', ...PERSONAS]);
  const token = selfEnding ? await login(r.pick(PERSONAS)) : undefined;
  const as = { persona, token };
  const schema = op.requestBody?.content?.['application/json']?.schema;
  const url = () => fillPath(path, 'good') + queryString(op);
  // Path parameters that are not ids at all.
  if (path.includes('{')) await fire('bad-path', method, fillPath(path, 'bad'), { ...as, body: schema ? validValue(schema, r, idList) : undefined }, false);
  // Query parameters, one at a time (query strings are text, so only a 5xx is a bug here).
  for (const p of (op.parameters ?? []).filter((x) => x.in === 'query')) {
    for (const [value] of propertyMutations(p.schema ?? {}, !!p.required, r)) {
      await fire('query', method, fillPath(path, 'good') + queryString(op, p.name, value ?? ''), as, false);
    }
  }
  if (method === 'get') return;
  // Bodies that are not an object at all, JSON that does not parse, the wrong content type.
  for (const raw of ['{"a":', 'null', '[]', '"text"', '12', '{"__proto__":{"admin":true}}', '\u0000\u0001', '{}'.padEnd(200_000, ' ')]) {
    await fire('raw-body', method, url(), { ...as, raw }, schema?.type === 'object' && raw !== '{}'.padEnd(200_000, ' ') && ['null', '[]', '"text"', '12'].includes(raw));
  }
  await fire('content-type', method, url(), { ...as, raw: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }, false);
  if (schema?.type === 'object') {
    // Duplicated keys: JSON.parse keeps the last one, so the junk must still be judged by the schema.
    const body = JSON.stringify(validValue(schema, r, idList));
    const key = Object.keys(schema.properties ?? {})[0];
    if (key && body.length > 2) await fire('duplicate-key', method, url(), { ...as, raw: `{"${key}":{"$gt":""},${body.slice(1)}` }, false);
  }
  await fire('content-type', method, url(), { ...as, raw: 'hello', contentType: 'text/plain' }, false);
  if (!schema || schema.type !== 'object') {
    await fire('valid', method, url(), { ...as, body: {} }, false);
    return;
  }
  // A plausible body, then each property broken in each way, then an unknown property.
  await fire('valid', method, url(), { ...as, body: validValue(schema, r, idList) }, false);
  for (const [name, propSchema] of Object.entries(schema.properties ?? {})) {
    for (const [value, invalid] of propertyMutations(propSchema, (schema.required ?? []).includes(name), r)) {
      const body = validValue(schema, r, idList);
      if (value === undefined) delete body[name];
      else body[name] = value;
      await fire('property', method, url(), { ...as, body }, invalid);
    }
  }
  if (schema.additionalProperties === false) await fire('extra-property', method, url(), { ...as, body: { ...validValue(schema, r, idList), isAdmin: true } }, true);
}

const started = Date.now();
const ONLY_PASS = arg('pass');
for (const [i, s] of SEEDS.entries()) {
  seed = s;
  pass = Number(ONLY_PASS ?? 0);
  const target = ONLY_ROUTE ? 0 : Math.round((MIN_REQUESTS * (i + 1)) / SEEDS.length);
  do {
    for (const o of fuzzed) {
      await fuzzOperation(o);
      if (child.exitCode !== null) break;
    }
    pass += 1;
  } while (results.requests < target && child.exitCode === null);
}
const healthy = (await send('get', '/api/health')).status === 200;
results.crashes = crashed + (healthy ? 0 : 1);
await server.stop();

// One example per route and kind of failure, then the count of the rest.
const seen = new Map();
for (const f of failures) {
  const key = `${f.method} ${f.path.replace(/[0-9a-z]{26}/g, ':id').replace(/\?.*$/, '')} ${f.why ?? f.status}`;
  seen.set(key, [...(seen.get(key) ?? []), f]);
}
for (const [key, list] of seen) {
  log(`${list.length}× ${key}: ${JSON.stringify(list[0])}`);
  const f = list[0];
  log(`  replay: npm run test:fuzz -- --seed ${f.seed} --pass ${f.pass} --route '${f.route.split(' ')[1]}'`);
}
console.log(JSON.stringify({ ...results, seeds: SEEDS, operations: fuzzed.length, seconds: Math.round((Date.now() - started) / 1000) }));
process.exit(results.server5xx === 0 && results.crashes === 0 && results.acceptedInvalid === 0 ? 0 : 1);
