// The growth curve on MariaDB: the same five everyday operations timed over HTTP with 10,000, 100,000 and
// 1,000,000 members in the database. Communities keep a realistic size (5,000 members, one branch, one grid
// of households each) and their number grows, so every table grows tenfold per step while what one request
// is about stays the same size: an operation that slows with the database is a missing index or a scan.
// Per member: a user row, a household membership (three per household), two period scores ("all" and this
// week), a balance and one past sign-up.
// Prints {"sizes":[…],"myRankMs":[…],"top50Ms":[…],"checkinMs":[…],"signupMs":[…],"householdsMs":[…],"worstPer10x":…}
// (medians). Usage: DATABASE_URL=mysql://root@127.0.0.1:3306/<fresh db> npm run bench -- growth [10000,100000,1000000]
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { benchDatabase, bulkLoader, sqlTime } from './lib/mariadb.mjs';
import { chinaDay, periodKey } from '@honglin/shared';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const { startApp } = await import(join(dist, 'bootstrap.js'));
const { loadConfig } = await import(join(dist, 'config/config.js'));
const { newId } = await import(join(dist, 'common/ids.js'));
const { TokenService } = await import(join(dist, 'auth/token.service.js'));

const SIZES = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
const PER_COMMUNITY = 5_000;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const WARMUP = 15;
const HOUR = 3_600_000;
const log = (...a) => console.error('[growth]', ...a);
const url = await benchDatabase({ fresh: false });

const running = await startApp(
  loadConfig({ ...process.env, DATABASE_URL: url, DEMO_MODE: 'true', SEED_DEMO: 'true', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', H5_DIR: '/nonexistent', RATE_LIMIT_WRITES_PER_MINUTE: '10000000', RATE_LIMIT_LOGIN_PER_MINUTE: '10000000' }),
);
const pool = mysql.createPool({ uri: url, connectionLimit: 4, timezone: 'Z' });
const insertMany = bulkLoader(pool);
const nowSql = sqlTime(Date.now());

const [[street]] = await pool.query("SELECT id, path FROM org_nodes WHERE kind = 'street' LIMIT 1");
const [[committee]] = await pool.query("SELECT id, path FROM org_nodes WHERE kind = 'committee' LIMIT 1");
const [[home]] = await pool.query("SELECT id, path FROM org_nodes WHERE kind = 'community' AND name = '幸福社区'");
const [[homeBuilding]] = await pool.query('SELECT id FROM org_nodes WHERE path LIKE ? AND kind = ? ORDER BY name LIMIT 1', [`${home.path}%`, 'building']);
const [[homeBranch]] = await pool.query("SELECT id FROM org_nodes WHERE name = '幸福社区第一党支部'");
const [[homeGroup]] = await pool.query('SELECT id FROM org_nodes WHERE parentId = ? ORDER BY name LIMIT 1', [homeBranch.id]);
const week = periodKey('week', new Date());

/** Adds communities of 5,000 members until the database holds `target` bench members. */
let members = 0;
let communityNo = 0;
async function growTo(target) {
  const started = performance.now();
  while (members < target) {
    const n = Math.min(PER_COMMUNITY, target - members);
    communityNo += 1;
    const [cid, bid, gid, bldg, slot] = [newId(), newId(), newId(), newId(), newId()];
    const cpath = `${street.path}${cid}/`;
    await insertMany('org_nodes', ['id', 'kind', 'name', 'parentId', 'path', 'depth', 'createdAt'], [
      [cid, 'community', `增长社区${communityNo}`, street.id, cpath, 1, nowSql],
      [bid, 'branch', `增长社区${communityNo}党支部`, committee.id, `${committee.path}${bid}/`, 1, nowSql],
      [gid, 'grid', `增长网格${communityNo}`, cid, `${cpath}${gid}/`, 2, nowSql],
      [bldg, 'building', '1号楼', gid, `${cpath}${gid}/${bldg}/`, 3, nowSql],
    ]);
    await pool.query(
      'INSERT INTO enrollment_slots (id, ownerType, ownerId, nodeId, nodePath, title, startsAt, endsAt, signupOpensAt, signupClosesAt, cancelDeadline, capacity, taken, eligibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)',
      [slot, 'bench', newId(), cid, cpath, '往期活动', nowSql, nowSql, nowSql, nowSql, nowSql, n, n],
    );
    const users = [], households = [], memberships = [], scores = [], balances = [], enrollments = [];
    let household;
    for (let i = 0; i < n; i++) {
      const uid = newId();
      const points = (i * 7919) % 500;
      users.push([uid, `增长居民${members + i}`, 1950 + (i % 50), bldg, bid, 0, 0, nowSql, nowSql]);
      if (i % 3 === 0) {
        household = newId();
        households.push([household, bldg, gid, cid, `${cpath}${gid}/${bldg}/`, '1', String(i), '{}', 365, null, chinaDay(new Date()), chinaDay(new Date()), uid, nowSql, nowSql]);
      }
      memberships.push([newId(), household, uid, uid, i % 3 === 0 ? 'head' : 'child', 'registered', uid, nowSql]);
      scores.push(['all', uid, bid, cid, points], [week, uid, bid, cid, points % 50]);
      balances.push([uid, points]);
      enrollments.push([newId(), slot, uid, '[]', 1, 'attended']);
    }
    await insertMany('users', ['id', 'name', 'birthYear', 'residenceNodeId', 'branchNodeId', 'elderMode', 'disabled', 'createdAt', 'updatedAt'], users);
    await insertMany('households', ['id', 'buildingId', 'gridId', 'communityId', 'path', 'unit', 'room', 'provenance', 'cadenceDays', 'lastVisitAt', 'registeredOn', 'nextDueOn', 'createdBy', 'createdAt', 'updatedAt'], households);
    await insertMany('household_members', ['id', 'householdId', 'userId', 'activeUserId', 'relation', 'residenceType', 'createdBy', 'createdAt'], memberships);
    await insertMany('points_period_scores', ['periodKey', 'userId', 'branchId', 'communityId', 'points'], scores);
    await insertMany('points_balances', ['userId', 'balance'], balances);
    await insertMany('enrollments', ['id', 'slotId', 'userId', 'companions', 'seats', 'status'], enrollments);
    members += n;
  }
  await pool.query('ANALYZE TABLE users, households, household_members, points_period_scores, points_balances, enrollments');
  log(`${members} members (${communityNo} communities) after ${Math.round(performance.now() - started)} ms`);
}

const tokens = running.app.get(TokenService);
const auth = (userId) => `Bearer ${tokens.signAccess(userId)}`;
async function call(method, path, token, body) {
  const res = await fetch(`${running.url}/api${path}`, { method, headers: { 'content-type': 'application/json', ...(token && { authorization: token }) }, body: body && JSON.stringify(body) });
  return { status: res.status, body: await res.json().catch(() => null) };
}
const login = async (persona) => `Bearer ${(await call('POST', '/auth/demo-login', null, { persona })).body.accessToken}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median of SAMPLES runs after WARMUP; `job(i)` is one request, which must succeed. */
async function timed(name, job) {
  const times = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const t0 = performance.now();
    const r = await job(i);
    const ms = performance.now() - t0;
    if (r.status >= 300) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.body)}`);
    if (i >= WARMUP) times.push(ms);
  }
  return Math.round(median(times) * 100) / 100;
}
/** Fresh people for operations a person does once (a sign-up, a check-in). */
async function people(n, columns) {
  const rows = Array.from({ length: n }, (_, i) => [newId(), `增长测试${randomBytes(3).toString('hex')}${i}`, 1980, ...columns, nowSql, nowSql]);
  await insertMany('users', ['id', 'name', 'birthYear', 'residenceNodeId', 'branchNodeId', 'createdAt', 'updatedAt'], rows);
  return rows.map((r) => r[0]);
}

const gridWorker = await login('grid_worker');
const organiser = await login('organiser_a');
const figures = { myRankMs: [], top50Ms: [], checkinMs: [], signupMs: [], householdsMs: [] };
for (const size of SIZES) {
  await growTo(size);
  const [sample] = await pool.query('SELECT id FROM users WHERE name LIKE ? ORDER BY RAND() LIMIT 200', ['增长居民%']);
  const member = (i) => auth(sample[i % sample.length].id);
  figures.myRankMs.push(await timed('my rank', (i) => call('GET', '/points/rankings?scope=community&period=week&limit=1', member(i))));
  figures.top50Ms.push(await timed('top 50', (i) => call('GET', '/points/rankings?scope=community&period=all&limit=50', member(i))));
  figures.householdsMs.push(await timed('households', () => call('GET', '/org/grid/households', gridWorker)));

  const signers = await people(WARMUP + SAMPLES, [homeBuilding.id, null]);
  const activity = await call('POST', '/activities', gridWorker, {
    communityId: home.id, title: `增长测试活动${size}`, category: 'talk', place: '会议室',
    startsAt: new Date(Date.now() + 48 * HOUR).toISOString(), endsAt: new Date(Date.now() + 50 * HOUR).toISOString(), capacity: 1000, maxCompanions: 0,
  });
  if (activity.status !== 201) throw new Error(`activity: ${activity.status} ${JSON.stringify(activity.body)}`);
  figures.signupMs.push(await timed('sign-up', (i) => call('POST', `/activities/${activity.body.id}/signup`, auth(signers[i]), {})));

  const comers = await people(WARMUP + SAMPLES, [null, homeGroup.id]);
  const meeting = await call('POST', '/meetings', organiser, {
    nodeId: homeBranch.id, type: 'branch_general', title: `增长测试党员大会${size}`, address: '会场',
    startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + HOUR).toISOString(),
    invitees: { kind: 'members', userIds: comers },
  });
  if (meeting.status !== 201) throw new Error(`meeting: ${meeting.status} ${JSON.stringify(meeting.body)}`);
  const qr = (await call('GET', `/checkin/meeting/${meeting.body.id}/qr`, organiser)).body;
  figures.checkinMs.push(await timed('check-in', (i) => call('POST', '/checkin/redeem', auth(comers[i]), { token: qr.token, nonce: randomBytes(12).toString('base64url') })));
  log(size, JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v.at(-1)]))));
}

// The worst growth factor of any operation from one size to the next (sizes ten times apart).
let worst = 0;
for (const series of Object.values(figures)) for (let i = 1; i < series.length; i++) worst = Math.max(worst, series[i] / series[i - 1]);
await pool.end();
await running.close();
console.log(JSON.stringify({ sizes: SIZES, ...figures, worstPer10x: Math.round(worst * 100) / 100 }));
process.exit(0);
