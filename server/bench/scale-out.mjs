// Scale-out: two server instances on different ports share one MariaDB and one Redis (outbox queue,
// rate limits). A sign-up burst goes first to one instance, then (for a second activity) spread over
// both; the invariants must hold either way, and a QR check-in code shown by one instance must be
// accepted by the other. Prints throughput for one and two instances and the invariants.
// Usage: npm run bench -- scale-out   (MariaDB at 127.0.0.1:3306, Redis at REDIS_URL or 127.0.0.1:6379)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivity, duplicateDeliveries, freshDatabase, httpClient, ledgerMismatches, log as logger, outboxDrained, seedResidents, slotInvariants, startFakes, startServer } from './lib/cluster.mjs';

const USERS = Number(process.env.BENCH_USERS ?? 2000);
const SEATS = Number(process.env.BENCH_SEATS ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 39_240);
const log = logger('scale-out');

const db = await freshDatabase('hl_scale');
const fakes = await startFakes();
// The shared volume uploads go to (UPLOAD_DIR), as two instances behind one address need.
const uploads = mkdtempSync(join(tmpdir(), 'hl-scale-uploads-'));
const env = { DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', UPLOAD_DIR: uploads, ...fakes.env };
// One after the other: the first migrates and seeds the empty database.
const a = await startServer({ port: PORT, env, name: 'instance A' });
const b = await startServer({ port: PORT + 1, env, name: 'instance B' });
const client = httpClient();
try {
  const { users, branch } = await seedResidents(db.pool, fakes, USERS, { partyBranch: true });
  const qr = await crossInstanceQr(users.slice(0, 2), branch);
  log(`QR check-in across instances: ${JSON.stringify(qr)}`);
  const coverCrossServed = await crossInstanceCover();

  // Both instances warm (JIT, pools) before anything is timed.
  const warm = await createActivity(client, a.base, fakes, db.pool, 10);
  await Promise.all(users.slice(0, 200).map((u, i) => client.request(`${(i % 2 ? b : a).base}/api/activities/${warm.id}/signup`, { token: fakes.token(u.id), body: {} })));

  const runs = [];
  for (const instances of [[a], [a, b]]) {
    const activity = await createActivity(client, a.base, fakes, db.pool, SEATS);
    client.reset();
    log(`${USERS} sign-ups for ${SEATS} places over ${instances.length} instance(s)`);
    const t0 = performance.now();
    const results = await Promise.all(users.map((u, i) => client.request(`${instances[i % instances.length].base}/api/activities/${activity.id}/signup`, { token: fakes.token(u.id), body: {} }).then((r) => ({ u, r }))));
    const seconds = (performance.now() - t0) / 1000;
    const acked = results.filter((x) => x.r.status === 201 || x.r.status === 200);
    const [rows] = await db.pool.query('SELECT userId FROM enrollments WHERE slotId = ?', [activity.slotId]);
    const stored = new Set(rows.map((r) => r.userId));
    const latencies = results.map((x) => x.r.ms).sort((p, q) => p - q);
    runs.push({
      instances: instances.length,
      rps: Math.round(USERS / seconds),
      p99Ms: Math.round(latencies[Math.floor(latencies.length * 0.99)]),
      acknowledged: acked.length,
      lost: acked.filter((x) => !stored.has(x.u.id)).length,
      errors5xx: results.filter((x) => x.r.status >= 500).length,
      ...(await slotInvariants(db.pool, activity.slotId)),
    });
  }
  const drained = await outboxDrained(db.pool);
  const dupes = await duplicateDeliveries(db.pool, fakes);
  const [one, two] = runs;
  console.log(
    JSON.stringify({
      requests: USERS,
      seats: SEATS,
      oneInstanceRps: one.rps,
      twoInstancesRps: two.rps,
      speedup: Math.round((two.rps / one.rps) * 100) / 100,
      oneInstanceP99Ms: one.p99Ms,
      twoInstancesP99Ms: two.p99Ms,
      overbooked: one.overbooked + two.overbooked,
      counterAgrees: one.counterAgrees && two.counterAgrees,
      lost: one.lost + two.lost,
      errors5xx: one.errors5xx + two.errors5xx,
      ledgerMismatches: await ledgerMismatches(db.pool),
      duplicateDeliveries: dupes.duplicateDeliveries,
      wechatSent: dupes.wechatSent,
      outboxDrained: drained,
      qrCrossVerified: qr.aToB && qr.bToA,
      coverCrossServed,
      cores: (await import('node:os')).availableParallelism(),
    }),
  );
} finally {
  client.close();
  await Promise.all([a.kill(), b.kill()]);
  await fakes.close();
  if (!process.env.BENCH_KEEP_DB) await db.drop();
  rmSync(uploads, { recursive: true, force: true });
}

/** A cover picture uploaded through one instance is served by the other. */
async function crossInstanceCover() {
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const [[organiser]] = await db.pool.query("SELECT id FROM users WHERE demoPersona = 'grid_worker'");
  const activity = await createActivity(client, a.base, fakes, db.pool, 5);
  const up = await client.request(`${a.base}/api/activities/${activity.id}/cover`, { token: fakes.token(organiser.id), body: { dataUrl: `data:image/png;base64,${png}` } });
  if (up.status !== 200 && up.status !== 201) throw new Error(`cover upload: ${up.status} ${JSON.stringify(up.body)}`);
  const served = await client.request(`${b.base}${up.body.coverImage}`, { method: 'GET' });
  return served.status === 200;
}

/** A meeting under way: its QR code fetched from one instance is redeemed on the other, both ways. */
async function crossInstanceQr(members, branch) {
  const [[organiser]] = await db.pool.query("SELECT id FROM users WHERE demoPersona = 'organiser_a'");
  const token = fakes.token(organiser.id);
  const now = Date.now();
  const meeting = await client.request(`${a.base}/api/meetings`, {
    token,
    body: { nodeId: branch.id, type: 'branch_general', title: '压测党员大会', address: '压测会场', startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), invitees: { kind: 'members', userIds: members.map((m) => m.id) } },
  });
  if (meeting.status !== 201) throw new Error(`create meeting: ${meeting.status} ${JSON.stringify(meeting.body)}`);
  const redeem = async (shownBy, scannedAt, member) => {
    const code = await client.request(`${shownBy.base}/api/checkin/meeting/${meeting.body.id}/qr`, { method: 'GET', token });
    const r = await client.request(`${scannedAt.base}/api/checkin/redeem`, { token: fakes.token(member.id), body: { token: code.body.token, nonce: randomBytes(12).toString('base64url') } });
    return r.status === 200;
  };
  return { aToB: await redeem(a, b, members[0]), bToA: await redeem(b, a, members[1]) };
}
