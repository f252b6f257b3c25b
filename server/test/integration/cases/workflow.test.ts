import { clock } from '../../../src/common/clock.js';
import { CaseClock } from '../../../src/cases/case-clock.js';
import { RiskEngine } from '../../../src/households/risk-engine.js';
import { CaseDigest } from '../../../src/cases/case-digest.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, building, gridWorker, nodeId, notices, personaId, type Auth } from './helpers.js';

const MIN = 60_000;
const DAY = 86_400_000;
/** Tuesday 30 September 2025, 10:00 Beijing: the last working day before 国庆 (1–8 October). */
const T0 = new Date('2025-09-30T02:00:00Z');

describe.each(databases())('case workflow 工单 on %s', (db) => {
  let t: TestApp;
  let elder: Auth;
  let resident: Auth;
  let member: Auth;
  let worker: Auth;
  let admin: Auth;
  let outsider: Auth;
  let b1: string;
  let organiserId: string;
  let streetAdminId: string;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [elder, resident, member, worker, admin, outsider] = await Promise.all(['elder', 'resident', 'party_member', 'grid_worker', 'admin', 'organiser_b'].map((p) => t.login(p)));
    b1 = await building(t, '幸福一网格');
    organiserId = await personaId(t, 'grid_worker');
    streetAdminId = await personaId(t, 'admin');
  });
  afterEach(() => clock.reset());
  afterAll(() => t.close());

  const file = async (who: Auth, category: string, text = '楼道里的声控灯坏了，晚上很黑', extra: object = {}) => {
    const res = await as(t, who).post('/api/cases/reports', { category, text, buildingId: b1, ...extra });
    if (res.status !== 201) throw new Error(`file: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; acceptDueAt: string; resolveDueAt: string | null; handler: { name: string } };
  };
  const tick = (at: Date) => t.app.get(CaseClock).run(at);

  it('counts working days across 国庆 to the 调休 Saturday, and gives safety hazards 2 clock hours even on a holiday', async () => {
    clock.pin(T0);
    const c = await file(elder, 'sanitation');
    // One working day after Tuesday 30 September is Thursday 9 October: 1–8 October are the holiday.
    expect(c.acceptDueAt).toBe('2025-10-09T16:00:00.000Z');
    const accepted = await as(t, worker).post(`/api/cases/${c.id}/accept`);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    // Three working days: 9 and 10 October, then Saturday 11 October, worked instead (调休).
    expect(accepted.body.resolveDueAt).toBe('2025-10-11T16:00:00.000Z');

    clock.pin(new Date('2025-10-01T19:00:00Z')); // 03:00 Beijing on 2 October, a holiday
    const hazard = await file(elder, 'safety', '配电箱门开着，电线裸露在外');
    expect(hazard.acceptDueAt).toBe('2025-10-01T21:00:00.000Z');
  });

  it('routes by grid and category: the grid worker by default, the person the organiser set otherwise', async () => {
    clock.pin(T0);
    expect((await file(elder, 'noise', '楼上每天夜里装修，吵得睡不着')).handler.name).toBe('周敏');
    const gridId = await nodeId(t, '幸福一网格');
    const other = await gridWorker(t, '幸福一网格', '孙磊');
    expect((await as(t, elder).put('/api/cases/routes', { gridId, category: 'parking', handlerUserId: other })).status).toBe(403);
    const stranger = await gridWorker(t, '和平一网格', '钱多');
    expect((await as(t, worker).put('/api/cases/routes', { gridId, category: 'parking', handlerUserId: stranger })).body.code).toBe('CASE_HANDLER_INVALID');
    const set = await as(t, worker).put('/api/cases/routes', { gridId, category: 'parking', handlerUserId: other });
    expect(set.status).toBe(200);
    expect(set.body.find((r: { gridId: string; category: string }) => r.gridId === gridId && r.category === 'parking')).toMatchObject({ handler: { name: '孙磊' }, isDefault: false });
    expect((await file(elder, 'parking', '消防通道被私家车堵住了')).handler.name).toBe('孙磊');
    expect((await file(elder, 'sanitation', '垃圾桶满了没人清运')).handler.name).toBe('周敏');
  });

  it('reminds the handler before the deadline, then escalates to the community and a working day later to the street, once each', async () => {
    clock.pin(T0);
    const other = await gridWorker(t, '幸福一网格', '吴刚');
    await as(t, worker).put('/api/cases/routes', { gridId: await nodeId(t, '幸福一网格'), category: 'property', handlerUserId: other });
    const c = await file(elder, 'property', '电梯坏了三天没人修');
    const due = new Date(c.acceptDueAt).getTime();
    // Other tests' cases share the database: count this case's notices, not the pass's totals.
    const sent = async (kind: string) => (await notices(t, c.id, kind)).map((n) => n.userId).sort();
    await tick(new Date(due - 2 * DAY));
    expect(await sent('case_staff_due_soon')).toEqual([]);
    await tick(new Date(due - 60 * MIN));
    expect(await sent('case_staff_due_soon')).toEqual([other]);
    await tick(new Date(due - 30 * MIN));
    expect(await sent('case_staff_due_soon')).toEqual([other]);
    expect(await sent('case_staff_escalated')).toEqual([]);

    await tick(new Date(due + MIN));
    expect(await sent('case_staff_escalated')).toEqual([organiserId, other].sort());
    await tick(new Date(due + 2 * MIN));
    expect(await sent('case_staff_escalated')).toHaveLength(2);
    // Escalated at 00:01 on Friday 10 October (Beijing): the community has that day and the next working
    // day, the 调休 Saturday 11 October, before the street hears of it.
    await tick(new Date('2025-10-11T15:59:00Z'));
    expect(await sent('case_staff_escalated')).toHaveLength(2);
    await tick(new Date('2025-10-11T16:01:00Z'));
    expect((await sent('case_staff_escalated')).filter((u) => u === streetAdminId)).toHaveLength(1);
    await tick(new Date('2025-10-20T00:00:00Z'));
    expect(await sent('case_staff_escalated')).toHaveLength(4);

    const seen = (await as(t, elder).get(`/api/cases/${c.id}`)).body;
    expect(seen.escalationLevel).toBe(2);
    expect(seen.timeline.filter((e: { type: string }) => e.type === 'escalated').map((e: { text: string }) => e.text)).toEqual(['超期未受理，升级至社区督办', '超期未受理，升级至街道督办']);
  });

  it('reopens once on 不满意 within 7 days, escalates on the second, refuses a third', async () => {
    clock.pin(new Date('2025-10-13T02:00:00Z'));
    const c = await file(elder, 'facilities', '单元门门禁坏了，谁都能进');
    const round = async () => {
      expect((await as(t, worker).post(`/api/cases/${c.id}/resolve`, { text: '已更换门禁控制器' })).status).toBe(200);
      expect((await as(t, elder).post(`/api/cases/${c.id}/rate`, { rating: 'unsatisfied', comment: '还是坏的' })).body.status).toBe('rated');
    };
    await as(t, worker).post(`/api/cases/${c.id}/accept`);
    await round();
    expect((await as(t, elder).post(`/api/cases/${c.id}/rate`, { rating: 'satisfied' })).body.code).toBe('CASE_ALREADY_RATED');
    const first = await as(t, elder).post(`/api/cases/${c.id}/reopen`, { reason: '门禁还是打不开' });
    expect(first.body).toMatchObject({ status: 'in_progress', reopenCount: 1, escalationLevel: 0, rating: null });
    await round();
    const second = await as(t, elder).post(`/api/cases/${c.id}/reopen`, { reason: '第二次了，还是没修好' });
    expect(second.body).toMatchObject({ status: 'in_progress', reopenCount: 2, escalationLevel: 1 });
    expect((await notices(t, c.id, 'case_staff_escalated')).map((n) => n.userId)).toContain(organiserId);
    await round();
    expect((await as(t, elder).post(`/api/cases/${c.id}/reopen`, { reason: '再试一次' })).body.code).toBe('CASE_REOPEN_EXHAUSTED');

    const late = await file(elder, 'facilities', '楼道扶手松动了');
    await as(t, worker).post(`/api/cases/${late.id}/accept`);
    await as(t, worker).post(`/api/cases/${late.id}/resolve`, { text: '已加固' });
    clock.pin(new Date(clock.nowMs() + 7 * DAY + MIN));
    await as(t, elder).post(`/api/cases/${late.id}/rate`, { rating: 'unsatisfied' });
    expect((await as(t, elder).post(`/api/cases/${late.id}/reopen`, { reason: '又松了' })).body.code).toBe('CASE_REOPEN_TOO_LATE');
  });

  it('offers a similar open report to follow, and after a merge keeps telling every follower of both', async () => {
    clock.pin(new Date('2025-10-14T02:00:00Z'));
    const a = await file(elder, 'sanitation', '3单元门口堆满了装修垃圾');
    const similar = await as(t, resident).get(`/api/cases/reports/similar?category=sanitation&buildingId=${b1}`);
    expect(similar.body.map((s: { id: string }) => s.id)).toContain(a.id);
    const followed = await as(t, resident).post(`/api/cases/${a.id}/follow`);
    expect(followed.body).toMatchObject({ me: { follower: true, reporter: false }, reporter: null });
    expect(followed.body.timeline[0]).toMatchObject({ type: 'filed', actor: '居民' });
    expect((await as(t, worker).get(`/api/cases/${a.id}`)).body.reporter).toEqual({ name: '张秀英' });

    const b = await file(member, 'other', '单元门口的建筑垃圾没人清理');
    const merged = await as(t, worker).post(`/api/cases/${b.id}/merge`, { intoCaseId: a.id });
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoId: a.id });
    await as(t, worker).post(`/api/cases/${a.id}/accept`);
    await as(t, worker).post(`/api/cases/${a.id}/reply`, { text: '已联系物业，明天上午清运' });
    const told = (await notices(t, a.id, 'case_replied')).map((n) => n.userId).sort();
    expect(told).toEqual([elder.userId, resident.userId, member.userId].sort());

    await as(t, worker).post(`/api/cases/${a.id}/resolve`, { text: '已清运完毕' });
    const c = await file(member, 'sanitation', '还有一些垃圾袋没拿走');
    expect((await as(t, worker).post(`/api/cases/${c.id}/merge`, { intoCaseId: a.id })).body.code).toBe('CASE_MERGE_TARGET_CLOSED');
    expect((await as(t, worker).get(`/api/cases/${c.id}`)).body.status).toBe('pending');
  });

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    clock.pin(new Date('2025-10-15T02:00:00Z'));
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM cases'))[0].n);
    const before = await count();
    const community = await nodeId(t, '幸福社区');
    expect((await as(t, elder).post('/api/cases/reports', { category: 'noise', text: '夜里很吵', buildingId: community })).body.code).toBe('CASE_PLACE_OUTSIDE_GRID');
    expect((await as(t, elder).post('/api/cases/reports', { category: 'weather', text: '今天下雨' })).status).toBe(400);
    expect((await as(t, elder).post('/api/cases/reports', { category: 'noise', text: '楼上很吵', anonymous: true })).body.code).toBe('CASE_ANONYMOUS_NOT_ALLOWED');
    expect(await count()).toBe(before);

    const c = await file(elder, 'noise', '广场舞音响太响了');
    expect((await as(t, outsider).post(`/api/cases/${c.id}/accept`)).body.code).toBe('CASE_NOT_YOURS');
    expect((await as(t, outsider).get(`/api/cases/${c.id}`)).status).toBe(404);
    expect((await as(t, member).post(`/api/cases/${c.id}/rate`, { rating: 'satisfied' })).status).toBe(404);
    expect((await as(t, worker).post(`/api/cases/${c.id}/exit`, { outcome: 'refused' })).status).toBe(400);
    expect((await as(t, worker).post(`/api/cases/${c.id}/exit`, { outcome: 'cannot_handle', reason: '不归社区管' })).body.code).toBe('CASE_WRONG_STATUS');
    expect((await as(t, elder).post(`/api/cases/${c.id}/rate`, { rating: 'satisfied' })).body.code).toBe('CASE_WRONG_STATUS');
    const refused = await as(t, worker).post(`/api/cases/${c.id}/exit`, { outcome: 'refused', reason: '属于城管执法范围，请拨打12345' });
    expect(refused.body).toMatchObject({ status: 'refused' });
    expect((await notices(t, c.id, 'case_refused')).map((n) => n.userId)).toEqual([elder.userId]);
    expect((await as(t, admin).get(`/api/cases/${c.id}`)).body.timeline.map((e: { type: string }) => e.type)).toEqual(['filed', 'refused']);
  });

  it('warns the grid (orange) once three reports from one building are open within 7 days, not at two', async () => {
    const now = new Date('2025-10-20T02:00:00Z');
    clock.pin(now);
    const b = await building(t, '幸福三网格', 1);
    const warnings = async () => (await t.dataSource.query("SELECT level, sentence FROM risk_warnings WHERE rule = 'reports_cluster' AND subjectId = ?", [b])) as { level: string; sentence: string }[];
    for (const text of ['楼顶水箱漏水', '三楼走廊积水']) expect((await as(t, elder).post('/api/cases/reports', { category: 'facilities', text, buildingId: b })).status).toBe(201);
    await t.app.get(RiskEngine).scan(now);
    expect(await warnings()).toEqual([]);
    expect((await as(t, member).post('/api/cases/reports', { category: 'property', text: '楼道墙皮因渗水脱落', buildingId: b })).status).toBe(201);
    await t.app.get(RiskEngine).scan(now);
    const [w] = await warnings();
    expect(w.level).toBe('orange');
    expect(w.sentence).toContain('近7天有3件居民反映仍未办结（公共设施、物业问题）');
    await t.app.get(RiskEngine).scan(now);
    expect(await warnings()).toHaveLength(1);
  });

  it('sends the community organisers one weekly 热点 digest, once however often it runs', async () => {
    const monday = new Date('2025-10-20T00:30:00Z'); // Monday 08:30 Beijing
    clock.pin(monday);
    await t.app.get(CaseDigest).run(monday);
    await t.app.get(CaseDigest).run(new Date(monday.getTime() + 20 * MIN));
    const rows = (await t.dataSource.query("SELECT userId, title, body FROM outbox_messages WHERE kind = 'case_digest'")) as { userId: string; title: string; body: string }[];
    const mine = rows.filter((r) => r.title === '幸福社区本周居民反映热点');
    expect(mine.map((r) => r.userId)).toEqual([organiserId]);
    expect(mine[0].body).toMatch(/^本周共收到居民反映 \d+ 件（上周 \d+ 件）。热点类别：/);
    expect(mine[0].body).toContain('件工单已超期未办结，请督办');
    expect(rows.some((r) => r.userId === streetAdminId)).toBe(false);
  });
});
