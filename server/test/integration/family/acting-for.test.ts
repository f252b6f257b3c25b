import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, count, drain, link, nonce, publish, type Auth } from './family-fixtures.js';

const HOUR = 3_600_000;

describe.each(databases())('acting for an older resident on %s', (db) => {
  let t: TestApp;
  let elder: Auth; // 张秀英
  let family: Auth; // 王丽
  let stranger: Auth; // 李建国, not linked
  let gridWorker: Auth; // 周敏
  let linkId: string;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [elder, family, stranger, gridWorker] = await Promise.all(['elder', 'resident', 'party_member', 'grid_worker'].map((p) => t.login(p)));
    linkId = await link(t, elder, family);
  });
  afterAll(() => t.close());

  const forElder = (who: Auth) => ({
    signUp: (activityId: string, body: object = {}) => as(t, who).post(`/api/family/elders/${elder.userId}/activities/${activityId}/signup`, body),
    cancel: (enrollmentId: string) => as(t, who).post(`/api/family/elders/${elder.userId}/enrollments/${enrollmentId}/cancel`),
    checkIn: (token: string) => as(t, who).post(`/api/family/elders/${elder.userId}/checkin`, { token, nonce: nonce() }),
    inbox: () => as(t, who).get(`/api/family/elders/${elder.userId}/inbox`),
    activities: () => as(t, who).get(`/api/family/elders/${elder.userId}/activities`),
  });
  const history = async (who: Auth, asWhat = 'subject') => (await as(t, who).get(`/api/family/history?as=${asWhat}`)).body.items as { action: string; actor: { name: string }; subject: { name: string }; target: { id: string; title: string }; consent: { kind: string; linkId: string | null; role: string | null; reason: string | null } }[];

  it('signs the elder up through the one enrollment engine; the elder sees who did it in 我的活动, the roster and their history', async () => {
    const a = await publish(t, gridWorker, { title: '社区敬老午餐' });
    const res = await forElder(family).signUp(a.id, { companions: [{ name: '老伴', age: 75 }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'confirmed', seats: 2 });

    const mine = (await as(t, elder).get('/api/activities/mine')).body.find((e: { id: string }) => e.id === res.body.id);
    expect(mine).toMatchObject({ activity: { title: '社区敬老午餐' }, enteredBy: { name: '王丽', as: 'family' } });
    expect((await as(t, family).get('/api/activities/mine')).body.some((e: { id: string }) => e.id === res.body.id)).toBe(false);
    expect((await forElder(family).activities()).body.map((e: { id: string }) => e.id)).toContain(res.body.id);

    const roster = (await as(t, gridWorker).get(`/api/activities/${a.id}/roster`)).body.entries;
    expect(roster).toEqual([expect.objectContaining({ user: expect.objectContaining({ id: elder.userId }), enteredBy: { id: family.userId, name: '王丽' }, enteredReason: '家人代报名' })]);

    const [latest] = await history(elder);
    expect(latest).toMatchObject({ action: 'activity_signup', actor: { name: '王丽' }, subject: { name: '张秀英' }, target: { id: res.body.id, title: '社区敬老午餐' }, consent: { kind: 'family_link', linkId } });
    expect((await history(family, 'actor'))[0]).toMatchObject({ action: 'activity_signup', target: { id: res.body.id } });

    await drain(t);
    const notices = (await as(t, elder).get('/api/notifications/inbox')).body.items.map((i: { title: string }) => i.title);
    expect(notices).toContain('报名成功');
    const again = await forElder(family).signUp(a.id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ENROLLMENT_EXISTS', message: expect.stringMatching(/^TA已经报过名/) });
  });

  it('refuses every acting-for action without an active link, with a stable code and a Chinese reason, and writes nothing', async () => {
    const a = await publish(t, gridWorker);
    const own = (await as(t, elder).post(`/api/activities/${a.id}/signup`)).body;
    const qr = (await as(t, gridWorker).get(`/api/checkin/activity/${a.id}/qr`)).body;
    const before = [await count(t, 'enrollments', `userId = '${elder.userId}'`), await count(t, 'proxy_actions', '1 = 1'), await count(t, 'check_ins', `userId = '${elder.userId}'`)];
    const attempts = [
      forElder(stranger).signUp(a.id),
      forElder(stranger).cancel(own.id),
      forElder(stranger).checkIn(qr.token ?? 'HL1.x'),
      forElder(stranger).inbox(),
      forElder(stranger).activities(),
      as(t, family).post(`/api/family/elders/${stranger.userId}/activities/${a.id}/signup`), // linked to the elder, not to this person
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FAMILY_NOT_LINKED', message: expect.stringMatching(/亲情账号/) });
    }
    expect([await count(t, 'enrollments', `userId = '${elder.userId}'`), await count(t, 'proxy_actions', '1 = 1'), await count(t, 'check_ins', `userId = '${elder.userId}'`)]).toEqual(before);
    expect((await as(t, elder).get(`/api/activities/${a.id}`)).body.mine.status).toBe('confirmed');
  });

  it('checks the elder in with the code on the organiser screen and cancels under the elder’s own rules, each recorded', async () => {
    const soon = await publish(t, gridWorker, { title: '健康讲座', startsAt: new Date(Date.now() + 10 * 60_000).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString(), cancelDeadline: new Date(Date.now() + 5 * 60_000).toISOString() });
    const signed = (await forElder(family).signUp(soon.id)).body;
    expect((await forElder(family).checkIn('HL1.forged')).body.code).toBe('CHECKIN_TOKEN_FORGED');
    const qr = (await as(t, gridWorker).get(`/api/checkin/activity/${soon.id}/qr`)).body;
    const done = await forElder(family).checkIn(qr.token);
    expect(done.status).toBe(200);
    expect(done.body.checkIn).toMatchObject({ userId: elder.userId, method: 'assisted', assistedBy: family.userId, reason: '家人陪同代签到' });
    expect((await as(t, elder).get(`/api/activities/${soon.id}`)).body.mine).toMatchObject({ id: signed.id, status: 'attended' });
    expect((await forElder(family).checkIn(qr.token)).body).toMatchObject({ code: 'CHECKIN_ALREADY_DONE', message: expect.stringMatching(/^TA已经签到/) });

    const later = await publish(t, gridWorker, { title: '书法课' });
    const booked = (await forElder(family).signUp(later.id)).body;
    const cancelled = await forElder(family).cancel(booked.id);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await forElder(family).cancel(booked.id)).body.code).toBe('ENROLLMENT_NOT_CANCELLABLE');
    const familysOwn = (await as(t, family).post(`/api/activities/${later.id}/signup`)).body;
    expect((await forElder(family).cancel(familysOwn.id)).status).toBe(404); // not the elder's enrollment

    const actions = (await history(elder)).map((h) => [h.action, h.target.title, h.consent.kind]);
    expect(actions).toEqual(expect.arrayContaining([['checkin', '健康讲座', 'family_link'], ['enrollment_cancel', '书法课', 'family_link']]));
  });

  it('shows the elder’s notices to the family member without marking them read, and the elder sees each look', async () => {
    await drain(t);
    const unread = (await as(t, elder).get('/api/notifications/unread')).body.unread;
    expect(unread).toBeGreaterThan(0);
    const seen = await forElder(family).inbox();
    expect(seen.status).toBe(200);
    expect(seen.body.items.length).toBeGreaterThan(0);
    expect((await as(t, elder).get('/api/notifications/unread')).body.unread).toBe(unread);
    expect((await history(elder))[0]).toMatchObject({ action: 'inbox_read', actor: { name: '王丽' }, consent: { kind: 'family_link', linkId } });
  });

  it('takes revocation into effect for the very next action', async () => {
    const a = await publish(t, gridWorker);
    await as(t, elder).post(`/api/family/links/${linkId}/revoke`);
    const refused = await forElder(family).signUp(a.id);
    expect(refused.body.code).toBe('FAMILY_NOT_LINKED');
    expect((await forElder(family).inbox()).status).toBe(403);
    expect(await count(t, 'enrollments', `userId = '${elder.userId}' AND slotId IN (SELECT slotId FROM activities WHERE id = '${a.id}')`)).toBe(0);
    linkId = await link(t, elder, family);
  });
});
