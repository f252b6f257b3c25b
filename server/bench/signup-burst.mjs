// 2,000 distinct users sign up at once over HTTP for one activity of 100 places, on MariaDB.
// Prints one JSON line: seats confirmed, waitlisted, overbooked (must be 0), 5xx count, throughput
// and p99, and `bareDbRps`: the same insert + conditional UPDATE done by a bare mysql2 pool in the
// same run, so `ratio` shows what HTTP, auth and the engine cost on top of the database.
// Usage: DATABASE_URL=mysql://root@127.0.0.1:3306/<db> npm run bench -- signup-burst
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { httpClient, newId, outboxDrained, startServer } from './lib/cluster.mjs';

const USERS = Number(process.env.BENCH_USERS ?? 2000);
const SEATS = Number(process.env.BENCH_SEATS ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 39_210);
const POOL = 20; // the server's connection pool size (database/data-source.ts), used for the bare loop too
const log = (...a) => console.error('[signup-burst]', ...a);

const dbUrl = new URL(process.env.DATABASE_URL ?? `mysql://root@127.0.0.1:3306/hl_bench_${Date.now()}`);
const dbName = dbUrl.pathname.slice(1);
const server = `${dbUrl.protocol}//${dbUrl.username ? `${dbUrl.username}${dbUrl.password ? `:${dbUrl.password}` : ''}@` : ''}${dbUrl.host}`;
{
  const admin = await mysql.createConnection(server);
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
}

log('starting server on', dbName);
// BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under this load (bench/lib/cluster.mjs).
const running = await startServer({ port: PORT, env: { DATABASE_URL: `${server}/${dbName}` } });
const base = `http://127.0.0.1:${PORT}/api`;
try {
  const db = mysql.createPool({ uri: `${server}/${dbName}`, connectionLimit: POOL, timezone: 'Z' });
  const [[community]] = await db.query("SELECT id, path FROM org_nodes WHERE kind = 'community' AND name = '幸福社区'");
  const [[building]] = await db.query('SELECT id FROM org_nodes WHERE path LIKE ? AND kind = ? LIMIT 1', [`${community.path}%`, 'building']);
  const tag = randomBytes(3).toString('hex');
  const users = Array.from({ length: USERS }, (_, i) => ({ id: newId(), persona: `b${tag}_${i}` }));
  for (let i = 0; i < users.length; i += 500) {
    const chunk = users.slice(i, i + 500);
    await db.query(
      'INSERT INTO users (id, name, birthYear, residenceNodeId, elderMode, disabled, demoPersona, privacyVersion, privacyAcceptedAt) VALUES ?',
      [chunk.map((u, j) => [u.id, `压测${i + j}`, 1985, building.id, 0, 0, u.persona, '2026-11-01', new Date()])],
    );
  }
  log(`inserted ${USERS} users; logging them in`);
  // Like a load balancer: a bounded pool of keep-alive connections; requests beyond it queue here,
  // and that wait counts in their latency.
  const client = httpClient();
  const post = (path, token, body) => client.request(`${base}${path}`, { token, body });
  const tokens = [];
  for (let i = 0; i < users.length; i += 100) {
    const login = async (u) => {
      for (let attempt = 0; ; attempt++) {
        const r = await post('/auth/demo-login', null, { persona: u.persona });
        if (r.status !== 599 || attempt >= 3) return r;
      }
    };
    const batch = await Promise.all(users.slice(i, i + 100).map(login));
    for (const r of batch) {
      if (r.status !== 200) throw new Error(`demo login failed: ${r.status} ${JSON.stringify(r.body)}`);
      tokens.push(r.body.accessToken);
    }
  }
  const organiser = (await post('/auth/demo-login', null, { persona: 'grid_worker' })).body.accessToken;
  const hour = 3_600_000;
  const activity = await post('/activities', organiser, {
    communityId: community.id,
    title: '压测活动',
    category: 'talk',
    place: '会议室',
    startsAt: new Date(Date.now() + 48 * hour).toISOString(),
    endsAt: new Date(Date.now() + 50 * hour).toISOString(),
    capacity: SEATS,
    maxCompanions: 0,
  });
  if (activity.status !== 201) throw new Error(`create activity failed: ${activity.status} ${JSON.stringify(activity.body)}`);

  client.reset(); // a socket left idle past the server's keep-alive timeout may be reset
  log(`burst: ${USERS} sign-ups at once for ${SEATS} places`);
  const started = performance.now();
  const results = await Promise.all(tokens.map((t) => post(`/activities/${activity.body.id}/signup`, t, {})));
  const wallMs = performance.now() - started;
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const [[slot]] = await db.query('SELECT id, capacity, taken FROM enrollment_slots WHERE ownerId = ?', [activity.body.id]);
  const [counts] = await db.query('SELECT status, COUNT(*) AS n, SUM(seats) AS seats FROM enrollments WHERE slotId = ? GROUP BY status', [slot.id]);
  const by = Object.fromEntries(counts.map((c) => [c.status, { n: Number(c.n), seats: Number(c.seats) }]));
  const held = ['registered', 'confirmed', 'offered', 'attended', 'missed'].reduce((s, k) => s + (by[k]?.seats ?? 0), 0);

  // The bare database doing the same work: per sign-up one transaction with the insert and the conditional UPDATE.
  // On a quiet database: first the server's outbox worker finishes delivering the burst's notices, which
  // would otherwise slow the bare loop down and flatter the ratio.
  await outboxDrained(db);
  log('bare mysql2 loop');
  const bareSlot = newId();
  await db.query('INSERT INTO enrollment_slots (id, ownerType, ownerId, nodeId, nodePath, title, startsAt, endsAt, signupOpensAt, signupClosesAt, cancelDeadline, capacity, eligibility) VALUES (?, ?, ?, ?, ?, ?, NOW(), NOW(), NOW(), NOW(), NOW(), ?, NULL)', [bareSlot, 'bench', newId(), community.id, community.path, 'bare', SEATS]);
  const bareStarted = performance.now();
  await Promise.all(
    users.map(async (u) => {
      const c = await db.getConnection();
      try {
        await c.beginTransaction();
        await c.query('INSERT INTO enrollments (id, slotId, userId, companions, seats, status) VALUES (?, ?, ?, ?, 1, ?)', [newId(), bareSlot, u.id, '[]', 'confirmed']);
        const [r] = await c.query('UPDATE enrollment_slots SET taken = taken + 1 WHERE id = ? AND taken + 1 <= capacity - reserved', [bareSlot]);
        if (r.affectedRows !== 1) await c.query("UPDATE enrollments SET status = 'waitlisted' WHERE slotId = ? AND userId = ?", [bareSlot, u.id]);
        await c.commit();
      } finally {
        c.release();
      }
    }),
  );
  const bareDbRps = USERS / ((performance.now() - bareStarted) / 1000);
  await db.end();

  const rps = USERS / (wallMs / 1000);
  console.log(
    JSON.stringify({
      requests: USERS,
      seats: SEATS,
      confirmed: by.confirmed?.seats ?? 0,
      waitlisted: by.waitlisted?.n ?? 0,
      overbooked: Math.max(0, held - SEATS),
      counterAgrees: Number(slot.taken) === held,
      errors5xx: results.filter((r) => r.status >= 500).length, // 599: transport error
      errors4xx: results.filter((r) => r.status >= 400 && r.status < 500).length,
      rps: Math.round(rps),
      p50Ms: Math.round(latencies[Math.floor(latencies.length * 0.5)]),
      p99Ms: Math.round(latencies[Math.floor(latencies.length * 0.99)]),
      bareDbRps: Math.round(bareDbRps),
      ratio: Math.round((rps / bareDbRps) * 100) / 100,
    }),
  );
} finally {
  await running.kill();
}
