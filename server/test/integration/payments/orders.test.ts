import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { count, createOrder, currentBill, outTradeNoOf, payFake, waitFor } from './pay-helpers.js';

describe.each(databases())('dues orders, recovery, refunds and reconciliation on %s', (db) => {
  let t: TestApp;
  let member: string;
  let treasurer: string;
  beforeAll(async () => {
    t = await startTestApp(db);
    member = (await t.login('party_member')).token;
    treasurer = (await t.login('organiser_a')).token;
  });
  afterAll(() => t.close());

  it('keeps one open order per bill: paying again with other terms closes the previous order at WeChat first', async () => {
    const bill = await currentBill(t, member);
    const first = await createOrder(t, member, [bill.id]);
    const same = await createOrder(t, member, [bill.id]);
    expect(same.id).toBe(first.id); // same terms: reused, with fresh pay parameters
    const second = await createOrder(t, member, [bill.id], 1000);
    expect(second.id).not.toBe(first.id);
    expect(payFake(t).state.order(await outTradeNoOf(t, first.id)).state).toBe('CLOSED');
    expect(await count(t, `SELECT COUNT(*) AS n FROM pay_orders WHERE id = '${first.id}' AND status = 'closed'`)).toBe(1);
    expect(await count(t, `SELECT COUNT(*) AS n FROM dues_bills WHERE id = '${bill.id}' AND openOrderId = '${second.id}'`)).toBe(1);
  });

  it('recovers a lost notification with the query job, and closes expired unpaid orders', async () => {
    const fake = payFake(t);
    const bill = await currentBill(t, member);
    const order = await createOrder(t, member, [bill.id]);
    fake.setBehaviour({ drop: true });
    fake.pay(await outTradeNoOf(t, order.id));
    fake.setBehaviour({ drop: false });
    const { PaymentsSweeper } = await import('../../../src/payments/payments-sweeper.js');
    const result = await t.app.get(PaymentsSweeper).sweep(new Date(Date.now() + 10 * 60_000));
    expect(result.settled).toBe(1);
    const view = await t.http.get(`/api/payments/orders/${order.id}`).set('Authorization', member);
    expect(view.body).toMatchObject({ status: 'paid', receiptId: expect.any(String) });
    // Another member's order that nobody pays: after expiry it is closed at WeChat and here.
    const other = (await t.login('organiser_b')).token;
    const unpaid = await createOrder(t, other, [(await currentBill(t, other)).id]);
    const later = await t.app.get(PaymentsSweeper).sweep(new Date(Date.now() + 60 * 60_000));
    expect(later.closed).toBeGreaterThanOrEqual(1);
    expect(await count(t, `SELECT COUNT(*) AS n FROM pay_orders WHERE id = '${unpaid.id}' AND status = 'closed'`)).toBe(1);
  });

  it('refuses to pay a paid bill, someone else\'s bill, or bills of two members at once', async () => {
    const mine = await t.http.get('/api/dues/me').set('Authorization', member);
    const paid = mine.body.bills.find((b: { status: string }) => b.status === 'paid');
    const r1 = await t.http.post('/api/payments/orders').set('Authorization', member).send({ billIds: [paid.id] });
    expect(r1.status).toBe(409);
    expect(r1.body.code).toBe('DUES_BILL_PAID');
    const elderToken = (await t.login('elder')).token;
    const unpaidOfA = (await t.http.get('/api/dues/me').set('Authorization', treasurer)).body.bills.find((b: { status: string }) => b.status === 'unpaid');
    const r2 = await t.http.post('/api/payments/orders').set('Authorization', elderToken).send({ billIds: [unpaidOfA.id] });
    expect(r2.status).toBe(404);
    const r3 = await t.http.post('/api/payments/orders').set('Authorization', member).send({ billIds: ['not-an-id'], extraFen: -1 });
    expect(r3.status).toBe(400);
    expect(r3.body.code).toBe('VALIDATION_FAILED');
  });

  it('lets the branch organiser pay for a member (代缴), recorded as on behalf', async () => {
    const board = await t.http.get(`/api/dues/branches/${await branchA()}/board`).set('Authorization', treasurer);
    const target = board.body.bills.find((b: { status: string; memberName: string }) => b.status === 'unpaid' && b.memberName !== '陈红');
    const order = await createOrder(t, treasurer, [target.id]);
    payFake(t).pay(await outTradeNoOf(t, order.id));
    await waitFor(async () => (await count(t, `SELECT COUNT(*) AS n FROM pay_orders WHERE id = '${order.id}' AND status = 'paid' AND onBehalf = 1`)) === 1);
    const receipt = await t.http.get(`/api/payments/orders/${order.id}/receipt`).set('Authorization', treasurer);
    expect(receipt.body).toMatchObject({ onBehalf: true, payerName: '陈红' });
    // Recorded with the order: who paid for whom, from which request.
    const [entry] = await t.dataSource.query("SELECT subjectUserId, resourceId, requestId FROM audit_entries WHERE action = 'dues.pay_for' AND resourceId = ?", [order.id]);
    expect(entry).toMatchObject({ subjectUserId: target.userId ?? expect.any(String), resourceId: order.id, requestId: expect.any(String) });
  });

  it('refunds once per request key, partially, and never beyond the paid amount', async () => {
    const [row] = await t.dataSource.query(`SELECT id, totalFen FROM pay_orders WHERE status = 'paid' AND prepayId IS NOT NULL AND path LIKE '%' ORDER BY createdAt LIMIT 1`);
    const body = { amountFen: 10, reason: '多缴退回', requestKey: 'refund-key-0001' };
    const a = await t.http.post(`/api/payments/orders/${row.id}/refunds`).set('Authorization', treasurer).send(body);
    const b = await t.http.post(`/api/payments/orders/${row.id}/refunds`).set('Authorization', treasurer).send(body);
    expect(a.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect([...payFake(t).state.refunds.values()].filter((r) => r.outTradeNo === payFake(t).state.orders.get(r.outTradeNo)?.outTradeNo)).toHaveLength(1);
    await waitFor(async () => (await count(t, `SELECT refundedFen AS n FROM pay_orders WHERE id = '${row.id}'`)) === 10);
    const tooMuch = await t.http.post(`/api/payments/orders/${row.id}/refunds`).set('Authorization', treasurer).send({ ...body, amountFen: Number(row.totalFen), requestKey: 'refund-key-0002' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('PAY_REFUND_EXCEEDS');
    const otherBranch = await t.http.post(`/api/payments/orders/${row.id}/refunds`).set('Authorization', (await t.login('organiser_b')).token).send({ ...body, requestKey: 'refund-key-0003' });
    expect(otherBranch.status).toBe(404);
    await payFake(t).notifier.idle();
    expect(await count(t, `SELECT refundedFen AS n FROM pay_orders WHERE id = '${row.id}'`)).toBe(10);
  });

  it('reconciles the trade bill and lists an order whose amount differs', async () => {
    const [paid] = await t.dataSource.query(`SELECT id, paidAt FROM pay_orders WHERE status = 'paid' AND prepayId IS NOT NULL ORDER BY paidAt DESC LIMIT 1`);
    await t.dataSource.query(`UPDATE pay_orders SET totalFen = totalFen + 1 WHERE id = '${paid.id}'`);
    const date = new Date(new Date(paid.paidAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await t.http.get('/api/payments/reconciliation').query({ date }).set('Authorization', treasurer);
    expect(res.status).toBe(200);
    expect(res.body.billRows).toBeGreaterThan(0);
    expect(res.body.mismatches).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'amount_mismatch' })]));
    await t.dataSource.query(`UPDATE pay_orders SET totalFen = totalFen - 1 WHERE id = '${paid.id}'`);
  });

  async function branchA(): Promise<string> {
    const res = await t.http.get('/api/dues/branches').set('Authorization', treasurer);
    return res.body[0].id;
  }
});
