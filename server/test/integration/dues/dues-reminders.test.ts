import { billingMonthOf, shiftMonth } from '@honglin/shared';
import { DuesReminders } from '../../../src/dues/dues-reminders.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { count, createOrder, currentBill, outTradeNoOf, payFake, waitFor } from '../payments/pay-helpers.js';

const bj = (iso: string) => new Date(`${iso}+08:00`);

describe.each(databases())('automatic dues reminders on %s', (db) => {
  let t: TestApp;
  let jobs: DuesReminders;
  const month = billingMonthOf(new Date());
  const remindDay = bj(`${month}-20T10:00:00`);
  const overdueDay = bj(`${shiftMonth(month, 1)}-01T10:00:00`);
  const outbox = (where: string) => count(t, `SELECT COUNT(*) AS n FROM outbox_messages WHERE ${where}`);
  beforeAll(async () => {
    // No background worker: the reminders stay in the outbox where the test can see them.
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    jobs = t.app.get(DuesReminders);
  });
  afterAll(() => t.close());

  it('reminds every member with an unpaid bill on the 20th at 10:00 Beijing time, once per bill', async () => {
    const unpaid = await count(t, `SELECT COUNT(*) AS n FROM dues_bills WHERE month = '${month}' AND status = 'unpaid'`);
    expect(unpaid).toBeGreaterThan(5);
    expect(await jobs.run(bj(`${month}-19T12:00:00`))).toBe(0);
    expect(await jobs.run(remindDay)).toBe(unpaid);
    expect(await jobs.run(new Date(remindDay.getTime() + 3_600_000))).toBe(0);
    expect(await outbox(`kind = 'dues_reminder_due'`)).toBe(unpaid);
    const rows: { dedupeKey: string; groupKey: string; notBefore: Date | string }[] = await t.dataSource.query(`SELECT dedupeKey, groupKey, notBefore FROM outbox_messages WHERE kind = 'dues_reminder_due'`);
    for (const r of rows) {
      expect(r.groupKey).toBe(`dues:${r.dedupeKey.split(':')[1]}`);
      expect(new Date(r.notBefore).getTime()).toBe(remindDay.getTime());
    }
  });

  it('withdraws a reminder not yet delivered when the bill is paid, and reminds only the still unpaid bills once they are overdue', async () => {
    const member = (await t.login('party_member')).token;
    const bill = await currentBill(t, member);
    const order = await createOrder(t, member, [bill.id]);
    payFake(t).pay(await outTradeNoOf(t, order.id));
    await waitFor(async () => (await count(t, `SELECT COUNT(*) AS n FROM dues_bills WHERE id = '${bill.id}' AND status = 'paid'`)) === 1);
    expect(await outbox(`dedupeKey = 'dues-auto:${bill.id}:due' AND status = 'cancelled'`)).toBe(1);

    const unpaid = await count(t, `SELECT COUNT(*) AS n FROM dues_bills WHERE month = '${month}' AND status = 'unpaid'`);
    await Promise.all([jobs.run(overdueDay), jobs.run(overdueDay)]); // two instances at once
    expect(await outbox(`kind = 'dues_reminder_overdue'`)).toBe(unpaid);
    expect(await outbox(`dedupeKey = 'dues-auto:${bill.id}:overdue'`)).toBe(0);
    expect(await count(t, `SELECT COUNT(*) AS n FROM dues_reminders WHERE kind = 'overdue'`)).toBe(unpaid);
    // A week after it became overdue the job leaves the backlog alone.
    expect(await jobs.run(new Date(overdueDay.getTime() + 8 * 86_400_000))).toBe(0);
  });

  it('queues a reminder found at night for 07:00 the next morning, never in quiet hours', async () => {
    const treasurer = (await t.login('organiser_a')).token;
    const branch = (await t.http.get('/api/dues/branches').set('Authorization', treasurer)).body[0].id;
    const next = shiftMonth(month, 2);
    const made = await t.http.post(`/api/dues/branches/${branch}/bills`).set('Authorization', treasurer).send({ month: next });
    expect(made.body.created).toBeGreaterThan(0);
    expect(await jobs.run(bj(`${next}-22T23:30:00`))).toBe(made.body.created);
    const rows: { notBefore: Date | string }[] = await t.dataSource.query(`SELECT o.notBefore FROM outbox_messages o WHERE o.kind = 'dues_reminder_due' AND o.title LIKE '${next}%'`);
    expect(rows).toHaveLength(made.body.created);
    for (const r of rows) expect(new Date(r.notBefore).getTime()).toBe(bj(`${next}-23T07:00:00`).getTime());
  });
});
