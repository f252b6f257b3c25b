// 一键动员 at scale, on MariaDB: a call for 50 people targets 5,000 matching members (volunteers with
// the 手语 skill, bulk-inserted), the outbox worker delivers the notices, then 1,000 of them accept at
// once over HTTP. Prints one JSON line: targeted, notified (inbox items within 10 s of the call),
// duplicateNotifications, accepted, overfilled (must be 0), fanoutMs (the launch request, which writes
// every answer row and outbox row in one transaction), notifiedMs and acceptP99Ms.
// Usage: DATABASE_URL=mysql://root@127.0.0.1:3306/<db> npm run bench -- mobilise
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { httpClient, newId, startServer } from './lib/cluster.mjs';

const TARGETS = Number(process.env.BENCH_TARGETS ?? 5000);
const ACCEPTORS = Number(process.env.BENCH_ACCEPTORS ?? 1000);
const NEEDED = Number(process.env.BENCH_NEEDED ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 39_230);
const WINDOW_MS = 10_000;
const log = (...a) => console.error('[mobilise]', ...a);

const dbUrl = new URL(process.env.DATABASE_URL ?? `mysql://root@127.0.0.1:3306/hl_bench_mob_${Date.now()}`);
const dbName = dbUrl.pathname.slice(1);
const server = `${dbUrl.protocol}//${dbUrl.username ? `${dbUrl.username}${dbUrl.password ? `:${dbUrl.password}` : ''}@` : ''}${dbUrl.host}`;
{
  const admin = await mysql.createConnection(server);
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
}

log('starting server on', dbName);
// BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under this load (bench/lib/cluster.mjs).
const running = await startServer({ port: PORT, env: { DATABASE_URL: `${server}/${dbName}`, OUTBOX_POLL_MS: process.env.OUTBOX_POLL_MS ?? '200' } });
const base = `http://127.0.0.1:${PORT}/api`;
try {
  const db = mysql.createPool({ uri: `${server}/${dbName}`, connectionLimit: 10, timezone: 'Z' });
  const [[community]] = await db.query("SELECT id, path FROM org_nodes WHERE kind = 'community' AND name = '幸福社区'");
  const [buildings] = await db.query('SELECT id FROM org_nodes WHERE path LIKE ? AND kind = ?', [`${community.path}%`, 'building']);
  const tag = randomBytes(3).toString('hex');
  const users = Array.from({ length: TARGETS }, (_, i) => ({ id: newId(), persona: `m${tag}_${i}` }));
  for (let i = 0; i < users.length; i += 500) {
    const chunk = users.slice(i, i + 500);
    await db.query(
      'INSERT INTO users (id, name, birthYear, residenceNodeId, elderMode, disabled, demoPersona, privacyVersion, privacyAcceptedAt) VALUES ?',
      [chunk.map((u, j) => [u.id, `动员${i + j}`, 1985, buildings[(i + j) % buildings.length].id, 0, 0, u.persona, '2026-11-01', new Date()])],
    );
    // Only these people know sign language (手语): the call's skill filter selects exactly them.
    await db.query('INSERT INTO volunteer_profiles (id, userId, skills, availability, gridIds) VALUES ?', [chunk.map((u) => [newId(), u.id, '["手语"]', '[]', '[]'])]);
  }
  log(`inserted ${TARGETS} volunteers; logging in ${ACCEPTORS}`);

  const client = httpClient();
  const post = (path, token, body) => client.request(`${base}${path}`, { token, body });
  const tokens = [];
  for (let i = 0; i < ACCEPTORS; i += 100) {
    const batch = await Promise.all(users.slice(i, i + 100).map((u) => post('/auth/demo-login', null, { persona: u.persona })));
    for (const r of batch) {
      if (r.status !== 200) throw new Error(`demo login failed: ${r.status} ${JSON.stringify(r.body)}`);
      tokens.push(r.body.accessToken);
    }
  }
  const organiser = (await post('/auth/demo-login', null, { persona: 'grid_worker' })).body.accessToken;
  const hour = 3_600_000;
  const campaign = await post('/volunteering/campaigns', organiser, {
    nodeId: community.id,
    title: '压测防汛',
    category: 'flood',
    startsAt: new Date(Date.now() - hour).toISOString(),
    endsAt: new Date(Date.now() + 30 * 24 * hour).toISOString(),
  });
  if (campaign.status !== 201) throw new Error(`campaign failed: ${campaign.status} ${JSON.stringify(campaign.body)}`);

  log(`launching a call for ${NEEDED}`);
  const callStarted = performance.now();
  const call = await post('/volunteering/mobilisations', organiser, {
    campaignId: campaign.body.id,
    title: '紧急转移低洼住户',
    place: '幸福桥头',
    startsAt: new Date(Date.now() + 2 * hour).toISOString(),
    endsAt: new Date(Date.now() + 5 * hour).toISOString(),
    deadline: new Date(Date.now() + hour).toISOString(),
    needed: NEEDED,
    skills: ['手语'],
  });
  const fanoutMs = call.ms;
  if (call.status !== 201) throw new Error(`launch failed: ${call.status} ${JSON.stringify(call.body)}`);
  const callId = call.body.id;
  const [[{ targeted }]] = await db.query('SELECT targeted FROM mobilisation_calls WHERE id = ?', [callId]);
  const delivered = async () => {
    const [[row]] = await db.query("SELECT COUNT(*) AS n FROM mobilisation_answers a JOIN outbox_messages o ON o.dedupeKey = a.noticeKey JOIN inbox_items i ON i.outboxId = o.id WHERE a.callId = ?", [callId]);
    return Number(row.n);
  };
  let notified = 0;
  let notifiedMs = null;
  while (performance.now() - callStarted < WINDOW_MS) {
    notified = await delivered();
    if (notified >= targeted) {
      notifiedMs = Math.round(performance.now() - callStarted);
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`notified ${notified}/${targeted} within ${WINDOW_MS} ms`);
  // Past the window: how long the outbox worker takes to deliver every notice (up to a minute).
  let allNotifiedMs = notifiedMs;
  while (allNotifiedMs === null && performance.now() - callStarted < 60_000) {
    if ((await delivered()) >= targeted) allNotifiedMs = Math.round(performance.now() - callStarted);
    else await new Promise((r) => setTimeout(r, 200));
  }
  log(`${ACCEPTORS} accept at once`);

  client.reset();
  const results = await Promise.all(tokens.map((t) => post(`/volunteering/mobilisations/${callId}/answer`, t, { answer: 'accept' })));
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const [[slot]] = await db.query("SELECT s.id, s.capacity, s.taken FROM enrollment_slots s JOIN volunteer_shifts v ON v.slotId = s.id WHERE v.callId = ?", [callId]);
  const [[held]] = await db.query("SELECT COUNT(*) AS n FROM enrollments WHERE slotId = ? AND status IN ('registered','confirmed','offered','attended','missed')", [slot.id]);
  const [[dups]] = await db.query(
    "SELECT COUNT(*) - COUNT(DISTINCT o.userId) AS d FROM outbox_messages o JOIN inbox_items i ON i.outboxId = o.id WHERE o.dedupeKey LIKE ?",
    [`mob:${callId}:%`],
  );
  const [[answers]] = await db.query("SELECT SUM(answer = 'accepted') AS accepted, SUM(answer = 'full') AS full FROM mobilisation_answers WHERE callId = ?", [callId]);
  await db.end();
  log(`outcomes: ${JSON.stringify(results.reduce((m, r) => ((m[r.body?.outcome ?? r.status] = (m[r.body?.outcome ?? r.status] ?? 0) + 1), m), {}))}`);
  console.log(
    JSON.stringify({
      targeted: Number(targeted),
      notified,
      duplicateNotifications: Number(dups.d),
      accepted: Number(held.n),
      overfilled: Math.max(0, Number(held.n) - NEEDED),
      fanoutMs: Math.round(fanoutMs),
      notifiedMs,
      allNotifiedMs,
      acceptP99Ms: Math.round(latencies[Math.floor(latencies.length * 0.99)]),
      acceptP50Ms: Math.round(latencies[Math.floor(latencies.length * 0.5)]),
      answersAccepted: Number(answers.accepted),
      answersFull: Number(answers.full),
      counterAgrees: Number(slot.taken) === Number(held.n),
      errors5xx: results.filter((r) => r.status >= 500).length,
    }),
  );
} finally {
  await running.kill();
}
