import type { Actor } from '../../../src/common/actor.js';
import { VisitsService } from '../../../src/households/visits.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { actorOf, as, buildingOf, household, newPerson, nodeId, type Auth } from './helpers.js';

const visit = { method: 'home' as const, situation: 'normal' as const, seenUserIds: [] as string[], needs: [] as string[] };

describe.each(databases())('care visits 走访 on %s', (db) => {
  let t: TestApp;
  let worker: Auth;
  let actor: Actor;
  let visits: VisitsService;
  let building: string;
  const file = async (id: string) => (await as(t, worker).get(`/api/org/grid/households/${id}`)).body;
  const alone = async (room: string, birthYear = 1950) => {
    const p = await newPerson(t, `独居${room}`, birthYear, building);
    const h = await household(t, worker, building, room, [{ userId: p }]);
    await as(t, worker).post(`/api/org/grid/persons/${p}/tags`, { tag: 'elder_alone', source: 'grid_verified' });
    return { person: p, household: h };
  };

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    worker = await t.login('grid_worker');
    actor = await actorOf(t, worker.userId);
    visits = t.app.get(VisitsService);
    building = await buildingOf(t, '幸福二网格');
  });
  afterAll(() => t.close());

  it('derives the cadence from the strictest tag of the members and the community’s own settings', async () => {
    const plain = await household(t, worker, building, 'C1', [{ userId: await newPerson(t, '普通', 1985, building) }]);
    expect((await file(plain)).cadenceDays).toBe(365);
    const old = await household(t, worker, building, 'C2', [{ userId: await newPerson(t, '高龄', 1935, building) }]);
    expect((await file(old)).cadenceDays).toBe(14);
    const { household: lonely, person } = await alone('C3', 1935);
    expect((await file(lonely)).cadenceDays).toBe(7);

    const community = await nodeId(t, '幸福社区');
    const saved = await as(t, worker).put(`/api/org/grid/settings/${community}`, { cadence: { default: 180, elder_alone: 5 } });
    expect(saved.status).toBe(200);
    expect(saved.body.cadence).toMatchObject({ elder_alone: 5, default: 180, advanced_age: 14 });
    await as(t, worker).post(`/api/org/grid/persons/${person}/tags`, { tag: 'dibao', source: 'import', sourceName: '民政低保名册' });
    expect((await file(lonely)).cadenceDays).toBe(5);
    await as(t, worker).put(`/api/org/grid/settings/${community}`, { cadence: { default: 365 } });
    expect((await as(t, worker).put(`/api/org/grid/settings/${community}`, { thresholds: { 'no_such_rule.days': 3 } })).status).toBe(400);
  });

  it('counts due and overdue in Asia/Shanghai days, not UTC', async () => {
    const { household: h } = await alone('D1');
    // 00:30 on 30 Nov in Beijing is still 29 Nov in UTC: due again on 7 Dec (Beijing).
    await visits.record(actor, h, { ...visit, visitedAt: '2026-11-29T16:30:00Z' }, new Date('2026-11-29T16:31:00Z'));
    const at = async (iso: string) => {
      const today = await visits.today(actor, new Date(iso));
      return { overdue: today.overdue.find((x) => x.id === h), due: today.due.find((x) => x.id === h) };
    };
    expect(await at('2026-12-07T10:00:00Z')).toEqual({ overdue: undefined, due: expect.objectContaining({ daysLeft: 0 }) });
    expect(await at('2026-12-07T15:59:59Z')).toEqual({ overdue: undefined, due: expect.objectContaining({ daysLeft: 0 }) });
    expect(await at('2026-12-07T16:00:00Z')).toEqual({ overdue: expect.objectContaining({ daysOverdue: 1 }), due: undefined });
    expect((await at('2026-12-10T16:00:00Z')).overdue?.daysOverdue).toBe(4);
  });

  it('lists a visit under done this week from Monday 00:00 in Beijing', async () => {
    const { household: sunday } = await alone('W1');
    const { household: monday } = await alone('W2');
    await visits.record(actor, sunday, { ...visit, visitedAt: '2026-12-06T15:30:00Z' }, new Date('2026-12-07T10:00:00Z')); // Sun 23:30 Beijing
    await visits.record(actor, monday, { ...visit, visitedAt: '2026-12-06T16:30:00Z' }, new Date('2026-12-07T10:00:00Z')); // Mon 00:30 Beijing
    const done = (await visits.today(actor, new Date('2026-12-07T10:00:00Z'))).doneThisWeek.map((d) => d.id);
    expect(done).toContain(monday);
    expect(done).not.toContain(sunday);
  });

  it('takes an overdue household off the overdue list once visited', async () => {
    const today = (await as(t, worker).get('/api/org/grid/today')).body;
    const overdue = today.overdue.find((x: { tags: string[] }) => x.tags.includes('独居老人'));
    expect(overdue.daysOverdue).toBeGreaterThan(0);
    const res = await as(t, worker).post(`/api/org/grid/households/${overdue.id}/visits`, { method: 'home', situation: 'normal', notes: '老人身体不错' });
    expect(res.status).toBe(201);
    const after = (await as(t, worker).get('/api/org/grid/today')).body;
    expect(after.overdue.map((x: { id: string }) => x.id)).not.toContain(overdue.id);
    expect(after.doneThisWeek.map((x: { id: string }) => x.id)).toContain(overdue.id);
  });

  it('refuses a visit in the future or too long ago, and someone not of the household as seen', async () => {
    const { household: h } = await alone('F1');
    const future = await as(t, worker).post(`/api/org/grid/households/${h}/visits`, { ...visit, visitedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ code: 'VISIT_IN_FUTURE', message: expect.stringContaining('不能晚于现在') });
    expect((await as(t, worker).post(`/api/org/grid/households/${h}/visits`, { ...visit, visitedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() })).body.code).toBe('VISIT_TOO_OLD');
    expect((await as(t, worker).post(`/api/org/grid/households/${h}/visits`, { ...visit, seenUserIds: [worker.userId] })).body.code).toBe('VISIT_SEEN_NOT_MEMBER');
    expect((await file(h)).visits).toEqual([]);
  });

  it('turns needs into tasks on the household and keeps visits append-only with corrections as new entries', async () => {
    const { household: h, person } = await alone('N1');
    const first = await as(t, worker).post(`/api/org/grid/households/${h}/visits`, { method: 'phone', situation: 'needs_help', seenUserIds: [person], needs: ['帮助申请助餐服务', '更换门锁'] });
    expect(first.status).toBe(201);
    let f = await file(h);
    expect(f.tasks.map((x: { text: string }) => x.text).sort()).toEqual(['更换门锁', '帮助申请助餐服务'].sort());
    const task = f.tasks[0].id;
    expect((await as(t, worker).post(`/api/org/grid/tasks/${task}/done`)).status).toBe(200);
    expect((await as(t, worker).post(`/api/org/grid/tasks/${task}/done`)).body.code).toBe('TASK_ALREADY_DONE');

    const fix = await as(t, worker).post(`/api/org/grid/households/${h}/visits`, { method: 'home', situation: 'unwell', seenUserIds: [person], correctsVisitId: first.body.id, notes: '应为入户，老人有些感冒' });
    expect(fix.status).toBe(201);
    expect((await as(t, worker).post(`/api/org/grid/households/${h}/visits`, { ...visit, correctsVisitId: first.body.id })).body.code).toBe('VISIT_CORRECTION_INVALID');
    f = await file(h);
    expect(f.visits).toHaveLength(2);
    expect(f.visits.find((v: { id: string }) => v.id === first.body.id)).toMatchObject({ situation: 'needs_help', correctedBy: fix.body.id });
  });
});
