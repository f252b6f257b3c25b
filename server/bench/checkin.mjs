// Check-in under load on MariaDB: a meeting with 500 invitees who all scan the current rotating QR code
// over HTTP as they arrive, plus 500 scans with expired codes (signed 60 s ago), 100 forged codes and 100 scans by
// people not invited. Prints one JSON line. Needs DATABASE_URL=mysql://…/<db> (created if missing).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const { newId } = await import(join(dist, 'common/ids.js'));
const { signToken } = await import(join(dist, 'checkin/check-in-token.js'));
const { TokenService } = await import(join(dist, 'auth/token.service.js'));
const { DEMO_SECRETS } = await import(join(dist, 'config/config.js'));

const INVITED = 500, EXPIRED = 500, FORGED = 100, UNINVITED = 100, CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 25);
// People reach the door one by one: valid scans arrive at this rate (open loop), 500 in 5 s by default,
// twice the pace the 10 s requirement implies. The refused scans then run closed-loop, CONCURRENCY in flight.
const ARRIVALS_PER_SECOND = Number(process.env.BENCH_ARRIVALS_PER_SECOND || 100);
const url = process.env.DATABASE_URL;
if (!url || !/^(mysql|mariadb):\/\//.test(url)) throw new Error('set DATABASE_URL=mysql://root@127.0.0.1:3306/<fresh database>');
const log = (...a) => console.error('[bench checkin]', ...a);

const dbName = new URL(url).pathname.slice(1);
const admin = await mysql.createConnection(url.replace(/\/[^/]*$/, ''));
await admin.query(`CREATE DATABASE IF NOT EXISTS \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
await admin.end();

const port = await new Promise((res) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const base = `http://127.0.0.1:${port}`;
// BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under this load.
const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(dist, 'main.js')], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO_MODE: 'true', SEED_DEMO: 'true', LOG_LEVEL: 'warn', H5_DIR: '/nonexistent', RATE_LIMIT_WRITES_PER_MINUTE: '1000000', RATE_LIMIT_LOGIN_PER_MINUTE: '1000000' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => child.exitCode === null && child.kill('SIGTERM');
process.on('exit', stop);
for (const started = Date.now(); ; ) {
  try { if ((await fetch(`${base}/api/health`)).ok) break; } catch { /* not yet */ }
  if (Date.now() - started > 60_000) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 100));
}

async function call(method, path, token, body) {
  const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) }, body: body && JSON.stringify(body) });
  return { status: res.status, body: await res.json().catch(() => null) };
}

// People: 500 members of branch A's first group and 100 residents outside the branch, inserted directly.
const db = await mysql.createConnection(url);
const [[group]] = await db.query("SELECT g.id FROM org_nodes g JOIN org_nodes b ON b.id = g.parentId WHERE b.name = '幸福社区第一党支部' ORDER BY g.name LIMIT 1");
const makeUsers = (n, branchNodeId, tag) => Array.from({ length: n }, (_, i) => [newId(), `压测${tag}${i}`, branchNodeId, new Date(), new Date()]);
const invited = makeUsers(INVITED, group.id, '党员');
const outsiders = makeUsers(UNINVITED, null, '居民');
await db.query('INSERT INTO users (id, name, branchNodeId, createdAt, updatedAt) VALUES ?', [[...invited, ...outsiders]]);
const tokens = new TokenService({ JWT_SECRET: process.env.JWT_SECRET || DEMO_SECRETS.jwtSecret, ACCESS_TOKEN_TTL_SECONDS: 3600 });

const organiser = (await call('POST', '/api/auth/demo-login', null, { persona: 'organiser_a' })).body.accessToken;
const [[branch]] = await db.query("SELECT id FROM org_nodes WHERE name = '幸福社区第一党支部'");
const now = Date.now();
const meeting = await call('POST', '/api/meetings', organiser, {
  nodeId: branch.id, type: 'branch_general', title: '压测党员大会', address: '压测会场',
  startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3600_000).toISOString(),
  invitees: { kind: 'members', userIds: invited.map((u) => u[0]) },
});
if (meeting.status !== 201) throw new Error(`create meeting: ${meeting.status} ${JSON.stringify(meeting.body)}`);
const meetingId = meeting.body.id;
log(`meeting with ${meeting.body.counts.invited} invitees`);

let qr = (await call('GET', `/api/checkin/meeting/${meetingId}/qr`, organiser)).body;
const [[key]] = await db.query('SELECT secret FROM check_in_keys WHERE targetId = ?', [meetingId]);
// The invitation notices go out first (the outbox worker), as they would minutes before a real meeting.
for (const t0 = Date.now(); Date.now() - t0 < 60_000; await new Promise((r) => setTimeout(r, 250))) {
  const [[{ n }]] = await db.query("SELECT COUNT(*) AS n FROM outbox_messages WHERE status = 'pending' AND notBefore <= NOW(6)");
  if (Number(n) === 0) break;
}
// Context for the latency figures: one durable commit (fsync) on this server right now.
await db.query('CREATE TABLE IF NOT EXISTS bench_probe (id int) ENGINE=InnoDB');
const probe = [];
for (let i = 0; i < 20; i++) { const t0 = performance.now(); await db.query('START TRANSACTION'); await db.query('INSERT INTO bench_probe VALUES (1)'); await db.query('COMMIT'); probe.push(performance.now() - t0); }
const commitP50Ms = Math.round(probe.sort((a, b) => a - b)[10] * 10) / 10;
await db.query('DROP TABLE bench_probe');
await db.end();
// The organiser's screen keeps fetching the current code, as the QR page does.
const refresher = setInterval(async () => { const r = await call('GET', `/api/checkin/meeting/${meetingId}/qr`, organiser); if (r.status === 200) qr = r.body; }, 2000);

async function runAll(jobs) {
  const out = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const t0 = performance.now();
      const res = await call('POST', '/api/checkin/redeem', job.auth, { token: job.token(), nonce: randomBytes(12).toString('base64url') });
      out.push({ ms: performance.now() - t0, ok: res.status === 200, code: res.body?.code });
    }
  }));
  return out;
}

/** Each job starts at its own arrival time, whether or not earlier ones have finished. */
async function arriveAll(jobs) {
  const t0 = performance.now();
  return Promise.all(jobs.map(async (job, i) => {
    const due = t0 + (i * 1000) / ARRIVALS_PER_SECOND;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    const start = performance.now();
    const res = await call('POST', '/api/checkin/redeem', job.auth, { token: job.token(), nonce: randomBytes(12).toString('base64url') });
    return { ms: performance.now() - start, ok: res.status === 200, code: res.body?.code };
  }));
}

const auth = (u) => tokens.signAccess(u[0]);
const started = performance.now();
const valid = await arriveAll(invited.map((u) => ({ auth: auth(u), token: () => qr.token })));
const validWallMs = performance.now() - started;
const expiredToken = signToken(key.secret, 'meeting', meetingId, new Date(Date.now() - 60_000));
const expired = await runAll(invited.slice(0, EXPIRED).map((u) => ({ auth: auth(u), token: () => expiredToken })));
const forged = await runAll(Array.from({ length: FORGED }, (_, i) => ({ auth: auth(invited[i]), token: () => signToken(randomBytes(16).toString('hex'), 'meeting', meetingId, new Date()) })));
const uninvited = await runAll(outsiders.map((u) => ({ auth: auth(u), token: () => qr.token })));
clearInterval(refresher);
stop();

const sorted = valid.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
const codes = (rs) => [...new Set(rs.filter((r) => !r.ok).map((r) => r.code))];
console.log(JSON.stringify({
  scans: valid.length,
  accepted: valid.filter((r) => r.ok).length,
  expiredAccepted: expired.filter((r) => r.ok).length,
  forgedAccepted: forged.filter((r) => r.ok).length,
  uninvitedAccepted: uninvited.filter((r) => r.ok).length,
  p50Ms: pct(50),
  p99Ms: pct(99),
  wallMs: Math.round(validWallMs),
  dbCommitP50Ms: commitP50Ms,
  arrivalsPerSecond: ARRIVALS_PER_SECOND,
  refusedConcurrency: CONCURRENCY,
  refusals: { expired: codes(expired), forged: codes(forged), uninvited: codes(uninvited) },
}));
process.exit(0);
