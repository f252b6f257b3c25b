import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { client, newCampaign, newShift, type Auth } from './volunteer-fixtures.js';
import { demoCampaignTitle } from '../../../src/volunteering/volunteering.seed.js';

describe.each(databases())('volunteer campaigns and shifts on %s', (db) => {
  let t: TestApp;
  let organiser: Auth; // 周敏, organiser of 幸福社区
  let outsider: Auth; // 刘洋, organiser of 和平社区党支部
  let resident: Auth; // 王丽: seeded skills 医护, 心理疏导
  let member: Auth; // 李建国: seeded skills 驾驶, 电工
  let elder: Auth; // 张秀英, 72
  let as: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    as = client(t);
    [organiser, outsider, resident, member, elder] = await Promise.all(['grid_worker', 'organiser_b', 'resident', 'party_member', 'elder'].map((p) => t.login(p)));
  });
  afterAll(() => t.close());

  it('shows the seeded drive and its shifts to residents of 幸福社区, marking the ones matching their skills', async () => {
    const campaigns = (await as(resident).get('/api/volunteering/campaigns')).body as { title: string }[];
    expect(campaigns.map((c) => c.title)).toContain(demoCampaignTitle());
    const matching = (await as(resident).get('/api/volunteering/shifts?matching=true')).body as { title: string }[];
    expect(matching.map((s) => s.title)).toEqual(expect.arrayContaining(['上门测血压', '独居老人陪聊']));
    expect(matching.map((s) => s.title)).not.toContain('接送老人就医');
    expect((await as(outsider).get('/api/volunteering/campaigns')).body.map((c: { title: string }) => c.title)).not.toContain(demoCampaignTitle());
  });

  it('refuses a shift overlapping one the volunteer holds, naming it, and allows a back-to-back one', async () => {
    const c = await newCampaign(t, organiser);
    const a = await newShift(t, organiser, c.id, 48, 2, { title: '上午巡查' });
    const b = await newShift(t, organiser, c.id, 49, 2, { title: '中午巡查' });
    const next = await newShift(t, organiser, c.id, 50, 2, { title: '下午巡查' });
    expect((await as(member).post(`/api/volunteering/shifts/${a.id}/signup`)).body.status).toBe('confirmed');
    const overlap = await as(member).post(`/api/volunteering/shifts/${b.id}/signup`);
    expect(overlap.status).toBe(409);
    expect(overlap.body).toMatchObject({ code: 'VOLUNTEER_SHIFT_OVERLAP', message: expect.stringContaining('上午巡查') });
    expect((await as(member).get(`/api/volunteering/shifts/${b.id}`)).body.placesLeft).toBe(5);
    expect((await as(member).post(`/api/volunteering/shifts/${next.id}/signup`)).status).toBe(201);
    const mine = (await as(member).get('/api/volunteering/shifts/mine')).body as { title: string }[];
    expect(mine.map((s) => s.title).sort()).toEqual(['上午巡查', '下午巡查']);
  });

  it('judges skills from the volunteer profile and age from the person, through the enrollment engine', async () => {
    const c = await newCampaign(t, organiser);
    const medic = await newShift(t, organiser, c.id, 72, 2, { skills: ['医护'], minAge: 18, maxAge: 65 });
    const noSkill = await as(member).post(`/api/volunteering/shifts/${medic.id}/signup`);
    expect(noSkill.status).toBe(403);
    expect(noSkill.body.code).toBe('ENROLLMENT_SKILLS_REQUIRED');
    const tooOld = await as(elder).put('/api/volunteering/profile', { skills: ['医护'] });
    expect(tooOld.status).toBe(200);
    expect((await as(elder).post(`/api/volunteering/shifts/${medic.id}/signup`)).body.code).toBe('ENROLLMENT_AGE_INELIGIBLE');
    expect((await as(resident).post(`/api/volunteering/shifts/${medic.id}/signup`)).status).toBe(201);
    await as(member).put('/api/volunteering/profile', { skills: ['驾驶', '电工', '医护'] });
    expect((await as(member).post(`/api/volunteering/shifts/${medic.id}/signup`)).status).toBe(201);
    expect((await as(member).get('/api/volunteering/profile')).body.skills).toEqual(['驾驶', '电工', '医护']);
    await as(member).put('/api/volunteering/profile', { skills: ['驾驶', '电工'] });
  });

  it('answers bad input with a 4xx and a Chinese reason', async () => {
    const c = await newCampaign(t, organiser);
    const bad = await as(organiser).post(`/api/volunteering/campaigns/${c.id}/shifts`, { title: '夜', place: '', startsAt: 'tomorrow', capacity: 0, skills: ['飞行'] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const outside = await as(organiser).post(`/api/volunteering/campaigns/${c.id}/shifts`, {
      title: '远期岗位',
      place: '幸福桥',
      startsAt: new Date(Date.now() + 90 * 24 * 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 90 * 24 * 3_600_000 + 3_600_000).toISOString(),
      capacity: 2,
    });
    expect(outside.body.code).toBe('VOLUNTEER_SHIFT_OUTSIDE_CAMPAIGN');
    expect((await as(outsider).post(`/api/volunteering/campaigns/${c.id}/shifts`, {})).status).toBe(400);
    expect((await as(resident).get('/api/volunteering/campaigns/manage')).status).toBe(403);
    expect((await as(resident).put('/api/volunteering/profile', { gridIds: ['0000000000000000000000000a'] })).body.code).toBe('VOLUNTEER_GRID_INVALID');
  });

  it('shows the roster only to organisers of the campaign', async () => {
    const c = await newCampaign(t, organiser);
    const s = await newShift(t, organiser, c.id, 100, 2);
    await as(resident).post(`/api/volunteering/shifts/${s.id}/signup`);
    const roster = await as(organiser).get(`/api/volunteering/shifts/${s.id}/roster`);
    expect(roster.body.entries.map((e: { user: { name: string } }) => e.user.name)).toEqual(['王丽']);
    expect(roster.body.entries[0].user.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await as(outsider).get(`/api/volunteering/shifts/${s.id}/roster`)).status).toBe(404);
  });
});
