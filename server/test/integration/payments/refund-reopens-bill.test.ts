import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { count, createOrder, currentBill, outTradeNoOf, payFake, waitFor } from './pay-helpers.js';

describe.each(databases())('refunds and the bills they paid on %s', (db) => {
  let t: TestApp;
  let treasurer: string;
  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    treasurer = (await t.login('organiser_a')).token;
  });
  afterAll(() => t.close());

  const paid = async (token: string, billId: string, extraFen = 0) => {
    const order = await createOrder(t, token, [billId], extraFen);
    payFake(t).pay(await outTradeNoOf(t, order.id));
    await waitFor(async () => (await count(t, `SELECT COUNT(*) AS n FROM pay_orders WHERE id = '${order.id}' AND status = 'paid'`)) === 1);
    return order;
  };
  const credit = async (billId: string, orderId: string): Promise<{ id: string; amount: number } | undefined> =>
    (await t.dataSource.query(`SELECT id, amount FROM points_entries WHERE idempotencyKey = 'dues_on_time:${billId}:${orderId}'`))[0];
  const reversals = (entryId: string) => count(t, `SELECT COUNT(*) AS n FROM points_entries WHERE reversesEntryId = '${entryId}'`);
  const billStatus = async (billId: string) => (await t.dataSource.query(`SELECT status FROM dues_bills WHERE id = '${billId}'`))[0].status;
  const balance = async (userId: string) => Number((await t.dataSource.query(`SELECT balance FROM points_balances WHERE userId = '${userId}'`))[0]?.balance ?? 0);
  const refund = (orderId: string, amountFen: number, requestKey: string) =>
    t.http.post(`/api/payments/orders/${orderId}/refunds`).set('Authorization', treasurer).send({ amountFen, reason: '误缴退回', requestKey });

  it('puts the bill back to unpaid on a full refund, reverses its on-time points once, and lets it be paid again, earning them anew', async () => {
    const member = await t.login('party_member');
    const bill = await currentBill(t, member.token);
    const first = await paid(member.token, bill.id);
    const earned = (await credit(bill.id, first.id))!;
    expect(earned.amount).toBeGreaterThan(0);
    const before = await balance(member.userId);

    payFake(t).setBehaviour({ duplicate: 2 }); // the refund notification arrives three times
    try {
      expect((await refund(first.id, first.totalFen, 'full-refund-0001')).status).toBe(201);
      await waitFor(async () => (await billStatus(bill.id)) === 'unpaid');
      await payFake(t).notifier.idle();
    } finally {
      payFake(t).setBehaviour({ duplicate: 0 });
    }
    expect(await reversals(earned.id)).toBe(1);
    expect(await balance(member.userId)).toBe(before - earned.amount);
    expect(await count(t, `SELECT COUNT(*) AS n FROM outbox_messages WHERE dedupeKey = 'dues-refunded:${first.id}'`)).toBe(1);
    const receipt = await t.http.get(`/api/payments/orders/${first.id}/receipt`).set('Authorization', member.token);
    expect(receipt.body.refundedFen).toBe(first.totalFen);

    const again = await paid(member.token, (await currentBill(t, member.token)).id);
    expect(await billStatus(bill.id)).toBe('paid');
    expect((await credit(bill.id, again.id))?.amount).toBe(earned.amount);
    expect(await balance(member.userId)).toBe(before);
  });

  it('keeps the bill paid with its points on a partial refund; the refund that completes the full amount reopens it', async () => {
    const bill = await currentBill(t, treasurer);
    const order = await paid(treasurer, bill.id, 500);
    const earned = (await credit(bill.id, order.id))!;

    expect((await refund(order.id, 500, 'partial-refund-01')).status).toBe(201);
    await waitFor(async () => (await count(t, `SELECT refundedFen AS n FROM pay_orders WHERE id = '${order.id}'`)) === 500);
    expect(await billStatus(bill.id)).toBe('paid');
    expect(await reversals(earned.id)).toBe(0);

    expect((await refund(order.id, order.totalFen - 500, 'partial-refund-02')).status).toBe(201);
    await waitFor(async () => (await billStatus(bill.id)) === 'unpaid');
    expect(await reversals(earned.id)).toBe(1);
    const mine = await t.http.get('/api/dues/me').set('Authorization', treasurer);
    expect(mine.body.bills.find((b: { id: string }) => b.id === bill.id)).toMatchObject({ status: 'unpaid', orderId: null, paidAt: null });
  });

  it("answers WeChat Pay's refusal of a refund as a 409 the treasurer can act on, and records the refund as failed", async () => {
    // A bill of its own (a later month), so the other tests keep this month's.
    const [mine] = await t.dataSource.query(`SELECT * FROM dues_bills WHERE userId = (SELECT userId FROM dues_bills WHERE id = '${(await currentBill(t, treasurer)).id}') LIMIT 1`);
    const bill = { id: `${mine.id.slice(0, 20)}zzzzzz` };
    await t.dataSource.query('INSERT INTO dues_bills (id, userId, branchId, path, month, amountFen, originalFen, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      bill.id, mine.userId, mine.branchId, mine.path, '2099-12', mine.amountFen, mine.originalFen, 'unpaid',
    ]);
    const order = await paid(treasurer, bill.id);
    payFake(t).state.orders.delete(await outTradeNoOf(t, order.id)); // WeChat Pay has no such order
    const res = await refund(order.id, order.totalFen, 'refused-refund-01');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PAY_REFUND_REFUSED');
    expect(await count(t, `SELECT COUNT(*) AS n FROM pay_refunds WHERE orderId = '${order.id}' AND status = 'failed'`)).toBe(1);
    expect(await billStatus(bill.id)).toBe('paid');
  });

});
