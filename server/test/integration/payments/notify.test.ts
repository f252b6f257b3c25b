import { TAMPERS } from '../../../src/fakes/wechat-pay/fake-pay-server.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { count, createOrder, currentBill, outTradeNoOf, payFake, waitFor } from './pay-helpers.js';

describe.each(databases())('WeChat Pay notifications on %s', (db) => {
  let t: TestApp;
  let member: string;
  beforeAll(async () => {
    t = await startTestApp(db);
    member = (await t.login('party_member')).token;
  });
  afterAll(() => t.close());

  const orderState = async (orderId: string) => {
    const o = await t.http.get(`/api/payments/orders/${orderId}`).set('Authorization', member);
    return o.body as { status: string; receiptId: string | null };
  };
  const post = (n: { headers: Record<string, string>; body: string }) => t.http.post('/api/payments/notify').set(n.headers).send(n.body);

  it('pays a bill through the fake: signed notification, bill paid, receipt checkable by its code, member notified', async () => {
    const bill = await currentBill(t, member);
    const order = await createOrder(t, member, [bill.id], 500);
    expect(order.totalFen).toBe(bill.amountFen + 500);
    expect(order.payParams).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx/) });
    payFake(t).pay(await outTradeNoOf(t, order.id));
    await waitFor(async () => (await orderState(order.id)).status === 'paid');
    const receipt = await t.http.get(`/api/payments/orders/${order.id}/receipt`).set('Authorization', member);
    expect(receipt.body).toMatchObject({ totalFen: bill.amountFen + 500, extraFen: 500, memberName: '李建国', onBehalf: false });
    const check = await t.http.get('/api/dues/receipts-check').query({ code: receipt.body.code });
    expect(check.body).toMatchObject({ valid: true, memberName: '李**', totalFen: bill.amountFen + 500 });
    expect((await t.http.get('/api/dues/receipts-check').query({ code: 'AAAAAAAAAAAA' })).body).toEqual({ valid: false });
    expect(await count(t, `SELECT COUNT(*) AS n FROM outbox_messages WHERE dedupeKey = 'dues-paid:${order.id}'`)).toBe(1);
  });

  describe('refuses every forged or spoiled notification and changes nothing', () => {
    let orderId: string;
    let no: string;
    beforeAll(async () => {
      const bill = await currentBill(t, (await t.login('organiser_a')).token);
      const token = (await t.login('organiser_a')).token;
      orderId = (await createOrder(t, token, [bill.id])).id;
      no = await outTradeNoOf(t, orderId);
      payFake(t).setBehaviour({ drop: true }); // paid at WeChat, notification lost: we send the attacks by hand
      payFake(t).pay(no);
    });
    afterAll(() => payFake(t).setBehaviour({ drop: false }));

    it.each(TAMPERS)('refuses a notification with %s tampered', async (tamper) => {
      const res = await post(payFake(t).paymentNotification(no, tamper));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).toMatchObject({ code: 'FAIL', message: expect.any(String) });
      expect(await count(t, `SELECT COUNT(*) AS n FROM pay_orders WHERE id = '${orderId}' AND status = 'pending'`)).toBe(1);
      expect(await count(t, `SELECT COUNT(*) AS n FROM dues_receipts WHERE orderId = '${orderId}'`)).toBe(0);
    });

    it('refuses a valid-looking notification for an order we never made', async () => {
      const fake = payFake(t);
      const real = fake.state.order(no);
      fake.state.orders.set('UnknownOrder0000000000000000001', { ...real, outTradeNo: 'UnknownOrder0000000000000000001' });
      const res = await post(fake.paymentNotification('UnknownOrder0000000000000000001'));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('FAIL');
    });

    it('refuses an unsigned body and a missing raw body', async () => {
      const res = await t.http.post('/api/payments/notify').set('Content-Type', 'application/json').send({ event_type: 'TRANSACTION.SUCCESS' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('FAIL');
    });

    it('applies 20 concurrent duplicates of the valid notification exactly once', async () => {
      const fake = payFake(t);
      const copies = Array.from({ length: 20 }, (_, i) => fake.paymentNotification(no, null, i % 2 ? 'public_key' : 'certificate'));
      const answers = await Promise.all(copies.map(post));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(204));
      expect(await count(t, `SELECT COUNT(*) AS n FROM pay_orders WHERE id = '${orderId}' AND status = 'paid'`)).toBe(1);
      expect(await count(t, `SELECT COUNT(*) AS n FROM dues_receipts WHERE orderId = '${orderId}'`)).toBe(1);
      const [bill] = await t.dataSource.query(`SELECT billId FROM pay_order_bills WHERE orderId = '${orderId}'`);
      expect(await count(t, `SELECT COUNT(*) AS n FROM points_entries WHERE sourceType = 'dues_bill' AND sourceId = '${bill.billId}'`)).toBe(1);
      expect(await count(t, `SELECT COUNT(*) AS n FROM dues_bills WHERE id = '${bill.billId}' AND status = 'paid' AND paidOrderId = '${orderId}'`)).toBe(1);
    });
  });

  it('survives duplicated, delayed and reordered deliveries from the fake', async () => {
    const fake = payFake(t);
    const token = (await t.login('organiser_b')).token;
    const bill = await currentBill(t, token);
    const order = await createOrder(t, token, [bill.id]);
    fake.setBehaviour({ duplicate: 3, delayMs: 20, reorder: true });
    const no = await outTradeNoOf(t, order.id);
    fake.pay(no);
    expect(fake.notifier.flush()).toBe(1);
    fake.setBehaviour({ duplicate: 0, delayMs: 0, reorder: false });
    await fake.notifier.idle();
    expect(await count(t, `SELECT COUNT(*) AS n FROM dues_receipts WHERE orderId = '${order.id}'`)).toBe(1);
    expect(fake.notifier.deliveries.filter((d) => d.key === no && d.status === 204)).toHaveLength(4);
  });
});
