import ExcelJS from 'exceljs';
import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { OutboxWorker } from '../../../src/notifications/outbox-worker.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { demoActivityTitles } from '../../../src/activities/activities.seed.js';

const HOUR = 3_600_000;
type Auth = { token: string; userId: string };

describe.each(databases())('neighbourhood activities on %s', (db) => {
  let t: TestApp;
  let organiser: Auth; // 周敏, organiser of 幸福社区
  let outsider: Auth; // 陈红, organiser of a Party branch only
  let resident: Auth;
  let member: Auth;
  let elder: Auth;
  let xingfu: OrgNode;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [organiser, outsider, resident, member, elder] = await Promise.all(['grid_worker', 'organiser_a', 'resident', 'party_member', 'elder'].map((p) => t.login(p)));
    xingfu = (await t.dataSource.manager.findOne(OrgNode, { where: { name: '幸福社区' } }))!;
  });
  afterAll(() => t.close());

  const as = (a: Auth) => ({
    get: (url: string) => t.http.get(url).set('Authorization', a.token),
    post: (url: string, body: object = {}) => t.http.post(url).set('Authorization', a.token).send(body),
    put: (url: string, body: object = {}) => t.http.put(url).set('Authorization', a.token).send(body),
  });
  const publish = async (over: Record<string, unknown> = {}) => {
    const res = await as(organiser).post('/api/activities', {
      communityId: xingfu.id,
      title: '社区健康讲座',
      category: 'talk',
      description: '测试',
      place: '党群服务中心',
      startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
      endsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
      capacity: 5,
      maxCompanions: 2,
      ...over,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; placesLeft: number };
  };

  it('lists the seeded activities of both communities with places left, filterable by community and category', async () => {
    const all = (await as(resident).get('/api/activities?limit=50')).body.items as { title: string; placesLeft: number; community: { name: string } }[];
    // The festival and the outing follow the season (no 重阳节 in December): found by the seed's keys.
    const seeded = demoActivityTitles();
    expect(all.map((a) => a.title)).toEqual(expect.arrayContaining(Object.values(seeded)));
    expect(all.find((a) => a.title === seeded.festival)!.placesLeft).toBe(3);
    const heping = (await as(resident).get('/api/activities/communities')).body.find((c: { name: string }) => c.name === '和平社区');
    const filtered = (await as(resident).get(`/api/activities?communityId=${heping.id}&category=talk`)).body.items;
    expect(filtered.map((a: { title: string }) => a.title)).toEqual(['反诈讲座']);
    expect((await as(resident).get('/api/activities?date=2026-13-01')).status).toBe(400);
  });

  it('signs a resident up with two family members and counts them against places', async () => {
    const a = await publish();
    const res = await as(resident).post(`/api/activities/${a.id}/signup`, { companions: [{ name: '小明', age: 8 }, { name: '王大爷', age: 70 }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'confirmed', seats: 3 });
    const detail = (await as(member).get(`/api/activities/${a.id}`)).body;
    expect(detail.placesLeft).toBe(2);
    expect((await as(resident).get('/api/activities/companions')).body.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['小明', '王大爷']));
  });

  it('answers bad sign-ups with a Chinese reason and changes nothing', async () => {
    const a = await publish({ capacity: 3, maxCompanions: 1, eligibility: { minAge: 60 } });
    const young = await as(resident).post(`/api/activities/${a.id}/signup`, {});
    expect(young.status).toBe(403);
    expect(young.body).toMatchObject({ code: 'ENROLLMENT_AGE_INELIGIBLE', message: expect.stringMatching(/年龄/) });
    const crowd = await as(elder).post(`/api/activities/${a.id}/signup`, { companions: [{ name: '甲', age: 40 }, { name: '乙', age: 41 }] });
    expect(crowd.body.code).toBe('ENROLLMENT_TOO_MANY_COMPANIONS');
    const malformed = await as(elder).post(`/api/activities/${a.id}/signup`, { companions: [{ name: '', age: 'x' }] });
    expect(malformed.status).toBe(400);
    expect((await as(elder).post(`/api/activities/${a.id}/signup`, {})).status).toBe(201);
    const twice = await as(elder).post(`/api/activities/${a.id}/signup`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ENROLLMENT_EXISTS');
    const closed = await publish({ signupOpensAt: new Date(Date.now() - 2 * HOUR).toISOString(), signupClosesAt: new Date(Date.now() - HOUR).toISOString() });
    expect((await as(resident).post(`/api/activities/${closed.id}/signup`, {})).body.code).toBe('ENROLLMENT_WINDOW_CLOSED');
    expect((await as(resident).get(`/api/activities/${a.id}`)).body.placesLeft).toBe(2);
  });

  it('waitlists when full, offers the freed place, and lets only the owner cancel', async () => {
    const a = await publish({ capacity: 3 });
    const first = (await as(resident).post(`/api/activities/${a.id}/signup`, { companions: [{ name: '小明', age: 8 }, { name: '小红', age: 6 }] })).body;
    const second = (await as(member).post(`/api/activities/${a.id}/signup`, {})).body;
    expect(second).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await as(member).post(`/api/enrollments/${first.id}/cancel`)).status).toBe(404);
    expect((await as(resident).post(`/api/enrollments/${first.id}/cancel`)).body.status).toBe('cancelled');
    const mine = (await as(member).get('/api/activities/mine')).body.find((e: { id: string }) => e.id === second.id);
    expect(mine).toMatchObject({ status: 'offered', activity: { id: a.id } });
    expect((await as(member).post(`/api/enrollments/${second.id}/accept`)).body.status).toBe('confirmed');
    await t.app.get(OutboxWorker).drain();
    const inbox = (await as(member).get('/api/notifications/inbox')).body.items.map((i: { title: string }) => i.title);
    expect(inbox).toEqual(expect.arrayContaining(['已进入候补', '候补名额到了', '报名成功']));
  });

  it('scopes the roster to the organiser of the community', async () => {
    const a = await publish();
    expect((await as(organiser).get(`/api/activities/${a.id}/roster`)).status).toBe(200);
    const other = await as(outsider).get(`/api/activities/${a.id}/roster`);
    expect(other.status).toBe(404);
    expect((await as(resident).get(`/api/activities/${a.id}/roster`)).status).toBe(403);
    expect((await as(outsider).put(`/api/activities/${a.id}`, {})).status).toBe(400);
    const heping = (await as(resident).get('/api/activities/communities')).body.find((c: { name: string }) => c.name === '和平社区');
    // 和平社区 is listed to everyone: refusing it says it is not theirs, not that it does not exist.
    const refused = await as(organiser).post('/api/activities', { ...(await validInput()), communityId: heping.id });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'ACTIVITY_PLACE_NOT_YOURS', message: expect.stringMatching(/自己负责/) });
  });

  it("lets a Party branch's organiser publish for the branch's members, offers only her places, and refuses a community with 403", async () => {
    const places = (await as(outsider).get('/api/activities/places')).body as { id: string; name: string; kind: string }[];
    expect(places).toEqual([expect.objectContaining({ name: '幸福社区第一党支部', kind: 'branch' })]);
    expect((await as(organiser).get('/api/activities/places')).body).toEqual([expect.objectContaining({ name: '幸福社区', kind: 'community' })]);
    expect((await as(resident).get('/api/activities/places')).body).toEqual([]);

    const refused = await as(outsider).post('/api/activities', { ...(await validInput()), communityId: xingfu.id });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'ACTIVITY_PLACE_NOT_YOURS', message: expect.stringMatching(/[\u4e00-\u9fff]/) });

    const branch = places[0];
    const res = await as(outsider).post('/api/activities', { ...(await validInput()), communityId: branch.id, title: '主题党日志愿服务', category: 'volunteer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ community: { id: branch.id, name: '幸福社区第一党支部' }, hostKind: 'branch', canManage: true, eligibilityText: '仅限幸福社区第一党支部党员' });
    const id = res.body.id as string;

    // Members of the branch find it under their community and may sign up; other residents may not.
    const seen = (await as(member).get(`/api/activities?communityId=${xingfu.id}&limit=50`)).body.items.map((a: { id: string }) => a.id);
    expect(seen).toContain(id);
    expect((await as(member).post(`/api/activities/${id}/signup`, {})).status).toBe(201);
    const outsiderSignup = await as(resident).post(`/api/activities/${id}/signup`, {});
    expect(outsiderSignup.status).toBe(403);
    expect(outsiderSignup.body.code).toBe('ENROLLMENT_BRANCH_ONLY');

    // She manages what she published: the roster is hers, the community's organiser's is not.
    expect((await as(outsider).get(`/api/activities/${id}/roster`)).status).toBe(200);
    expect((await as(organiser).get(`/api/activities/${id}/roster`)).status).toBe(404);
    // An edit cannot drop the branch-only rule.
    const edited = await as(outsider).put(`/api/activities/${id}`, { ...(await validInput()), communityId: branch.id, title: '主题党日志愿服务（改）', eligibility: null });
    expect(edited.status).toBe(200);
    expect(edited.body.eligibility).toMatchObject({ partyNodeIds: [branch.id] });
  });

  const validInput = async () => ({
    communityId: xingfu.id,
    title: '测试',
    category: 'class',
    place: '活动室',
    startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
    endsAt: new Date(Date.now() + 49 * HOUR).toISOString(),
    capacity: 5,
  });

  it('approves, enters an elder without a phone on a reserved place, marks attendance, credits points and exports the roster', async () => {
    const a = await publish({ capacity: 4, reserved: 1, needsApproval: true });
    const pending = (await as(resident).post(`/api/activities/${a.id}/signup`, { companions: [{ name: '小明', age: 8 }] })).body;
    expect(pending.status).toBe('registered');
    expect((await as(organiser).post(`/api/enrollments/${pending.id}/approve`)).body.status).toBe('confirmed');
    const entered = await as(organiser).post(`/api/activities/${a.id}/enrol`, { userId: elder.userId, reason: '老人没有智能手机，电话报名' });
    expect(entered.status).toBe(201);
    const roster = (await as(organiser).get(`/api/activities/${a.id}/roster`)).body;
    expect(roster.counters).toMatchObject({ taken: 2, reservedTaken: 1, placesLeft: 1 });
    expect(roster.entries.find((e: { user: { id: string } }) => e.user.id === elder.userId).enteredBy.name).toBe('周敏');
    const attended = await as(organiser).post(`/api/enrollments/${pending.id}/attendance`, { attended: true });
    expect(attended.body.status).toBe('attended');
    expect((await as(outsider).post(`/api/enrollments/${pending.id}/attendance`, { attended: true })).status).toBe(404);
    const points = await t.dataSource.query(`SELECT COUNT(*) AS n FROM points_entries WHERE userId = '${resident.userId}' AND action = 'activity_attendance'`);
    expect(Number(points[0].n)).toBe(1);

    const file = await as(organiser).get(`/api/activities/${a.id}/roster.xlsx`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as never);
    const sheet = book.getWorksheet('报名名单')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(4).value).toBe('已签到');
  });

  it('lets an attendee rate once, refusing a comment WeChat finds risky and saying why', async () => {
    const a = await publish();
    const openid = (await t.dataSource.query(`SELECT openid FROM users WHERE id = '${resident.userId}'`))[0].openid;
    t.wechat.registerOpenid(openid); // WeChat only judges text of people who opened the app lately
    const mine = (await as(resident).post(`/api/activities/${a.id}/signup`, {})).body;
    expect((await as(resident).post(`/api/activities/${a.id}/rating`, { stars: 5 })).body.code).toBe('ACTIVITY_NOT_RATEABLE');
    await as(organiser).post(`/api/enrollments/${mine.id}/attendance`, { attended: true });
    const risky = await as(resident).post(`/api/activities/${a.id}/rating`, { stars: 4, comment: '讲得好，顺便介绍个赌博网站' });
    expect(risky.status).toBe(422);
    expect(risky.body).toMatchObject({ code: 'COMMENT_REJECTED', message: expect.stringContaining('违法犯罪') });
    expect((await as(resident).post(`/api/activities/${a.id}/rating`, { stars: 6 })).status).toBe(400);
    const ok = await as(resident).post(`/api/activities/${a.id}/rating`, { stars: 5, comment: '医生很耐心' });
    expect(ok.body).toEqual({ average: 5, count: 1, commentHeld: false });
    expect((await as(resident).post(`/api/activities/${a.id}/rating`, { stars: 3 })).body.code).toBe('ACTIVITY_ALREADY_RATED');
  });

  it('keeps a rating whose comment WeChat could not judge but holds the comment back', async () => {
    const a = await publish();
    const mine = (await as(elder).post(`/api/activities/${a.id}/signup`, {})).body;
    await as(organiser).post(`/api/enrollments/${mine.id}/attendance`, { attended: true });
    const res = await as(elder).post(`/api/activities/${a.id}/rating`, { stars: 4, comment: '很好' });
    expect(res.body).toEqual({ average: 4, count: 1, commentHeld: true });
  });

  it('duplicates an activity for next week with empty places', async () => {
    const a = await publish();
    await as(resident).post(`/api/activities/${a.id}/signup`, {});
    const copy = await as(organiser).post(`/api/activities/${a.id}/duplicate`, {});
    expect(copy.status).toBe(201);
    const original = (await as(organiser).get(`/api/activities/${a.id}`)).body;
    expect(new Date(copy.body.startsAt).getTime() - new Date(original.startsAt).getTime()).toBe(7 * 24 * HOUR);
    expect(copy.body.placesLeft).toBe(5);
  });

  it('checks in through the shared check-in mechanism and marks the enrollment attended', async () => {
    const a = await publish({ startsAt: new Date(Date.now() + 10 * 60_000).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString(), cancelDeadline: new Date(Date.now() + 5 * 60_000).toISOString() });
    const mine = (await as(member).post(`/api/activities/${a.id}/signup`, {})).body;
    const qr = await as(organiser).get(`/api/checkin/activity/${a.id}/qr`);
    expect(qr.status).toBe(200);
    const done = await as(member).post('/api/checkin/redeem', { token: qr.body.token, nonce: `nonce-${Date.now()}` });
    expect(done.status).toBeLessThan(300);
    const after = (await as(member).get(`/api/activities/${a.id}`)).body;
    expect(after.mine).toMatchObject({ id: mine.id, status: 'attended' });
    expect((await as(resident).post('/api/checkin/redeem', { token: qr.body.token, nonce: `nonce-r-${Date.now()}` })).body.code).toBe('CHECKIN_NOT_INVITED');
  });
});
