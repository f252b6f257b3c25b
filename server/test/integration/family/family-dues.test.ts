import { jest } from '@jest/globals';
import { billingMonthOf } from '@honglin/shared';
import { FamilyLink } from '../../../src/family/family-link.entity.js';
import { FamilyLinksService } from '../../../src/family/family-links.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { outTradeNoOf, payFake, waitFor } from '../payments/pay-helpers.js';
import { as, count, link, xingfu, type Auth } from './family-fixtures.js';

type Bill = { id: string; month: string; status: string; amountFen: number; onBehalf: boolean };

describe.each(databases())('family 代缴: paying an older Party member’s dues on %s', (db) => {
  let t: TestApp;
  let family: Auth; // 王丽
  let elder: Auth; // 张秀英, not a Party member
  let stranger: Auth; // 李建国, linked to no one
  let gridWorker: Auth; // 周敏
  let senior: { id: string; name: string }; // an older Party member of 幸福社区 without a demo login
  let linkId: string;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [family, elder, stranger, gridWorker] = await Promise.all(['resident', 'elder', 'party_member', 'grid_worker'].map((p) => t.login(p)));
    // Older Party members are seeded; linking one takes the organiser-witnessed path (no demo login for them).
    const { community } = await xingfu(t);
    const members = (await as(t, gridWorker).get(`/api/org/nodes/${community.id}/members?limit=100`)).body.items as { id: string; name: string; birthYear: number | null; branch: unknown }[];
    senior = members.find((m) => m.branch && m.birthYear !== null && m.birthYear <= new Date().getFullYear() - 60)!;
    expect(senior).toBeDefined();
    const invite = await as(t, gridWorker).post('/api/family/invites/witnessed', { elderUserId: senior.id, reason: '老人行动不便，网格员上门见证，老人同意儿媳代缴党费' });
    linkId = (await as(t, family).post('/api/family/links', { code: invite.body.code })).body.id;
    await link(t, elder, family);
  });
  afterAll(() => t.close());

  const forSenior = (who: Auth) => ({
    dues: () => as(t, who).get(`/api/family/elders/${senior.id}/dues`),
    pay: (billIds: string[], extraFen = 0) => as(t, who).post(`/api/family/elders/${senior.id}/dues/orders`, { billIds, extraFen }),
  });
  const written = async () => [await count(t, 'pay_orders', '1 = 1'), await count(t, 'proxy_actions', '1 = 1'), await count(t, 'dues_bills', 'openOrderId IS NOT NULL')];

  it('pays with the family member’s own WeChat Pay: the order is on behalf, the receipt names her, the points go to the member, the record names the link', async () => {
    const links = (await as(t, family).get('/api/family/links')).body.elders as { elder: { id: string }; elderPartyMember: boolean }[];
    expect(links.find((l) => l.elder.id === senior.id)?.elderPartyMember).toBe(true);
    expect(links.find((l) => l.elder.id === elder.userId)?.elderPartyMember).toBe(false);

    const view = await forSenior(family).dues();
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ member: { id: senior.id, name: senior.name }, profile: { baseFen: null }, receipts: [] });
    const bill = (view.body.bills as Bill[]).find((b) => b.month === billingMonthOf(new Date()) && b.status === 'unpaid')!;

    const order = await forSenior(family).pay([bill.id]);
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ status: 'pending', onBehalf: true, totalFen: bill.amountFen, months: [bill.month] });
    expect(await count(t, 'pay_orders', `id = '${order.body.id}' AND memberUserId = '${senior.id}' AND payerUserId = '${family.userId}' AND onBehalf = 1`)).toBe(1);
    const [payer] = await t.dataSource.query(`SELECT openid FROM users WHERE id = '${family.userId}'`);
    expect(payFake(t).state.order(await outTradeNoOf(t, order.body.id)).openid).toBe(payer.openid);
    const [record] = await t.dataSource.query(`SELECT * FROM proxy_actions WHERE targetId = '${order.body.id}'`);
    expect(record).toMatchObject({ actorUserId: family.userId, subjectUserId: senior.id, action: 'dues_payment', targetType: 'pay_order', consent: 'family_link', familyLinkId: linkId });
    expect(record.targetTitle).toContain(`${bill.month}党费`);

    payFake(t).pay(await outTradeNoOf(t, order.body.id));
    await waitFor(async () => (await count(t, 'pay_orders', `id = '${order.body.id}' AND status = 'paid'`)) === 1);
    const receipt = await as(t, family).get(`/api/payments/orders/${order.body.id}/receipt`);
    expect(receipt.body).toMatchObject({ onBehalf: true, payerName: '王丽', memberName: senior.name, months: [bill.month] });
    expect(await count(t, 'points_entries', `userId = '${senior.id}' AND action = 'dues_on_time' AND sourceId = '${bill.id}'`)).toBe(1);
    expect(await count(t, 'points_entries', `userId = '${family.userId}' AND action = 'dues_on_time'`)).toBe(0);

    const after = (await forSenior(family).dues()).body;
    expect((after.bills as Bill[]).find((b) => b.id === bill.id)).toMatchObject({ status: 'paid', onBehalf: true });
    expect(after.receipts).toEqual([expect.objectContaining({ id: receipt.body.id, months: [bill.month] })]);
    const [mine] = (await as(t, family).get('/api/family/history?as=actor')).body.items;
    expect(mine).toMatchObject({ action: 'dues_payment', subject: { name: senior.name }, target: { id: order.body.id }, consent: { kind: 'family_link', linkId } });
  });

  it('refuses without an active link (403 FAMILY_NOT_LINKED), for other people’s bills (404) and for a non-Party elder (409), writing nothing', async () => {
    const bills = (await forSenior(family).dues()).body.bills as Bill[];
    const unpaid = bills.filter((b) => b.status === 'unpaid').map((b) => b.id);
    expect(unpaid.length).toBeGreaterThan(0);
    const strangersBill = ((await as(t, stranger).get('/api/dues/me')).body.bills as Bill[]).find((b) => b.status === 'unpaid')!;
    const before = await written();

    for (const res of [await forSenior(stranger).dues(), await forSenior(stranger).pay(unpaid)]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FAMILY_NOT_LINKED', message: expect.stringMatching(/亲情账号/) });
    }
    const notHers = await forSenior(family).pay([strangersBill.id]);
    expect(notHers.status).toBe(404);
    const empty = await forSenior(family).pay([]);
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'billIds', message: '请选择要缴纳的月份' })] });
    const notMember = await as(t, family).get(`/api/family/elders/${elder.userId}/dues`);
    expect(notMember.status).toBe(409);
    expect(notMember.body).toMatchObject({ code: 'FAMILY_ELDER_NOT_PARTY_MEMBER', message: expect.stringMatching(/不是党员/) });

    expect((await as(t, family).post(`/api/family/links/${linkId}/revoke`, { reason: '改由老人自己缴' })).status).toBe(200);
    const revoked = await forSenior(family).pay(unpaid);
    expect(revoked.status).toBe(403);
    expect(revoked.body.code).toBe('FAMILY_NOT_LINKED');
    expect((await forSenior(family).dues()).status).toBe(403);
    // Revoked after the first check passed: the re-check inside the order's transaction refuses it.
    const links = t.app.get(FamilyLinksService);
    const stale = { ...(await t.dataSource.manager.findOneByOrFail(FamilyLink, { id: linkId })), status: 'active' as const };
    const spy = jest.spyOn(links, 'requireActive').mockResolvedValue(stale);
    try {
      const raced = await forSenior(family).pay(unpaid);
      expect(raced.status).toBe(403);
      expect(raced.body.code).toBe('FAMILY_NOT_LINKED');
    } finally {
      spy.mockRestore();
    }
    expect(await written()).toEqual(before);
  });
});
