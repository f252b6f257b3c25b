import { EnrollmentService } from '../../../src/enrollment/enrollment.service.js';
import { Meeting, MeetingInvitee } from '../../../src/meetings/meeting.entity.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, drain, link, publish, type Auth } from '../family/family-fixtures.js';
import { createOrder, currentBill, outTradeNoOf, payFake, waitFor } from '../payments/pay-helpers.js';

const DELETE = '/api/me/delete-account';

describe.each(databases())('account deletion (注销账号) on %s', (db) => {
  let t: TestApp;
  let member: Auth & { refreshToken: string }; // 李建国, Party member of 幸福社区第一党支部
  let elder: Auth; // 张秀英
  let resident: Auth; // 王丽
  let gridWorker: Auth; // 周敏, organiser of 幸福社区

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [member, elder, resident, gridWorker] = await Promise.all(['party_member', 'elder', 'resident', 'grid_worker'].map((p) => t.login(p)));
  });
  afterAll(() => t.close());

  const one = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0];

  it('refuses without the typed word, for the only secretary of a branch, and while a dues payment is in flight', async () => {
    const missing = await as(t, member).post(DELETE, {});
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([{ field: 'confirm', message: '请输入“注销”两个字确认' }]);
    expect((await as(t, member).post(DELETE, { confirm: '确定' })).body.code).toBe('VALIDATION_FAILED');

    const secretary = await t.login('organiser_a');
    const sole = await as(t, secretary).post(DELETE, { confirm: '注销' });
    expect(sole.status).toBe(409);
    expect(sole.body).toMatchObject({ code: 'ACCOUNT_SOLE_MANAGER', message: expect.stringContaining('「幸福社区第一党支部」唯一的书记') });

    const order = await createOrder(t, member.token, [(await currentBill(t, member.token)).id]);
    const paying = await as(t, member).post(DELETE, { confirm: '注销' });
    expect(paying.status).toBe(409);
    expect(paying.body.code).toBe('ACCOUNT_PAYMENT_IN_FLIGHT');
    payFake(t).pay(await outTradeNoOf(t, order.id));
    await waitFor(async () => (await one('SELECT status FROM pay_orders WHERE id = ?', [order.id])).status === 'paid');
    // Nothing was touched by the refusals.
    expect((await as(t, member).get('/api/me')).body.name).toBe('李建国');
  });

  it('erases the person, closes the account, frees their seat to the waitlist and ends their family links, keeping every ledger and branch total', async () => {
    const activity = await publish(t, gridWorker, { capacity: 1 });
    const seat = await as(t, member).post(`/api/activities/${activity.id}/signup`);
    expect(seat.body.status).toBe('confirmed');
    const waiting = await as(t, resident).post(`/api/activities/${activity.id}/signup`);
    expect(waiting.body.status).toBe('waitlisted');
    const linkId = await link(t, elder, member);

    const branchId = (await one('SELECT branchNodeId FROM users WHERE id = ?', [member.userId])).branchNodeId;
    const branchOf = (await one('SELECT id FROM org_nodes WHERE name = ?', ['幸福社区第一党支部'])).id;
    const totals = async () => ({
      ledger: await one('SELECT COUNT(*) AS n, SUM(amount) AS s FROM points_entries WHERE userId = ?', [member.userId]),
      scores: Number((await one('SELECT SUM(points) AS s FROM points_period_scores WHERE branchId = ?', [branchOf])).s),
      dues: await one("SELECT COUNT(*) AS n, SUM(amountFen) AS s, SUM(CASE WHEN status = 'paid' THEN amountFen ELSE 0 END) AS paid FROM dues_bills WHERE branchId = ?", [branchOf]),
      payments: Number((await one("SELECT SUM(totalFen) AS s FROM pay_orders WHERE branchId = ? AND status = 'paid'", [branchOf])).s),
      pastAttendance: await one("SELECT COUNT(*) AS n FROM meeting_invitees i JOIN meetings m ON m.id = i.meetingId WHERE i.userId = ? AND m.status = 'closed'", [member.userId]),
      checkIns: Number((await one('SELECT COUNT(*) AS n FROM check_ins WHERE userId = ?', [member.userId])).n),
    });
    const ahead = () =>
      t.dataSource.manager
        .createQueryBuilder(MeetingInvitee, 'i')
        .innerJoin(Meeting, 'm', 'm.id = i.meetingId')
        .where('i.userId = :userId AND m.status = :s AND m.startsAt > :now', { userId: member.userId, s: 'scheduled', now: new Date() })
        .getCount();
    expect(await ahead()).toBeGreaterThan(0);
    const before = await totals();
    expect(Number(before.ledger.n)).toBeGreaterThan(0);
    expect(branchId).toBeTruthy();

    const res = await as(t, member).post(DELETE, { confirm: ' 注销 ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deletedAt: expect.any(String), kept: expect.arrayContaining(['积分记录和余额']) });

    // The raw row: nothing personal left, the WeChat account freed, the account closed.
    const row = await one('SELECT * FROM users WHERE id = ?', [member.userId]);
    expect(row).toMatchObject({ name: '已注销用户', phoneCipher: null, phoneHash: null, unionid: null, birthYear: null, residenceNodeId: null, branchNodeId: null });
    expect(row.openid).toMatch(/^deleted:[0-9a-z]{26}$/);
    expect(row.deletedAt).not.toBeNull();
    expect(Boolean(Number(row.disabled))).toBe(true);
    expect(Number((await one('SELECT COUNT(*) AS n FROM role_assignments WHERE userId = ?', [member.userId])).n)).toBe(0);
    expect(Number((await one('SELECT COUNT(*) AS n FROM dues_profiles WHERE userId = ?', [member.userId])).n)).toBe(0);
    expect(await ahead()).toBe(0); // no longer expected at meetings still to come
    expect(Number((await one('SELECT COUNT(*) AS n FROM refresh_tokens WHERE userId = ? AND revokedAt IS NULL', [member.userId])).n)).toBe(0);

    // What the branch keeps adds up exactly as before, and the balance is still the sum of the ledger.
    const after = await totals();
    expect(after).toEqual(before);
    expect(Number((await one('SELECT balance FROM points_balances WHERE userId = ?', [member.userId])).balance)).toBe(Number(after.ledger.s));

    // The seat went to the head of the waitlist through the engine: counters still equal the enrollments.
    expect((await one('SELECT status, cancelReason FROM enrollments WHERE id = ?', [seat.body.id]))).toEqual({ status: 'cancelled', cancelReason: 'account_deleted' });
    expect((await one('SELECT status FROM enrollments WHERE id = ?', [waiting.body.id])).status).toBe('offered');
    const slotId = (await one('SELECT slotId FROM enrollments WHERE id = ?', [seat.body.id])).slotId;
    expect((await t.app.get(EnrollmentService).checkCounters(slotId)).agree).toBe(true);

    // The family link ended through the family domain: consent record, and the older resident told.
    expect((await one('SELECT status, revokedBy FROM family_links WHERE id = ?', [linkId]))).toEqual({ status: 'revoked', revokedBy: member.userId });
    const elderConsents = (await as(t, elder).get('/api/me/consents')).body;
    expect(elderConsents[0]).toMatchObject({ kind: 'family_link_revoked', familyLink: { id: linkId, otherName: '已注销用户' } });
    await drain(t);
    const inbox = (await as(t, elder).get('/api/notifications/inbox')).body.items.map((i: { title: string }) => i.title);
    expect(inbox).toContain('亲情账号已解除');
    expect(await t.dataSource.query("SELECT kind FROM consent_records WHERE userId = ? AND kind = 'account_deleted'", [member.userId])).toHaveLength(1);
    expect(Number((await one('SELECT COUNT(*) AS n FROM inbox_items WHERE userId = ? AND readAt IS NULL', [member.userId])).n)).toBe(0);
  });

  it('stops the old tokens and every way back in, while the same WeChat account can register afresh', async () => {
    const old = await as(t, member).get('/api/me');
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('ACCOUNT_DELETED');
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: member.refreshToken })).body.code).toBe('REFRESH_TOKEN_INVALID');
    const demo = await t.http.post('/api/auth/demo-login').send({ persona: 'party_member' });
    expect(demo.status).toBe(401);
    expect(demo.body.code).toBe('ACCOUNT_DELETED');
    expect((await as(t, member).post(DELETE, { confirm: '注销' })).status).toBe(401);

    const fresh = await t.http.post('/api/auth/wechat-login').send({ code: t.wechat.issueLoginCode('demo-openid-party_member') });
    expect(fresh.status).toBe(200);
    expect(fresh.body.user.id).not.toBe(member.userId);
    expect(fresh.body.user).toMatchObject({ name: '微信用户', phone: null, branch: null, roles: [] });
  });

  it("erases the household file's personal fields with the account, keeping the grid's visits", async () => {
    const count = async (table: string) => Number((await one(`SELECT COUNT(*) AS n FROM ${table} WHERE userId = ?`, [elder.userId])).n);
    expect(await count('person_profiles')).toBe(1);
    expect(await count('person_tags')).toBeGreaterThan(0);
    const visits = Number((await one('SELECT COUNT(*) AS n FROM care_visits')).n);
    const res = await as(t, elder).post(DELETE, { confirm: '注销' });
    expect(res.status).toBe(200);
    expect(await count('person_profiles')).toBe(0);
    expect(await count('person_tags')).toBe(0);
    expect(Number((await one('SELECT COUNT(*) AS n FROM care_visits')).n)).toBe(visits);
  });
});
