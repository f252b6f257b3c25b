// Crash safety on MariaDB: a sign-up burst and a WeChat Pay notification burst run together while
// the server is killed with SIGKILL (twice) and restarted on the same database. Clients whose
// request died with the server send it again once it is back, as the mini-program and WeChat Pay do.
// Afterwards every request that got a success answer must be in the database, no slot overbooked,
// every points balance equal to the sum of its ledger, and no notice delivered twice (WeChat
// subscription messages are counted at the fake WeChat API, which runs here and outlives the kills).
// Prints {"acknowledged","lost":0,"overbooked":0,"ledgerMismatches":0,"duplicateDeliveries":0,…}.
// Usage: npm run bench -- crash   (MariaDB at 127.0.0.1:3306, or BENCH_DATABASE_SERVER)
import { createActivity, duplicateDeliveries, freshDatabase, httpClient, ledgerMismatches, load, log as logger, newId, outboxDrained, seedResidents, sleep, slotInvariants, startFakes, startServer } from './lib/cluster.mjs';

const USERS = Number(process.env.BENCH_USERS ?? 1500);
const SEATS = Number(process.env.BENCH_SEATS ?? 100);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 400);
const PORT = Number(process.env.BENCH_PORT ?? 39_230);
/** Kill when this share of all requests has been answered; one kill per entry. */
const KILL_AT = [0.25, 0.6];
const log = logger('crash');

const db = await freshDatabase('hl_crash');
const fakes = await startFakes();
const env = { DATABASE_URL: db.url, ...fakes.env };
let server = await startServer({ port: PORT, env, name: 'server' });
const client = httpClient();
try {
  const { users } = await seedResidents(db.pool, fakes, USERS);
  const activity = await createActivity(client, server.base, fakes, db.pool, SEATS);
  const orders = await seedOrders(ORDERS);
  log(`${USERS} sign-ups for ${SEATS} places and ${ORDERS} payment notifications; kills at ${KILL_AT.map((k) => `${k * 100}%`).join(', ')} answered`);

  const total = USERS + ORDERS;
  let answered = 0;
  let restarting = null;
  const kills = [];
  /** Sends until an answer comes (a dead server is retried after its restart), like a client that retries. */
  async function untilAnswered(send) {
    for (let attempt = 0; ; attempt++) {
      if (restarting) await restarting;
      const r = await send(server.base);
      if (r.status !== 599 && r.status !== 502 && r.status !== 503) {
        answered++;
        if (kills.length < KILL_AT.length && answered >= KILL_AT[kills.length] * total && !restarting) restarting = crashAndRestart();
        return r;
      }
      if (attempt > 200) return r;
      await sleep(50 + Math.random() * 100);
    }
  }
  async function crashAndRestart() {
    const at = answered;
    await server.kill('SIGKILL');
    const t0 = performance.now();
    client.reset();
    server = await startServer({ port: PORT, env, name: 'server' });
    kills.push({ atAnswered: at, restartMs: Math.round(performance.now() - t0) });
    log(`killed at ${at} answered; back in ${kills.at(-1).restartMs} ms`);
    restarting = null;
  }

  const signups = users.map((u) => () => untilAnswered((base) => client.request(`${base}/api/activities/${activity.id}/signup`, { token: fakes.token(u.id), body: {} })).then((r) => ({ u, r })));
  const notifications = orders.map((o) => () =>
    untilAnswered((base) => {
      const n = fakes.pay.paymentNotification(o.no, null, 'public_key');
      return client.request(`${base}/api/payments/notify`, { raw: n.body, headers: n.headers });
    }).then((r) => ({ o, r })),
  );
  // Interleaved, all at once: the server has both bursts in flight when it dies.
  const jobs = [];
  for (let i = 0; i < Math.max(signups.length, notifications.length); i++) {
    if (signups[i]) jobs.push(signups[i]);
    if (notifications[i]) jobs.push(notifications[i]);
  }
  const results = await Promise.all(jobs.map((j) => j()));
  if (restarting) await restarting;

  // What the clients were told succeeded.
  const ackSignups = results.filter((x) => x.u && (x.r.status === 200 || x.r.status === 201));
  const ackPaid = results.filter((x) => x.o && x.r.status >= 200 && x.r.status < 300);
  const [rows] = await db.pool.query('SELECT userId, status FROM enrollments WHERE slotId = ?', [activity.slotId]);
  const stored = new Map(rows.map((r) => [r.userId, r.status]));
  const lostSignups = ackSignups.filter((x) => {
    const s = stored.get(x.u.id);
    return !s || (x.r.body.status === 'confirmed' ? s !== 'confirmed' : s === 'cancelled');
  }).length;
  const orderIds = ackPaid.map((x) => x.o.id);
  const paid = orderIds.length ? Number((await db.pool.query("SELECT COUNT(*) AS n FROM pay_orders WHERE status = 'paid' AND id IN (?)", [orderIds]))[0][0].n) : 0;
  const receipts = orderIds.length ? Number((await db.pool.query('SELECT COUNT(*) AS n FROM dues_receipts WHERE orderId IN (?)', [orderIds]))[0][0].n) : 0;
  const lostPayments = ackPaid.length - Math.min(paid, receipts);
  const { overbooked, counterAgrees } = await slotInvariants(db.pool, activity.slotId);
  const duplicatePayments = await duplicatesFromPayments(orders);

  log('waiting for the outbox to drain (a killed worker holds its rows for the 60 s lease)…');
  const drained = await outboxDrained(db.pool);
  const dupes = await duplicateDeliveries(db.pool, fakes);
  console.log(
    JSON.stringify({
      acknowledged: ackSignups.length + ackPaid.length,
      lost: lostSignups + lostPayments,
      overbooked,
      ledgerMismatches: await ledgerMismatches(db.pool),
      duplicateDeliveries: dupes.duplicateDeliveries,
      duplicatePayments,
      counterAgrees,
      kills: kills.length,
      restartMs: kills.map((k) => k.restartMs),
      signups: { sent: USERS, acknowledged: ackSignups.length, answered4xx: results.filter((x) => x.u && x.r.status >= 400 && x.r.status < 500).length, lost: lostSignups },
      payments: { sent: ORDERS, acknowledged: ackPaid.length, lost: lostPayments },
      wechatSent: dupes.wechatSent,
      outboxDrained: drained,
      errors5xx: results.filter((x) => x.r.status >= 500).length,
    }),
  );
} finally {
  client.close();
  await server.kill('SIGTERM');
  await fakes.close();
  if (!process.env.BENCH_KEEP_DB) await db.drop();
}

/** Unpaid bills of the seeded Party members, each with a pending order the fake WeChat Pay has as paid. */
async function seedOrders(count) {
  const shared = await import('@honglin/shared');
  const { randomAlnum } = await load('payments/wechatpay-crypto.js');
  const [members] = await db.pool.query('SELECT p.userId, p.branchId, p.path, u.openid FROM dues_profiles p JOIN users u ON u.id = p.userId');
  const start = shared.billingMonthOf(new Date());
  const out = [];
  for (let i = 0; i < count; i++) {
    const m = members[i % members.length];
    out.push({ id: newId(), billId: newId(), no: randomAlnum(32), fen: 100 + (i % 9000), month: shared.shiftMonth(start, 1 + Math.floor(i / members.length)), ...m });
  }
  const now = new Date();
  const exp = new Date(Date.now() + 3_600_000);
  for (let i = 0; i < out.length; i += 100) {
    const chunk = out.slice(i, i + 100);
    await db.pool.query('INSERT INTO dues_bills (id, userId, branchId, path, month, amountFen, originalFen, status, openOrderId, createdAt, updatedAt) VALUES ?', [chunk.map((o) => [o.billId, o.userId, o.branchId, o.path, o.month, o.fen, o.fen, 'unpaid', o.id, now, now])]);
    await db.pool.query('INSERT INTO pay_orders (id, outTradeNo, memberUserId, payerUserId, onBehalf, branchId, path, totalFen, extraFen, refundedFen, status, conflict, expiresAt, createdAt, updatedAt) VALUES ?', [
      chunk.map((o) => [o.id, o.no, o.userId, o.userId, 0, o.branchId, o.path, o.fen, 0, 0, 'pending', 0, exp, now, now]),
    ]);
    await db.pool.query('INSERT INTO pay_order_bills (id, orderId, billId, month, amountFen) VALUES ?', [chunk.map((o) => [newId(), o.id, o.billId, o.month, o.fen])]);
  }
  const { mchid, appid } = fakes.pay.keys;
  const successTime = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
  for (const o of out) {
    fakes.pay.state.orders.set(o.no, { appid, mchid, outTradeNo: o.no, description: '党费', total: o.fen, openid: o.openid ?? 'o-bench', notifyUrl: '', timeExpire: null, state: 'SUCCESS', transactionId: `4200${randomAlnum(20)}`, successTime, prepayIds: [], fingerprint: '' });
  }
  return out;
}

/** A payment applied twice: more than one receipt, on-time credit or paid notice for one order. */
async function duplicatesFromPayments(orders) {
  const ids = orders.map((o) => o.id);
  const [[r]] = await db.pool.query('SELECT COALESCE(SUM(n - 1), 0) AS d FROM (SELECT COUNT(*) AS n FROM dues_receipts WHERE orderId IN (?) GROUP BY orderId) x', [ids]);
  const [[c]] = await db.pool.query("SELECT COALESCE(SUM(n - 1), 0) AS d FROM (SELECT COUNT(*) AS n FROM points_entries WHERE sourceType = 'dues_bill' AND sourceId IN (?) GROUP BY sourceId) x", [orders.map((o) => o.billId)]);
  return Number(r.d) + Number(c.d);
}
