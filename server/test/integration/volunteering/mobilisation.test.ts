import { OutboxWorker } from '../../../src/notifications/outbox-worker.js';
import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { VolunteeringJobs } from '../../../src/volunteering/volunteering-jobs.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { client, HOUR, MINUTE, newCampaign, residents, type Auth } from './volunteer-fixtures.js';

describe.each(databases())('urgent mobilisation (一键动员) on %s', (db) => {
  let t: TestApp;
  let organiser: Auth;
  let outsider: Auth;
  let crowd: Auth[];
  let as: ReturnType<typeof client>;
  let campaignId: string;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    as = client(t);
    [organiser, outsider] = await Promise.all(['grid_worker', 'organiser_b'].map((p) => t.login(p)));
    crowd = await residents(t, 14, 'mb');
    campaignId = (await newCampaign(t, organiser)).id;
  });
  afterAll(() => t.close());

  let slot = 0;
  const launch = async (over: Record<string, unknown> = {}) => {
    // Each call in its own 3-hour window so nobody's earlier place overlaps.
    const at = Date.now() + (2 + 4 * slot++) * HOUR;
    const res = await as(organiser).post('/api/volunteering/mobilisations', {
      campaignId,
      title: '紧急转移低洼住户',
      place: '幸福桥头',
      startsAt: new Date(at).toISOString(),
      endsAt: new Date(at + 3 * HOUR).toISOString(),
      deadline: new Date(at - HOUR).toISOString(),
      needed: 3,
      ...over,
    });
    if (res.status !== 201) throw new Error(`launch ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; shiftId: string };
  };
  const board = async (id: string) => (await as(organiser).get(`/api/volunteering/mobilisations/${id}/board`)).body;

  it('fills to N under concurrent acceptances, closes, tells later acceptors it is full and offers the waitlist', async () => {
    const call = await launch();
    const answers = await Promise.all(crowd.map((p) => as(p).post(`/api/volunteering/mobilisations/${call.id}/answer`, { answer: 'accept' })));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const outcomes = answers.map((r) => r.body.outcome as string);
    expect(outcomes.filter((o) => o === 'enrolled')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'full')).toHaveLength(crowd.length - 3);
    const roster = (await as(organiser).get(`/api/volunteering/shifts/${call.shiftId}/roster`)).body.entries as { status: string }[];
    expect(roster.filter((e) => e.status === 'confirmed')).toHaveLength(3);
    expect(roster.filter((e) => e.status === 'waitlisted')).toHaveLength(0);
    const b = await board(call.id);
    expect(b.call).toMatchObject({ status: 'filled', accepted: 3, needed: 3 });
    expect(b.overall).toMatchObject({ accepted: 3, full: crowd.length - 3 });
    expect(b.timeToFillSeconds).toEqual(expect.any(Number));

    const late = crowd[outcomes.indexOf('full')];
    const waiting = await as(late).post(`/api/volunteering/mobilisations/${call.id}/waitlist`);
    expect(waiting.status).toBe(201);
    expect(waiting.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const again = await as(late).post(`/api/volunteering/mobilisations/${call.id}/answer`, { answer: 'accept' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MOBILISATION_ANSWERED');
    await t.app.get(OutboxWorker).drain();
    const inbox = (await as(late).get('/api/notifications/inbox')).body.items.map((i: { title: string }) => i.title);
    expect(inbox).toEqual(expect.arrayContaining(['召集已满员', '紧急召集：紧急转移低洼住户']));
  });

  it('reaches only the chosen grid and Party members first, and shows delivered, read and silent by grid', async () => {
    const grid = (await t.dataSource.manager.findOne(OrgNode, { where: { name: '幸福一网格' } }))!;
    const call = await launch({ gridIds: [grid.id], party: 'first', othersAfterMinutes: 0, needed: 2 });
    const before = await board(call.id);
    expect(before.overall.targeted).toBeGreaterThan(0);
    expect(before.byGrid.map((g: { name: string }) => g.name)).toEqual(['幸福一网格']);
    expect(before.overall).toMatchObject({ delivered: 0, read: 0, silent: before.overall.targeted });
    await t.app.get(OutboxWorker).drain();
    const after = await board(call.id);
    expect(after.overall.delivered).toBe(after.overall.targeted);
    const targetedMe = await Promise.all(crowd.map(async (p) => ({ p, r: await as(p).get(`/api/volunteering/mobilisations/${call.id}`) })));
    const called = targetedMe.filter((x) => x.r.status === 200).map((x) => x.p);
    expect(called.length).toBeGreaterThan(0);
    expect(targetedMe.filter((x) => x.r.status === 404).length).toBeGreaterThan(0);
    const first = called[0];
    const item = (await as(first).get('/api/notifications/inbox')).body.items.find((i: { link: string }) => i.link.includes(call.id));
    await as(first).post('/api/notifications/read', { ids: [item.id] });
    expect((await as(first).post(`/api/volunteering/mobilisations/${call.id}/answer`, { answer: 'decline' })).body.outcome).toBe('declined');
    const answered = await board(call.id);
    expect(answered.overall).toMatchObject({ read: 1, declined: 1, silent: answered.overall.targeted - 1 });
  });

  it('reminds the silent ones once after the set time while still short, and refuses answers after the deadline', async () => {
    const call = await launch({ remindAfterMinutes: 5, needed: 5 });
    await as(crowd[0]).post(`/api/volunteering/mobilisations/${call.id}/answer`, { answer: 'accept' });
    const jobs = t.app.get(VolunteeringJobs);
    expect(await jobs.remindSilent(new Date(Date.now() + 4 * MINUTE))).toBe(0);
    const targeted = (await board(call.id)).overall.targeted;
    expect(await jobs.remindSilent(new Date(Date.now() + 6 * MINUTE))).toBe(targeted - 1);
    await jobs.remindSilent(new Date(Date.now() + 60 * MINUTE));
    const reminders = await t.dataSource.query(`SELECT COUNT(*) AS n FROM outbox_messages WHERE dedupeKey LIKE 'mobr:${call.id}:%'`);
    expect(Number(reminders[0].n)).toBe(targeted - 1);
    expect((await board(call.id)).remindedAt).not.toBeNull();
    await jobs.run(new Date(Date.now() + 48 * HOUR));
    const closed = await as(crowd[1]).post(`/api/volunteering/mobilisations/${call.id}/answer`, { answer: 'accept' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('MOBILISATION_CLOSED');
  });

  it('keeps the call and its board to the people called and the organisers in scope', async () => {
    const call = await launch();
    expect((await as(outsider).get(`/api/volunteering/mobilisations/${call.id}/board`)).status).toBe(404);
    expect((await as(crowd[0]).get(`/api/volunteering/mobilisations/${call.id}/board`)).status).toBe(403);
    expect((await as(outsider).post(`/api/volunteering/mobilisations/${call.id}/answer`, { answer: 'accept' })).status).toBe(404);
    expect((await as(crowd[0]).post(`/api/volunteering/mobilisations/${call.id}/answer`, { answer: 'maybe' })).status).toBe(400);
    const heping = (await t.dataSource.manager.findOne(OrgNode, { where: { name: '和平一网格' } }))!;
    const bad = await as(organiser).post('/api/volunteering/mobilisations', { campaignId, title: '越界召集', place: '和平社区', startsAt: new Date(Date.now() + 60 * HOUR).toISOString(), endsAt: new Date(Date.now() + 61 * HOUR).toISOString(), deadline: new Date(Date.now() + 59 * HOUR).toISOString(), needed: 2, gridIds: [heping.id] });
    expect(bad.body.code).toBe('MOBILISATION_TARGET_INVALID');
    const none = await as(organiser).post('/api/volunteering/mobilisations', { campaignId, title: '无人符合', place: '幸福桥', startsAt: new Date(Date.now() + 60 * HOUR).toISOString(), endsAt: new Date(Date.now() + 61 * HOUR).toISOString(), deadline: new Date(Date.now() + 59 * HOUR).toISOString(), needed: 2, skills: ['手语'] });
    expect(none.body.code).toBe('MOBILISATION_NO_ONE_MATCHES');
  });
});
