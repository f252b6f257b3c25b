import { formatChinaDate } from '@honglin/shared';
import { ReconciliationService } from '../../../src/payments/reconciliation.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { count, createOrder, currentBill, outTradeNoOf, payFake, waitFor } from './pay-helpers.js';

const bj = (iso: string) => new Date(`${iso}+08:00`);

describe.each(databases())('stored daily reconciliation on %s', (db) => {
  let t: TestApp;
  let treasurer: string;
  let branchA: string;
  let daily: ReconciliationService['daily'];
  // Today's payments are in tomorrow's trade bill (Beijing dates).
  const today = formatChinaDate(new Date());
  const tomorrow = formatChinaDate(new Date(Date.now() + 86_400_000));
  const runsOf = (date: string) => count(t, `SELECT COUNT(*) AS n FROM pay_reconciliations WHERE billDate = '${date}'`);
  const board = (token: string, query: Record<string, unknown> = {}) => t.http.get(`/api/dues/branches/${branchA}/reconciliations`).query(query).set('Authorization', token);
  const pay = async (token: string) => {
    const order = await createOrder(t, token, [(await currentBill(t, token)).id]);
    payFake(t).pay(await outTradeNoOf(t, order.id));
    await waitFor(async () => (await count(t, `SELECT COUNT(*) AS n FROM pay_orders WHERE id = '${order.id}' AND status = 'paid'`)) === 1);
    return order.id;
  };
  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    treasurer = (await t.login('organiser_a')).token;
    branchA = (await t.http.get('/api/dues/branches').set('Authorization', treasurer)).body[0].id;
    const service = t.app.get(ReconciliationService);
    daily = service.daily.bind(service);
  });
  afterAll(() => t.close());

  it('stores a run with its mismatches once the bill is ready, and shows the treasurer only their branch\'s mismatches', async () => {
    const mine = await pay(treasurer);
    const theirs = await pay((await t.login('organiser_b')).token);
    await t.dataSource.query(`UPDATE pay_orders SET totalFen = totalFen + 1 WHERE id IN ('${mine}', '${theirs}')`);
    try {
      await daily(bj(`${tomorrow}T09:00:00`)); // WeChat's bill for today is not ready before 10:00
      expect(await runsOf(today)).toBe(0);
      await daily(bj(`${tomorrow}T10:30:00`));
    } finally {
      await t.dataSource.query(`UPDATE pay_orders SET totalFen = totalFen - 1 WHERE id IN ('${mine}', '${theirs}')`);
    }
    expect(await runsOf(today)).toBe(1);
    const res = await board(treasurer);
    expect(res.status).toBe(200);
    const run = res.body.find((r: { date: string }) => r.date === today);
    expect(run).toMatchObject({ billRows: 2, localPaid: 2 });
    expect(run.mismatches).toEqual([expect.objectContaining({ kind: 'amount_mismatch', localFen: expect.any(Number), billFen: expect.any(Number) })]);
    expect(await count(t, `SELECT mismatchCount AS n FROM pay_reconciliations WHERE billDate = '${today}'`)).toBe(2);
    expect(res.body.map((r: { date: string }) => r.date)).toEqual([...res.body.map((r: { date: string }) => r.date)].sort().reverse());
  });

  it('reconciles each bill date once, however often and on however many instances the job runs', async () => {
    const before = await count(t, 'SELECT COUNT(*) AS n FROM pay_reconciliation_mismatches');
    const later = bj(`${tomorrow}T15:00:00`);
    expect(await Promise.all([daily(later), daily(later)])).toEqual([0, 0]);
    expect(await runsOf(today)).toBe(1);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM pay_reconciliation_mismatches')).toBe(before);
  });

  it('stores nothing from a trade bill answer that fails the signature check, and tries again later', async () => {
    const dayAfter = formatChinaDate(new Date(Date.now() + 2 * 86_400_000));
    const at = bj(`${dayAfter}T11:00:00`);
    payFake(t).forgeResponses({ tamper: 'signature' });
    try {
      await daily(at);
    } finally {
      payFake(t).forgeResponses(null);
    }
    expect(await runsOf(tomorrow)).toBe(0);
    await daily(new Date(at.getTime() + 10 * 60_000));
    expect(await runsOf(tomorrow)).toBe(0); // not before the retry interval
    await daily(new Date(at.getTime() + 31 * 60_000));
    expect(await runsOf(tomorrow)).toBe(1);
  });

  it('refuses the runs to other branches\' treasurers (404), plain members (403) and a bad limit (400)', async () => {
    expect((await board((await t.login('organiser_b')).token)).status).toBe(404);
    expect((await board((await t.login('party_member')).token)).status).toBe(403);
    const bad = await board(treasurer, { limit: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});
