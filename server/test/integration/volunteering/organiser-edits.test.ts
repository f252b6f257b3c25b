import { OutboxMessage } from '../../../src/notifications/outbox-message.entity.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { client, HOUR, newCampaign, newShift, residents, type Auth } from './volunteer-fixtures.js';

const DAY = 24 * HOUR;

describe.each(databases())('organisers edit, close and record a drive on %s', (db) => {
  let t: TestApp;
  let organiser: Auth; // 周敏, organiser of 幸福社区
  let outsider: Auth; // 刘洋, organiser of 和平社区党支部
  let resident: Auth;
  let people: Auth[];
  let as: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    as = client(t);
    [organiser, outsider, resident] = await Promise.all(['grid_worker', 'organiser_b', 'resident'].map((p) => t.login(p)));
    people = await residents(t, 4, 'ed');
  });
  afterAll(() => t.close());

  const iso = (ms: number) => new Date(ms).toISOString();

  it('edits title, texts, impact target and period, but never leaves a planned shift outside the period', async () => {
    const c = await newCampaign(t, organiser);
    const s = await newShift(t, organiser, c.id, 10 * 24, 2, { title: '第十天巡查' });
    const url = `/api/volunteering/campaigns/${c.id}`;
    const ok = await t.http.patch(url).set('Authorization', organiser.token).send({ title: '汛期值守', goal: '每日两人', impactMeasure: '巡查次数', impactTarget: 60, endsAt: iso(Date.parse(s.endsAt) + DAY) });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: '汛期值守', goal: '每日两人', impactMeasure: '巡查次数', impactTarget: 60, endsAt: iso(Date.parse(s.endsAt) + DAY) });
    const cut = await t.http.patch(url).set('Authorization', organiser.token).send({ endsAt: iso(Date.parse(s.startsAt)) });
    expect(cut.status).toBe(409);
    expect(cut.body).toMatchObject({ code: 'VOLUNTEER_PERIOD_EXCLUDES_SHIFT', message: expect.stringContaining('第十天巡查') });
    const late = await t.http.patch(url).set('Authorization', organiser.token).send({ startsAt: iso(Date.parse(s.startsAt) + HOUR) });
    expect(late.body.code).toBe('VOLUNTEER_PERIOD_EXCLUDES_SHIFT');
    // Each bad edit is a 4xx with a Chinese reason, and nothing changed.
    const bad = (body: object, who = organiser) => t.http.patch(url).set('Authorization', who.token).send(body);
    expect((await bad({})).body.code).toBe('VALIDATION_FAILED');
    expect((await bad({ title: '汛' })).status).toBe(400);
    expect((await bad({ status: 'closed' })).status).toBe(400);
    expect((await bad({ startsAt: iso(Date.now() + 60 * DAY) })).body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'endsAt', message: '结束时间须晚于开始时间' }] });
    expect((await bad({ title: '越权修改' }, outsider)).status).toBe(404);
    expect((await bad({ title: '越权修改' }, resident)).status).toBe(403);
    expect((await t.http.patch('/api/volunteering/campaigns/nonsense').set('Authorization', organiser.token).send({ title: '不存在的' })).status).toBe(404);
    expect((await as(organiser).get(url)).body).toMatchObject({ title: '汛期值守', endsAt: iso(Date.parse(s.endsAt) + DAY) });
  });

  it('closes a drive: no new shifts, sign-ups or calls, its open call closed; places already held stay', async () => {
    const c = await newCampaign(t, organiser);
    const held = await newShift(t, organiser, c.id, 30, 2);
    const other = await newShift(t, organiser, c.id, 40, 2);
    expect((await as(people[0]).post(`/api/volunteering/shifts/${held.id}/signup`)).status).toBe(201);
    const at = Date.now() + 50 * HOUR;
    const callBody = { campaignId: c.id, title: '紧急清淤', place: '幸福桥', needed: 3, startsAt: iso(at), endsAt: iso(at + HOUR), deadline: iso(at - HOUR) };
    const call = (await as(organiser).post('/api/volunteering/mobilisations', callBody)).body as { id: string };
    expect((await as(outsider).post(`/api/volunteering/campaigns/${c.id}/close`)).status).toBe(404);
    expect((await as(resident).post(`/api/volunteering/campaigns/${c.id}/close`)).status).toBe(403);

    const closed = await as(organiser).post(`/api/volunteering/campaigns/${c.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', shifts: expect.arrayContaining([expect.objectContaining({ id: held.id })]) });
    expect((await as(organiser).post(`/api/volunteering/campaigns/${c.id}/close`)).body.code).toBe('VOLUNTEER_CAMPAIGN_ALREADY_CLOSED');
    const signup = await as(people[1]).post(`/api/volunteering/shifts/${other.id}/signup`);
    expect(signup.status).toBe(409);
    expect(signup.body).toMatchObject({ code: 'VOLUNTEER_CAMPAIGN_NOT_RECRUITING', message: expect.stringMatching(/停止招募/) });
    expect((await as(organiser).post(`/api/volunteering/campaigns/${c.id}/shifts`, { title: '新岗位', place: '幸福桥', capacity: 2, startsAt: iso(Date.now() + 60 * HOUR), endsAt: iso(Date.now() + 61 * HOUR) })).body.code).toBe('VOLUNTEER_CAMPAIGN_CLOSED');
    expect((await as(organiser).post('/api/volunteering/mobilisations', { ...callBody, title: '再次召集' })).body.code).toBe('VOLUNTEER_CAMPAIGN_CLOSED');
    expect((await as(organiser).get(`/api/volunteering/mobilisations/${call.id}`)).body.status).toBe('closed');
    const mine = (await as(people[0]).get('/api/volunteering/shifts/mine')).body as { id: string; mine: { status: string } }[];
    expect(mine.find((s) => s.id === held.id)?.mine.status).toBe('confirmed');
    expect((await as(organiser).get('/api/volunteering/campaigns/manage')).body.find((x: { id: string }) => x.id === c.id).status).toBe('closed');
  });

  it('cancels a shift through the enrollment engine: every place and waiting place cancelled and told why, once, before it starts', async () => {
    const c = await newCampaign(t, organiser);
    const s = await newShift(t, organiser, c.id, 70, 2, { capacity: 1 });
    expect((await as(people[2]).post(`/api/volunteering/shifts/${s.id}/signup`)).body.status).toBe('confirmed');
    expect((await as(people[3]).post(`/api/volunteering/shifts/${s.id}/signup`)).body.status).toBe('waitlisted');
    const url = `/api/volunteering/shifts/${s.id}/cancel`;
    expect((await as(organiser).post(url, {})).body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'reason' })] });
    expect((await as(outsider).post(url, { reason: '暴雨预警' })).status).toBe(404);
    expect((await as(people[2]).post(url, { reason: '暴雨预警' })).status).toBe(403);

    const done = await as(organiser).post(url, { reason: '暴雨预警，改期进行' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: s.id, status: 'cancelled', placesLeft: 1 });
    const told = await t.dataSource.manager.findBy(OutboxMessage, { kind: 'enrollment_slot_cancelled' });
    expect(told.filter((m) => m.body.includes('暴雨预警，改期进行')).map((m) => m.userId).sort()).toEqual([people[2].userId, people[3].userId].sort());
    expect((await as(organiser).post(url, { reason: '再取消一次' })).body.code).toBe('VOLUNTEER_SHIFT_CANCELLED');
    expect((await as(people[0]).post(`/api/volunteering/shifts/${s.id}/signup`)).body.code).toBe('VOLUNTEER_SHIFT_CANCELLED');
    expect((await as(people[2]).get('/api/volunteering/shifts/mine')).body.map((x: { id: string }) => x.id)).not.toContain(s.id);
    expect((await as(organiser).get(`/api/volunteering/campaigns/${c.id}`)).body.shifts).toHaveLength(0);
    // No longer held: the same time is free again.
    const again = await newShift(t, organiser, c.id, 70, 2);
    expect((await as(people[2]).post(`/api/volunteering/shifts/${again.id}/signup`)).status).toBe(201);

    const running = await newShift(t, organiser, c.id, -0.5, 2, { title: '进行中岗位' });
    expect((await as(organiser).post(`/api/volunteering/shifts/${running.id}/cancel`, { reason: '暴雨预警' })).body.code).toBe('VOLUNTEER_SHIFT_STARTED');
    // An urgent call's shift: cancelling it ends the call too.
    const at = Date.now() + 90 * HOUR;
    const call = (await as(organiser).post('/api/volunteering/mobilisations', { campaignId: c.id, title: '紧急清淤', place: '幸福桥', needed: 2, startsAt: iso(at), endsAt: iso(at + HOUR), deadline: iso(at - HOUR) })).body;
    expect((await as(organiser).post(`/api/volunteering/shifts/${call.shiftId}/cancel`, { reason: '险情解除' })).status).toBe(200);
    expect((await as(organiser).get(`/api/volunteering/mobilisations/${call.id}`)).body.status).toBe('closed');
  });

  it('records impact per measure, the latest number counting, within scope and a limit of measures', async () => {
    const c = await newCampaign(t, organiser, { impactMeasure: '入户走访户数', impactTarget: 120 });
    const url = `/api/volunteering/campaigns/${c.id}/impact`;
    expect((await as(organiser).get(`/api/volunteering/campaigns/${c.id}`)).body.impact).toEqual([{ measure: '入户走访户数', target: 120, achieved: null, note: null, recordedAt: null, recordedBy: null }]);
    expect((await as(organiser).post(url, { measure: '入户走访户数', achieved: 35 })).status).toBe(201);
    await as(organiser).post(url, { measure: '发放物资份数', achieved: 80, note: '米面油' });
    const latest = await as(organiser).post(url, { measure: '入户走访户数', achieved: 42, note: '第二周' });
    expect(latest.body.impact).toEqual([
      { measure: '入户走访户数', target: 120, achieved: 42, note: '第二周', recordedAt: expect.any(String), recordedBy: '周敏' },
      { measure: '发放物资份数', target: null, achieved: 80, note: '米面油', recordedAt: expect.any(String), recordedBy: '周敏' },
    ]);
    for (const body of [{ measure: '入户走访户数', achieved: -1 }, { measure: '户', achieved: 3 }, { measure: '入户走访户数', achieved: 1.5 }, { measure: '入户走访户数', achieved: '很多' }, { measure: '入户走访户数' }]) {
      const res = await as(organiser).post(url, body);
      expect(res.status).toBe(400);
      expect(res.body.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await as(outsider).post(url, { measure: '入户走访户数', achieved: 1 })).status).toBe(404);
    expect((await as(resident).post(url, { measure: '入户走访户数', achieved: 1 })).status).toBe(403);
    for (let i = 0; i < 8; i++) expect((await as(organiser).post(url, { measure: `成效指标${i}`, achieved: i })).status).toBe(201);
    expect((await as(organiser).post(url, { measure: '第十一项成效', achieved: 1 })).body.code).toBe('VOLUNTEER_IMPACT_TOO_MANY');
    expect((await as(organiser).post(url, { measure: '发放物资份数', achieved: 90 })).status).toBe(201);
    expect((await as(resident).get(`/api/volunteering/campaigns/${c.id}`)).body.impact).toHaveLength(10);
  });
});
