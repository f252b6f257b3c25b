// Rankings at city scale on MariaDB: 100,000 members in 20 communities (one branch each) and 1,000,000
// ledger entries over the last four weeks, bulk-loaded with multi-row INSERTs. Then, against the running
// server, the median of: a top-50 ranking over HTTP, "my rank" over HTTP, and one ledger credit in process
// (the whole transaction: member lock, idempotency, rule, caps, entry, balance, tallies, scores).
// Usage: DATABASE_URL=mysql://root@127.0.0.1:3306/<fresh db> npm run bench -- ranking
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { periodKey } from '@honglin/shared';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const { startApp } = await import(join(dist, 'bootstrap.js'));
const { loadConfig } = await import(join(dist, 'config/config.js'));
const { newId } = await import(join(dist, 'common/ids.js'));
const { TokenService } = await import(join(dist, 'auth/token.service.js'));
const { LedgerService } = await import(join(dist, 'points/ledger.service.js'));
const { TransactionRunner } = await import(join(dist, 'database/transaction-runner.js'));

const MEMBERS = 100_000;
const COMMUNITIES = 20;
const ENTRIES = 1_000_000;
const DAY = 86_400_000;
const log = (...a) => console.error('[ranking]', ...a);
const url = process.env.DATABASE_URL;
if (!url || !/^(mysql|mariadb):\/\//.test(url)) {
  console.error('DATABASE_URL=mysql://user@host:port/db is required (a fresh database)');
  process.exit(2);
}

// The database itself may not exist yet.
const dbName = new URL(url).pathname.slice(1);
const server = url.slice(0, url.lastIndexOf('/'));
const admin = await mysql.createConnection(server);
await admin.query(`CREATE DATABASE IF NOT EXISTS \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
await admin.end();

const running = await startApp(
  loadConfig({ ...process.env, DATABASE_URL: url, DEMO_MODE: 'true', SEED_DEMO: 'true', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', H5_DIR: '/nonexistent', RATE_LIMIT_WRITES_PER_MINUTE: '1000000' }),
);
const pool = mysql.createPool({ uri: url, connectionLimit: 3, timezone: 'Z' });
const sqlTime = (ms) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

async function insertMany(table, columns, rows, batch = 2000) {
  const conn = await pool.getConnection();
  try {
    await conn.query('SET unique_checks = 0');
    await conn.beginTransaction();
    for (let i = 0; i < rows.length; i += batch) {
      const chunk = rows.slice(i, i + batch);
      await conn.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [chunk]);
      if ((i / batch) % 25 === 24) {
        await conn.commit();
        await conn.beginTransaction();
      }
    }
    await conn.commit();
  } finally {
    conn.release();
  }
}

const [[{ n: existing }]] = await pool.query('SELECT COUNT(*) AS n FROM users WHERE name LIKE ?', ['基准%']);
let sample;
if (Number(existing) < MEMBERS) {
  const started = performance.now();
  const [[street]] = await pool.query("SELECT id, path FROM org_nodes WHERE kind = 'street' LIMIT 1");
  const [[committee]] = await pool.query("SELECT id, path FROM org_nodes WHERE kind = 'committee' LIMIT 1");
  const communities = [];
  const nodes = [];
  for (let c = 0; c < COMMUNITIES; c++) {
    const cid = newId();
    const bid = newId();
    communities.push({ cid, bid });
    nodes.push([cid, 'community', `基准社区${c + 1}`, street.id, `${street.path}${cid}/`, 1], [bid, 'branch', `基准社区${c + 1}党支部`, committee.id, `${committee.path}${bid}/`, 1]);
  }
  await insertMany('org_nodes', ['id', 'kind', 'name', 'parentId', 'path', 'depth'], nodes);

  const users = [];
  for (let i = 0; i < MEMBERS; i++) {
    const { cid, bid } = communities[i % COMMUNITIES];
    users.push([newId(), `基准党员${i + 1}`, 1950 + (i % 50), cid, bid, 0, 0]);
  }
  await insertMany('users', ['id', 'name', 'birthYear', 'residenceNodeId', 'branchNodeId', 'elderMode', 'disabled'], users);
  log(`members in ${Math.round(performance.now() - started)} ms`);

  // Entries: ten per member on average, over the last 28 days; balances and period scores summed from them.
  const now = Date.now();
  const actions = [['article_read', 1], ['login', 1], ['video_watch', 1], ['daily_quiz', 3], ['activity_attendance', 2]];
  const balance = new Float64Array(MEMBERS);
  const scores = new Map();
  let seed = 7; // mulberry32, seeded: every run loads the same data
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const entryCols = ['id', 'userId', 'action', 'amount', 'requested', 'capped', 'sourceType', 'sourceId', 'idempotencyKey', 'nodeId', 'at', 'periodAt'];
  const entries = [];
  for (let e = 0; e < ENTRIES; e++) {
    const m = Math.floor(rand() * MEMBERS);
    const [action, amount] = actions[e % actions.length];
    const at = now - Math.floor(rand() * 28 * DAY);
    const user = users[m];
    const t = sqlTime(at);
    const id = newId(at);
    entries.push([id, user[0], action, amount, amount, 0, 'bench', 'seed', `bench:${id}`, null, t, t]);
    balance[m] += amount;
    const d = new Date(at);
    for (const key of ['all', periodKey('year', d), periodKey('month', d), periodKey('week', d)]) {
      const k = `${m}|${key}`;
      scores.set(k, (scores.get(k) ?? 0) + amount);
    }
  }
  // Primary-key order and no secondary indexes while loading; then one ALTER builds them sorted.
  // (A 128 MB buffer pool cannot absorb 1M random inserts into four secondary indexes.)
  entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const [indexRows] = await pool.query("SHOW INDEX FROM points_entries WHERE Key_name <> 'PRIMARY'");
  const indexes = new Map();
  for (const r of indexRows) {
    const ix = indexes.get(r.Key_name) ?? { unique: !Number(r.Non_unique), cols: [] };
    ix.cols[r.Seq_in_index - 1] = `\`${r.Column_name}\``;
    indexes.set(r.Key_name, ix);
  }
  await pool.query(`ALTER TABLE points_entries ${[...indexes.keys()].map((k) => `DROP INDEX \`${k}\``).join(', ')}`);
  // Two connections at once: the server parses one while Node builds the next statement.
  const half = Math.ceil(entries.length / 2);
  await Promise.all([insertMany('points_entries', entryCols, entries.slice(0, half)), insertMany('points_entries', entryCols, entries.slice(half))]);
  log(`entries loaded in ${Math.round(performance.now() - started)} ms`);
  await pool.query(`ALTER TABLE points_entries ${[...indexes].map(([k, ix]) => `ADD ${ix.unique ? 'UNIQUE ' : ''}INDEX \`${k}\` (${ix.cols.join(', ')})`).join(', ')}`);
  log(`entry indexes rebuilt in ${Math.round(performance.now() - started)} ms`);
  await insertMany('points_balances', ['userId', 'balance'], users.map((u, i) => [u[0], balance[i]]));
  const scoreRows = [];
  for (const [k, points] of scores) {
    const [m, key] = k.split('|');
    const u = users[Number(m)];
    scoreRows.push([key, u[0], u[4], u[3], points]);
  }
  await insertMany('points_period_scores', ['periodKey', 'userId', 'branchId', 'communityId', 'points'], scoreRows, 4000);
  await pool.query('ANALYZE TABLE points_period_scores, points_entries, points_balances');
  log(`seeded ${MEMBERS} members, ${ENTRIES} entries, ${scoreRows.length} period scores in ${Math.round(performance.now() - started)} ms`);
}
const [sampleRows] = await pool.query("SELECT id FROM users WHERE name LIKE '基准%' ORDER BY RAND() LIMIT 400");
sample = sampleRows.map((r) => r.id);

const tokens = running.app.get(TokenService);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timeHttp(path, count) {
  const times = [];
  for (let i = 0; i < count + 30; i++) {
    const auth = `Bearer ${tokens.signAccess(sample[i % sample.length])}`;
    const t0 = performance.now();
    const res = await fetch(`${running.url}${path}`, { headers: { Authorization: auth } });
    await res.json();
    if (!res.ok) throw new Error(`${path} → ${res.status}`);
    if (i >= 30) times.push(performance.now() - t0); // the first 30 warm up
  }
  return median(times);
}
// Community, all time: the largest group (5,000 members) and the longest index range.
const top50P50Ms = await timeHttp('/api/points/rankings?scope=community&period=all&limit=50', 300);
const myRankP50Ms = await timeHttp('/api/points/rankings?scope=branch&period=week&limit=1', 300);

const ledger = running.app.get(LedgerService);
const tx = running.app.get(TransactionRunner);
const creditTimes = [];
for (let i = 0; i < 330; i++) {
  const userId = sample[i % sample.length];
  const t0 = performance.now();
  await tx.run((em) => ledger.credit(em, { userId, action: 'article_read', source: { type: 'bench', id: 'credit' }, idempotencyKey: `bench-credit:${newId()}`, nodeId: null }));
  if (i >= 30) creditTimes.push(performance.now() - t0);
}

const round = (x) => Math.round(x * 100) / 100;
const [[{ n: entries }]] = await pool.query('SELECT COUNT(*) AS n FROM points_entries');
const [[{ n: members }]] = await pool.query("SELECT COUNT(*) AS n FROM users WHERE name LIKE '基准%'");
await pool.end();
await running.close();
console.log(JSON.stringify({ members: Number(members), entries: Number(entries) >= ENTRIES ? ENTRIES : Number(entries), top50P50Ms: round(top50P50Ms), myRankP50Ms: round(myRankP50Ms), creditP50Ms: round(median(creditTimes)) }));
