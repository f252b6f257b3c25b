import { billingMonthOf, shiftMonth } from '@honglin/shared';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('Party dues on %s', (db) => {
  let t: TestApp;
  let treasurer: string;
  let member: string;
  let branchA: string;
  const month = billingMonthOf(new Date());
  beforeAll(async () => {
    t = await startTestApp(db);
    treasurer = (await t.login('organiser_a')).token;
    member = (await t.login('party_member')).token;
    branchA = (await t.http.get('/api/dues/branches').set('Authorization', treasurer)).body[0].id;
  });
  afterAll(() => t.close());

  it('shows a member their profile by the rate table (5400 元 → 81.00 元) and this month\'s unpaid bill', async () => {
    const res = await t.http.get('/api/dues/me').set('Authorization', member);
    expect(res.body.profile).toMatchObject({ category: 'employed', baseFen: 540_000, monthlyFen: 8100 });
    expect(res.body.bills).toEqual(expect.arrayContaining([expect.objectContaining({ month, status: 'unpaid', amountFen: 8100 })]));
  });

  it('stores the income base encrypted and shows it only to the member and the branch treasurer', async () => {
    const rows = await t.dataSource.query(`SELECT baseCipher FROM dues_profiles WHERE baseCipher IS NOT NULL`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.baseCipher).not.toMatch(/^\d+$/);
    const asTreasurer = await t.http.get(`/api/dues/branches/${branchA}/profiles`).set('Authorization', treasurer);
    expect(asTreasurer.body.find((p: { name: string }) => p.name === '李建国').baseFen).toBe(540_000);
    const admin = await t.login('admin');
    const asAdmin = await t.http.get(`/api/dues/branches/${branchA}/profiles`).set('Authorization', admin.token);
    expect(asAdmin.status).toBe(200);
    const others = asAdmin.body.filter((p: { userId: string }) => p.userId !== admin.userId); // an admin still sees their own
    expect(others.every((p: { baseFen: number | null }) => p.baseFen === null)).toBe(true);
  });

  it('generates next month\'s bills once: running it twice creates nothing new', async () => {
    const next = shiftMonth(month, 1);
    const first = await t.http.post(`/api/dues/branches/${branchA}/bills`).set('Authorization', treasurer).send({ month: next });
    expect(first.status).toBe(200);
    expect(first.body.created).toBeGreaterThan(5);
    const [a, b] = await Promise.all([0, 1].map(() => t.http.post(`/api/dues/branches/${branchA}/bills`).set('Authorization', treasurer).send({ month: next })));
    expect(a.body.created + b.body.created).toBe(0);
    expect(a.body.total).toBe(first.body.total);
  });

  it('scopes the board to the treasurer\'s branch: organiser_b gets 404, a plain member 403', async () => {
    const board = await t.http.get(`/api/dues/branches/${branchA}/board`).query({ month }).set('Authorization', treasurer);
    expect(board.status).toBe(200);
    expect(board.body.totals.billed).toBe(board.body.bills.length);
    expect(board.body.totals.unpaidCount + board.body.totals.paidCount).toBe(board.body.bills.length);
    expect((await t.http.get(`/api/dues/branches/${branchA}/board`).set('Authorization', (await t.login('organiser_b')).token)).status).toBe(404);
    expect((await t.http.get(`/api/dues/branches/${branchA}/board`).set('Authorization', member)).status).toBe(403);
    const past = await t.http.get(`/api/dues/branches/${branchA}/board`).query({ month: shiftMonth(month, -1) }).set('Authorization', treasurer);
    expect(past.body.totals.overdueCount).toBe(past.body.totals.unpaidCount);
  });

  it('adjusts an unpaid bill with a reason, kept in the audit trail; refuses without a reason', async () => {
    const bill = (await t.http.get('/api/dues/me').set('Authorization', member)).body.bills.find((b: { month: string }) => b.month === month);
    const bad = await t.http.patch(`/api/dues/bills/${bill.id}`).set('Authorization', treasurer).send({ amountFen: 100 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const ok = await t.http.patch(`/api/dues/bills/${bill.id}`).set('Authorization', treasurer).send({ amountFen: 8000, reason: '工资基数核定调整' });
    expect(ok.body).toMatchObject({ amountFen: 8000, originalFen: 8100 });
    const [audit] = await t.dataSource.query(`SELECT fromFen, toFen, reason FROM dues_bill_adjustments WHERE billId = '${bill.id}'`);
    expect(audit).toMatchObject({ fromFen: 8100, toFen: 8000, reason: '工资基数核定调整' });
    expect((await t.http.patch(`/api/dues/bills/${bill.id}`).set('Authorization', (await t.login('organiser_b')).token).send({ amountFen: 1, reason: '越权修改' })).status).toBe(404);
  });

  it('sets a profile by the rate table and refuses an income-based category without an income', async () => {
    const profiles = (await t.http.get(`/api/dues/branches/${branchA}/profiles`).set('Authorization', treasurer)).body;
    const someone = profiles.find((p: { name: string }) => p.name !== '李建国');
    const set = await t.http.put(`/api/dues/profiles/${someone.userId}`).set('Authorization', treasurer).send({ category: 'retired', baseFen: 500_001 });
    expect(set.body).toMatchObject({ category: 'retired', monthlyFen: 5000, baseFen: 500_001 });
    const bad = await t.http.put(`/api/dues/profiles/${someone.userId}`).set('Authorization', treasurer).send({ category: 'employed' });
    expect(bad.status).toBe(400);
    const student = await t.http.put(`/api/dues/profiles/${someone.userId}`).set('Authorization', treasurer).send({ category: 'student' });
    expect(student.body).toMatchObject({ monthlyFen: 20, baseFen: null });
  });

  it('reminds unpaid members through the outbox, once a day each', async () => {
    const first = await t.http.post(`/api/dues/branches/${branchA}/reminders`).set('Authorization', treasurer).send({ month });
    expect(first.body.enqueued).toBeGreaterThan(0);
    await t.http.post(`/api/dues/branches/${branchA}/reminders`).set('Authorization', treasurer).send({ month });
    const [row] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM outbox_messages WHERE kind = 'dues_reminder'`);
    expect(Number(row.n)).toBe(first.body.enqueued);
  });
});
