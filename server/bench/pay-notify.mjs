// WeChat Pay notification handling under load: 1,000 pending orders (seeded directly in the
// database), each notified 3 times concurrently with genuinely signed notifications, plus 200 forged
// ones (every tamper kind). Prints how many orders were paid, how many duplicates were applied (must
// be 0), how many forgeries were accepted (must be 0) and the p99 latency of the notify endpoint.
// Needs DATABASE_URL (a fresh MariaDB database); the demo seed and fake WeChat Pay run in-process.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const { startApp } = await load('bootstrap.js');
const { loadConfig } = await load('config/config.js');
const { PayGateway } = await load('payments/pay-gateway.js');
const { TAMPERS } = await load('fakes/wechat-pay/fake-pay-server.js');
const { randomAlnum } = await load('payments/wechatpay-crypto.js');
const { newId } = await load('common/ids.js');
const shared = await import('@honglin/shared');

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
const COPIES = 3;
const FORGED = 200;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 24);

if (!process.env.DATABASE_URL) {
  console.error('set DATABASE_URL=mysql://root@127.0.0.1:3306/<fresh database>');
  process.exit(2);
}
const app = await startApp(
  loadConfig({ ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', DEMO_MODE: 'true', SEED_DEMO: 'true', OUTBOX_WORKER: 'false', H5_DIR: '/nonexistent', PAY_NOTIFY_URL: '' }),
);
const fake = app.app.get(PayGateway).fake;
fake.setBehaviour({ drop: true }); // we deliver by hand, to measure
const ds = app.dataSource;

// Seed: bills for future months (so each payment is on time and credits points) and one order each.
console.error('seeding orders…');
const members = await ds.query(`SELECT p.userId, p.branchId, p.path, u.openid FROM dues_profiles p JOIN users u ON u.id = p.userId`);
const start = shared.billingMonthOf(new Date());
const orders = [];
for (let i = 0; i < ORDERS; i++) {
  const m = members[i % members.length];
  const month = shared.shiftMonth(start, 1 + Math.floor(i / members.length));
  orders.push({ id: newId(), billId: newId(), no: randomAlnum(32), fen: 100 + (i % 9000), month, ...m });
}
for (let i = 0; i < orders.length; i += 100) {
  const chunk = orders.slice(i, i + 100);
  const now = new Date(), exp = new Date(Date.now() + 3_600_000);
  await ds.transaction(async (em) => {
    await em.query(`INSERT INTO dues_bills (id, userId, branchId, path, month, amountFen, originalFen, status, openOrderId, paidOrderId, paidAt, createdAt, updatedAt) VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,?,?,NULL,NULL,?,?)').join(',')}`,
      chunk.flatMap((o) => [o.billId, o.userId, o.branchId, o.path, o.month, o.fen, o.fen, 'unpaid', o.id, now, now]));
    await em.query(`INSERT INTO pay_orders (id, outTradeNo, memberUserId, payerUserId, onBehalf, branchId, path, totalFen, extraFen, refundedFen, status, conflict, expiresAt, createdAt, updatedAt) VALUES ${chunk.map(() => '(?,?,?,?,0,?,?,?,0,0,?,0,?,?,?)').join(',')}`,
      chunk.flatMap((o) => [o.id, o.no, o.userId, o.userId, o.branchId, o.path, o.fen, 'pending', exp, now, now]));
    await em.query(`INSERT INTO pay_order_bills (id, orderId, billId, month, amountFen) VALUES ${chunk.map(() => '(?,?,?,?,?)').join(',')}`,
      chunk.flatMap((o) => [newId(), o.id, o.billId, o.month, o.fen]));
  });
}
// The same orders, paid, at the fake: it builds and signs their notifications as WeChat Pay would.
const { mchid, appid } = fake.keys;
for (const o of orders) {
  fake.state.orders.set(o.no, { appid, mchid, outTradeNo: o.no, description: '党费', total: o.fen, openid: o.openid ?? 'o-bench', notifyUrl: '', timeExpire: null, state: 'SUCCESS', transactionId: `4200${randomAlnum(20)}`, successTime: new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'), prepayIds: [], fingerprint: '' });
}

// Jobs: per order its 3 copies sent together; forged ones spread among them.
const jobs = orders.map((o) => ({ forged: false, notes: Array.from({ length: COPIES }, (_, c) => fake.paymentNotification(o.no, null, c === 1 ? 'public_key' : 'certificate')) }));
for (let f = 0; f < FORGED; f++) {
  const o = orders[(f * 7) % orders.length];
  jobs.splice(Math.floor(Math.random() * jobs.length), 0, { forged: true, notes: [fake.paymentNotification(o.no, TAMPERS[f % TAMPERS.length])] });
}

console.error(`sending ${ORDERS * COPIES + FORGED} notifications…`);
const latencies = [];
let forgedAccepted = 0;
let failedGenuine = 0;
let redelivered = 0;
const url = `${app.url}/api/payments/notify`;
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const job = jobs[next++];
    await Promise.all(job.notes.map(async (n) => {
      // Like WeChat: a 5xx answer (e.g. a deadlock that outlived the transaction retries) is sent again later.
      for (let attempt = 0; ; attempt++) {
        const t0 = performance.now();
        const res = await fetch(url, { method: 'POST', headers: n.headers, body: n.body });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (job.forged && res.ok) forgedAccepted++;
        if (!job.forged && res.status >= 500 && attempt < 3) {
          redelivered++;
          await new Promise((r) => setTimeout(r, 150 * (attempt + 1))); // WeChat's 15 s, 15 s, 30 s, compressed
          continue;
        }
        if (!job.forged && !res.ok) failedGenuine++;
        break;
      }
    }));
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: CONCURRENCY / COPIES }, worker));
const seconds = (performance.now() - t0) / 1000;

const ids = orders.map((o) => `'${o.id}'`).join(',');
const bills = orders.map((o) => `'${o.billId}'`).join(',');
const one = async (sql) => Number(Object.values((await ds.query(sql))[0])[0]);
const paid = await one(`SELECT COUNT(*) FROM pay_orders WHERE id IN (${ids}) AND status = 'paid'`);
const receipts = await one(`SELECT COUNT(*) FROM dues_receipts WHERE orderId IN (${ids})`);
const credits = await one(`SELECT COUNT(*) FROM points_entries WHERE sourceType = 'dues_bill' AND sourceId IN (${bills})`);
const notices = await one(`SELECT COUNT(*) FROM outbox_messages WHERE kind = 'dues_paid' AND dedupeKey IN (${orders.map((o) => `'dues-paid:${o.id}'`).join(',')})`);
latencies.sort((a, b) => a - b);
const pct = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] * 10) / 10;
await app.close();
console.log(JSON.stringify({
  orders: ORDERS,
  paid,
  duplicateApplied: Math.max(0, receipts - paid) + Math.max(0, credits - paid) + Math.max(0, notices - paid),
  forgedAccepted,
  p99Ms: pct(0.99),
  p50Ms: pct(0.5),
  notifications: latencies.length,
  genuineRefused: failedGenuine,
  redelivered,
  perSecond: Math.round(latencies.length / seconds),
}));
