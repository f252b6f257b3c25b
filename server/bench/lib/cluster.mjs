// What the crash and scale-out benches share: a fresh MariaDB database, the fake WeChat API and fake
// WeChat Pay running in the bench process (so they outlive a killed server and can count what it
// sent), built servers started as child processes pointed at them, and an HTTP client.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mysql from 'mysql2/promise';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../../dist');
export const load = (p) => import(pathToFileURL(join(dist, p)).href);
export const log = (name) => (...a) => console.error(`[${name}]`, ...a);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** An empty database on the MariaDB at BENCH_DATABASE_SERVER (default 127.0.0.1:3306, root). */
export async function freshDatabase(prefix) {
  const server = process.env.BENCH_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306';
  const name = `${prefix}_${Date.now()}`;
  const admin = await mysql.createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = `${server}/${name}`;
  const pool = mysql.createPool({ uri: url, connectionLimit: 8, timezone: 'Z' });
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      const c = await mysql.createConnection(server);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** Fake WeChat API and WeChat Pay with keys made now, plus the environment that points a server at them. */
export async function startFakes() {
  const { startFakeWechatServer } = await load('fakes/wechat-api/fake-wechat-server.js');
  const { startFakeWechatPay } = await load('fakes/wechat-pay/fake-pay-server.js');
  const { generateDemoPayKeys } = await load('fakes/wechat-pay/fake-pay-keys.js');
  const { SUBSCRIPTION_TEMPLATES } = await import('@honglin/shared');
  const appid = `wxbench${randomBytes(5).toString('hex')}`;
  const secret = randomBytes(16).toString('hex');
  const wechat = await startFakeWechatServer({ appid, secret, templateIds: Object.values(SUBSCRIPTION_TEMPLATES).map((t) => t.id) });
  const keys = await generateDemoPayKeys(appid, '1900000109');
  const pay = await startFakeWechatPay(keys);
  pay.setBehaviour({ drop: true }); // the bench posts notifications itself, to count the answers
  const jwtSecret = randomBytes(32).toString('hex');
  const env = {
    WECHAT_APPID: appid,
    WECHAT_SECRET: secret,
    WECHAT_API_BASE: wechat.url,
    WECHATPAY_MCHID: keys.mchid,
    WECHATPAY_SERIAL_NO: keys.merchant.serial,
    WECHATPAY_PRIVATE_KEY: keys.merchant.privateKeyPem,
    WECHATPAY_CERT: keys.merchant.publicKeyPem,
    WECHATPAY_APIV3_KEY: keys.apiV3Key,
    WECHATPAY_PUBLIC_KEY: keys.platformPublicKey.publicKeyPem,
    WECHATPAY_PUBLIC_KEY_ID: keys.platformPublicKey.serial,
    WECHATPAY_API_BASE: pay.url,
    JWT_SECRET: jwtSecret,
  };
  const { TokenService } = await load('auth/token.service.js');
  const tokens = new TokenService({ JWT_SECRET: jwtSecret, ACCESS_TOKEN_TTL_SECONDS: 3600 });
  return {
    wechat,
    pay,
    env,
    /** An access token for a user id, as the server would issue it. */
    token: (userId) => tokens.signAccess(userId),
    async close() {
      await wechat.close();
      await pay.close();
    },
  };
}

/** The built server (dist/main.js) as a child process; `kill('SIGKILL')` is a crash. */
export async function startServer({ port, env, name = 'server' }) {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(dist, 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_MODE: 'true',
      SEED_DEMO: 'true',
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
      H5_DIR: '/nonexistent',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
      RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errors = [];
  child.stderr.on('data', (c) => {
    errors.push(c.toString());
    if (errors.length > 50) errors.shift();
  });
  const exited = new Promise((r) => child.once('exit', r));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 900 || child.exitCode !== null) throw new Error(`${name} did not start:\n${errors.join('')}`);
    await sleep(100);
  }
  return {
    base,
    name,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Keep-alive HTTP like a load balancer's pool; never throws (a transport failure is status 599). */
export function httpClient() {
  let agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const request = (url, { method = 'POST', token, body, headers = {}, raw } = {}) =>
    new Promise((resolve) => {
      const started = performance.now();
      const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
      const h = { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
      if (payload !== undefined) {
        h['content-type'] ??= 'application/json';
        h['content-length'] = Buffer.byteLength(payload);
      }
      const req = http.request(url, { method, agent, headers: h }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let parsed = null;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString());
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode, body: parsed, ms: performance.now() - started });
        });
        res.on('error', () => resolve({ status: 599, body: null, ms: performance.now() - started }));
      });
      req.on('error', () => resolve({ status: 599, body: null, ms: performance.now() - started }));
      req.end(payload);
    });
  return {
    request,
    /** A fresh pool (after a server restart the old sockets are dead). */
    reset() {
      agent.destroy();
      agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    },
    close: () => agent.destroy(),
  };
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export function newId() {
  let t = Date.now();
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + [...randomBytes(16)].map((x) => ALPHABET[x % 32]).join('');
}

/**
 * `count` residents of 幸福社区 who opened the mini-program (an openid the fake WeChat knows) and
 * granted one 报名结果 subscription message each, so every sign-up notice also goes to WeChat.
 */
export async function seedResidents(pool, fakes, count, { partyBranch = false } = {}) {
  const [[community]] = await pool.query("SELECT id, path FROM org_nodes WHERE kind = 'community' AND name = '幸福社区'");
  const [[building]] = await pool.query('SELECT id FROM org_nodes WHERE path LIKE ? AND kind = ? LIMIT 1', [`${community.path}%`, 'building']);
  const [[branch]] = await pool.query("SELECT id FROM org_nodes WHERE name = '幸福社区第一党支部'");
  const users = Array.from({ length: count }, () => ({ id: newId(), openid: `o-bench-${randomBytes(9).toString('base64url')}` }));
  const now = new Date();
  for (let i = 0; i < users.length; i += 500) {
    const chunk = users.slice(i, i + 500);
    await pool.query(
      'INSERT INTO users (id, name, openid, birthYear, residenceNodeId, branchNodeId, elderMode, disabled, privacyVersion, privacyAcceptedAt) VALUES ?',
      [chunk.map((u, j) => [u.id, `压测${i + j}`, u.openid, 1985, building.id, partyBranch ? branch.id : null, 0, 0, '2026-11-01', now])],
    );
    await pool.query('INSERT INTO subscription_grants (id, userId, templateKey, remaining, updatedAt) VALUES ?', [chunk.map((u) => [newId(), u.id, 'activity_signup', 1, now])]);
  }
  for (const u of users) fakes.wechat.registerOpenid(u.openid);
  return { users, community, branch };
}

/** An activity of `seats` places in 幸福社区, created by the grid worker through the API. */
export async function createActivity(client, base, fakes, pool, seats) {
  const [[organiser]] = await pool.query("SELECT id FROM users WHERE demoPersona = 'grid_worker'");
  const [[community]] = await pool.query("SELECT id FROM org_nodes WHERE kind = 'community' AND name = '幸福社区'");
  const hour = 3_600_000;
  const res = await client.request(`${base}/api/activities`, {
    token: fakes.token(organiser.id),
    body: { communityId: community.id, title: '压测活动', category: 'talk', place: '会议室', startsAt: new Date(Date.now() + 48 * hour).toISOString(), endsAt: new Date(Date.now() + 50 * hour).toISOString(), capacity: seats, maxCompanions: 0 },
  });
  if (res.status !== 201) throw new Error(`create activity failed: ${res.status} ${JSON.stringify(res.body)}`);
  const [[slot]] = await pool.query('SELECT id FROM enrollment_slots WHERE ownerId = ?', [res.body.id]);
  return { id: res.body.id, slotId: slot.id };
}

/** Seats held beyond capacity, and whether the stored counter equals the enrollments (must be 0 and true). */
export async function slotInvariants(pool, slotId) {
  const [[slot]] = await pool.query('SELECT capacity, reserved, taken, reservedTaken FROM enrollment_slots WHERE id = ?', [slotId]);
  const [[held]] = await pool.query("SELECT COALESCE(SUM(seats), 0) AS seats FROM enrollments WHERE slotId = ? AND status IN ('registered','confirmed','offered','attended','missed') AND fromReserve = 0", [slotId]);
  return { overbooked: Math.max(0, Number(held.seats) - (slot.capacity - slot.reserved)), counterAgrees: Number(held.seats) === Number(slot.taken) };
}

/** Users whose stored points balance differs from the sum of their ledger entries. */
export async function ledgerMismatches(pool) {
  const [[row]] = await pool.query(
    `SELECT COUNT(*) AS n FROM (
       SELECT b.userId FROM points_balances b LEFT JOIN (SELECT userId, SUM(amount) AS s FROM points_entries GROUP BY userId) e ON e.userId = b.userId WHERE b.balance <> COALESCE(e.s, 0)
       UNION ALL
       SELECT e.userId FROM (SELECT userId, SUM(amount) AS s FROM points_entries GROUP BY userId) e LEFT JOIN points_balances b ON b.userId = e.userId WHERE b.userId IS NULL AND e.s <> 0
     ) x`,
  );
  return Number(row.n);
}

/**
 * Deliveries that happened twice: a WeChat subscription message sent again for the same notice (same
 * person, template and content), or a notice in someone's inbox twice.
 */
export async function duplicateDeliveries(pool, fakes) {
  const seen = new Map();
  for (const m of fakes.wechat.sentMessages()) {
    const key = `${m.openid}|${m.templateId}|${JSON.stringify(m.data)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const wechatDupes = [...seen.values()].reduce((s, n) => s + n - 1, 0);
  const [[inbox]] = await pool.query('SELECT COALESCE(SUM(n - 1), 0) AS d FROM (SELECT COUNT(*) AS n FROM inbox_items GROUP BY outboxId HAVING COUNT(*) > 1) x');
  return { duplicateDeliveries: wechatDupes + Number(inbox.d), wechatSent: fakes.wechat.sentMessages().length };
}

/** Waits until the outbox has nothing left that is due (a crashed worker's leases run out after 60 s). */
export async function outboxDrained(pool, timeoutMs = 120_000) {
  for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await sleep(500)) {
    const [[{ n }]] = await pool.query("SELECT COUNT(*) AS n FROM outbox_messages WHERE status = 'pending' AND notBefore <= UTC_TIMESTAMP(6)");
    if (Number(n) === 0) return true;
  }
  return false;
}
