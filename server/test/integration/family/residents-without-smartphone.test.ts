import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, publish, xingfu, type Auth } from './family-fixtures.js';

describe.each(databases())('residents without a smartphone on %s', (db) => {
  let t: TestApp;
  let gridWorker: Auth; // 周敏, organiser of 幸福社区
  let outsider: Auth; // 刘洋, organiser of 和平社区
  let resident: Auth;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [gridWorker, outsider, resident] = await Promise.all(['grid_worker', 'organiser_b', 'resident'].map((p) => t.login(p)));
  });
  afterAll(() => t.close());

  it('are registered by a community organiser, enrolled and marked present like anyone else, with every reason recorded', async () => {
    const { community, grid } = await xingfu(t);
    const registered = await as(t, gridWorker).post('/api/org/residents', { name: '孙桂兰', residenceNodeId: grid.id, birthYear: 1946, reason: '老人没有智能手机，网格员上门登记' });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ name: '孙桂兰', phoneMasked: null, birthYear: 1946, residence: { id: grid.id } });
    const sun = registered.body.id as string;
    const listed = (await as(t, gridWorker).get(`/api/org/nodes/${community.id}/members?q=孙桂兰`)).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: sun, phoneMasked: null, roles: ['resident'] })]);

    const a = await publish(t, gridWorker, { title: '老年健康操', startsAt: new Date(Date.now() + 10 * 60_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString() });
    const enrolled = await as(t, gridWorker).post(`/api/activities/${a.id}/enrol`, { userId: sun, reason: '电话报名，老人无智能手机' });
    expect(enrolled.status).toBe(201);
    const present = await as(t, gridWorker).post('/api/checkin/assist', { targetType: 'activity', targetId: a.id, userId: sun, reason: '现场核对纸质名单' });
    expect(present.status).toBe(200);
    const roster = (await as(t, gridWorker).get(`/api/activities/${a.id}/roster`)).body.entries;
    expect(roster).toEqual([expect.objectContaining({ status: 'attended', user: { id: sun, name: '孙桂兰', phoneMasked: null }, enteredBy: { id: gridWorker.userId, name: '周敏' } })]);

    const records = await t.dataSource.query(`SELECT action, actorUserId, consent, actorRole, reason FROM proxy_actions WHERE subjectUserId = '${sun}' ORDER BY id`);
    expect(records).toEqual([
      { action: 'resident_register', actorUserId: gridWorker.userId, consent: 'organiser', actorRole: 'organiser', reason: '老人没有智能手机，网格员上门登记' },
      { action: 'activity_signup', actorUserId: gridWorker.userId, consent: 'organiser', actorRole: 'organiser', reason: '电话报名，老人无智能手机' },
      { action: 'checkin', actorUserId: gridWorker.userId, consent: 'organiser', actorRole: 'organiser', reason: '现场核对纸质名单' },
    ]);
  });

  it('takes an optional phone but never one another resident already uses', async () => {
    const { grid } = await xingfu(t);
    const withPhone = await as(t, gridWorker).post('/api/org/residents', { name: '钱大爷', residenceNodeId: grid.id, phone: '13912345678', reason: '子女代为提供手机号' });
    expect(withPhone.status).toBe(201);
    expect(withPhone.body.phoneMasked).toBe('139****5678');
    const taken = await as(t, gridWorker).post('/api/org/residents', { name: '王丽', residenceNodeId: grid.id, phone: '13800000001', reason: '重复登记测试' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'RESIDENT_PHONE_TAKEN', message: expect.stringMatching(/手机号/) });
    const badPhone = await as(t, gridWorker).post('/api/org/residents', { name: '赵奶奶', residenceNodeId: grid.id, phone: '12345', reason: '上门登记' });
    expect(badPhone.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'phone', message: expect.stringMatching(/11位/) })] });
  });

  it('may be registered only by an organiser of their own community, on a grid or building', async () => {
    const { community, grid } = await xingfu(t);
    const body = { name: '周奶奶', residenceNodeId: grid.id, reason: '上门登记' };
    expect((await as(t, resident).post('/api/org/residents', body)).body.code).toBe('FORBIDDEN');
    expect((await as(t, outsider).post('/api/org/residents', body)).status).toBe(404);
    expect((await as(t, gridWorker).post('/api/org/residents', { ...body, residenceNodeId: community.id })).body.code).toBe('RESIDENT_HOME_INVALID');
    expect((await as(t, gridWorker).post('/api/org/residents', { ...body, reason: '' })).status).toBe(400);
  });
});
