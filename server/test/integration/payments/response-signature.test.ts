import { RESPONSE_TAMPERS } from '../../../src/fakes/wechat-pay/fake-pay-server.js';
import { PaymentsSweeper } from '../../../src/payments/payments-sweeper.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { count, createOrder, currentBill, outTradeNoOf, payFake } from './pay-helpers.js';

/** Each way an answer can fail the check, in words for the test names. */
const FORGERIES = RESPONSE_TAMPERS.map((tamper) => [{ unsigned: 'unsigned', signature: 'wrongly signed', serial: 'signed by an unknown key', stale: 'signed ten minutes ago', body: 'changed after signing' }[tamper], tamper] as const);

describe.each(databases())('WeChat Pay response signatures on %s', (db) => {
  let t: TestApp;
  let member: string;
  let minutes = 10;
  // Each pass a minute later than the last, so every pending order is queried again.
  const sweep = () => t.app.get(PaymentsSweeper).sweep(new Date(Date.now() + minutes++ * 60_000));
  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    member = (await t.login('party_member')).token;
  });
  afterEach(() => payFake(t).forgeResponses(null));
  afterAll(() => t.close());

  it.each(FORGERIES)('refuses a prepay answer %s: no pay parameters, the bill stays unpaid and free', async (_label, tamper) => {
    const bill = await currentBill(t, member);
    payFake(t).forgeResponses({ tamper, rewrite: (b) => b.replace(/"prepay_id":"[^"]+"/, '"prepay_id":"wx_forged_prepay"') });
    const res = await t.http.post('/api/payments/orders').set('Authorization', member).send({ billIds: [bill.id] });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('PAY_UNAVAILABLE');
    expect(await count(t, `SELECT COUNT(*) AS n FROM pay_orders WHERE prepayId IS NOT NULL`)).toBe(0);
    expect(await count(t, `SELECT COUNT(*) AS n FROM dues_bills WHERE id = '${bill.id}' AND status = 'unpaid' AND openOrderId IS NULL`)).toBe(1);
  });

  describe('a query answer claiming an unpaid order was paid', () => {
    let orderId: string;
    let billId: string;
    beforeAll(async () => {
      billId = (await currentBill(t, member)).id;
      orderId = (await createOrder(t, member, [billId])).id;
    });

    it.each(FORGERIES)('is refused when %s, and the sweeper settles nothing', async (_label, tamper) => {
      const paidAt = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
      payFake(t).forgeResponses({ tamper, rewrite: (b) => b.replace('"trade_state":"NOTPAY"', `"trade_state":"SUCCESS","transaction_id":"4200000000000000000000000001","success_time":"${paidAt}"`) });
      expect((await sweep()).settled).toBe(0);
      expect(await count(t, `SELECT COUNT(*) AS n FROM pay_orders WHERE id = '${orderId}' AND status = 'pending'`)).toBe(1);
      expect(await count(t, `SELECT COUNT(*) AS n FROM dues_bills WHERE id = '${billId}' AND status = 'unpaid'`)).toBe(1);
      expect(await count(t, `SELECT COUNT(*) AS n FROM dues_receipts WHERE orderId = '${orderId}'`)).toBe(0);
      expect(await count(t, `SELECT COUNT(*) AS n FROM points_entries WHERE sourceId = '${billId}'`)).toBe(0);
    });

    it('is believed once WeChat Pay really signed it (public-key mode): the lost payment is settled', async () => {
      const fake = payFake(t);
      fake.setBehaviour({ drop: true, mode: 'public_key' });
      fake.pay(await outTradeNoOf(t, orderId));
      try {
        expect((await sweep()).settled).toBe(1);
      } finally {
        fake.setBehaviour({ drop: false, mode: 'certificate' });
      }
      expect(await count(t, `SELECT COUNT(*) AS n FROM dues_bills WHERE id = '${billId}' AND status = 'paid' AND paidOrderId = '${orderId}'`)).toBe(1);
    });
  });
});
