import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { jpegDataUrl, metadataLeft, phonePhoto } from '../../support/photos.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

const HOUR = 3_600_000;
type Auth = { token: string; userId: string };
// The smallest valid PNG (1×1): the server checks the bytes, not just the declared type.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe.each(databases())('calling an activity off and its cover on %s', (db) => {
  let t: TestApp;
  let organiser: Auth; // 周敏, organiser of 幸福社区
  let otherOrganiser: Auth;
  let resident: Auth;
  let member: Auth;
  let elder: Auth;
  let xingfu: OrgNode;

  const as = (a: Auth) => ({
    get: (url: string) => t.http.get(url).set('Authorization', a.token),
    post: (url: string, body: object = {}) => t.http.post(url).set('Authorization', a.token).send(body),
  });
  const publish = async (capacity = 1) =>
    (
      await as(organiser).post('/api/activities', {
        communityId: xingfu.id, title: '社区健康讲座', category: 'talk', description: '测试', place: '党群服务中心',
        startsAt: new Date(Date.now() + 48 * HOUR).toISOString(), endsAt: new Date(Date.now() + 50 * HOUR).toISOString(), capacity, maxCompanions: 2,
      })
    ).body as { id: string };

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [organiser, otherOrganiser, resident, member, elder] = await Promise.all(['grid_worker', 'organiser_b', 'resident', 'party_member', 'elder'].map((p) => t.login(p)));
    xingfu = (await t.dataSource.manager.findOne(OrgNode, { where: { name: '幸福社区' } }))!;
  });
  afterAll(() => t.close());

  it('cancels every sign-up and waiting place, tells each person why, and empties the counters', async () => {
    const a = await publish(1);
    const confirmed = (await as(resident).post(`/api/activities/${a.id}/signup`)).body;
    const waiting = (await as(member).post(`/api/activities/${a.id}/signup`)).body;
    expect([confirmed.status, waiting.status]).toEqual(['confirmed', 'waitlisted']);

    expect((await as(otherOrganiser).post(`/api/activities/${a.id}/cancel`, { reason: '天气原因' })).status).toBe(404);
    expect((await as(resident).post(`/api/activities/${a.id}/cancel`, { reason: '天气原因' })).status).toBe(403);
    expect((await as(organiser).post(`/api/activities/${a.id}/cancel`, { reason: '' })).status).toBe(400);
    const done = await as(organiser).post(`/api/activities/${a.id}/cancel`, { reason: '暴雨预警，活动取消' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('cancelled');

    const rows = await t.dataSource.query('SELECT e.status, e.cancelReason, s.taken, s.reservedTaken, s.status AS slotStatus FROM enrollments e JOIN enrollment_slots s ON s.id = e.slotId WHERE e.id IN (?, ?)', [confirmed.id, waiting.id]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(rows.every((r: { cancelReason: string; taken: number; reservedTaken: number; slotStatus: string }) => r.cancelReason === 'slot_cancelled' && Number(r.taken) === 0 && Number(r.reservedTaken) === 0 && r.slotStatus === 'cancelled')).toBe(true);
    const notices = await t.dataSource.query("SELECT userId, body FROM outbox_messages WHERE kind = 'enrollment_slot_cancelled' AND userId IN (?, ?)", [resident.userId, member.userId]);
    expect(notices).toHaveLength(2);
    expect(notices.every((n: { body: string }) => n.body.includes('暴雨预警，活动取消'))).toBe(true);
    const reminders = await t.dataSource.query("SELECT COUNT(*) AS n FROM outbox_messages WHERE groupKey = ? AND status = 'pending'", [`rem:${confirmed.id}`]);
    expect(Number(reminders[0].n)).toBe(0);
  });

  it('leaves no one signed up or waiting in an activity called off while sign-ups race it', async () => {
    const { TokenService } = await import('../../../src/auth/token.service.js');
    const tokens = t.app.get(TokenService);
    const people: { id: string }[] = await t.dataSource.query('SELECT id FROM users WHERE demoPersona IS NULL ORDER BY id LIMIT 30');
    const a = await publish(2);
    // Full first, so the racing sign-ups take the waiting-list path that does not touch the counter row.
    await Promise.all(people.slice(0, 2).map((p) => t.http.post(`/api/activities/${a.id}/signup`).set('Authorization', `Bearer ${tokens.signAccess(p.id)}`).send({})));
    const racing = people.slice(2).map((p) => t.http.post(`/api/activities/${a.id}/signup`).set('Authorization', `Bearer ${tokens.signAccess(p.id)}`).send({}));
    const [cancel, ...answers] = await Promise.all([as(organiser).post(`/api/activities/${a.id}/cancel`, { reason: '场地临时征用' }), ...racing]);
    expect(cancel.status).toBe(200);
    expect(answers.every((r) => r.status === 201 || r.body.code === 'ENROLLMENT_SLOT_CLOSED')).toBe(true);
    const active = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM enrollments e JOIN activities x ON x.slotId = e.slotId WHERE x.id = ? AND e.status IN ('registered','confirmed','waitlisted','offered')",
      [a.id],
    );
    expect(Number(active[0].n)).toBe(0);
  });

  it('refuses sign-ups, edits and a second cancellation afterwards, and leaves the lists', async () => {
    const a = await publish(5);
    await as(organiser).post(`/api/activities/${a.id}/cancel`, { reason: '场地维修' });
    expect((await as(elder).post(`/api/activities/${a.id}/signup`)).body.code).toBe('ENROLLMENT_SLOT_CLOSED');
    const again = await as(organiser).post(`/api/activities/${a.id}/cancel`, { reason: '场地维修' });
    expect([again.status, again.body.code]).toEqual([409, 'ACTIVITY_CANCELLED']);
    const list = (await as(resident).get('/api/activities?limit=50')).body.items.map((i: { id: string }) => i.id);
    expect(list).not.toContain(a.id);
    expect((await as(elder).get(`/api/activities/${a.id}`)).body.status).toBe('cancelled');
  });

  it('takes a cover picture checked by its bytes and serves it to anyone by its unguessable name', async () => {
    const a = await publish(5);
    const up = await as(organiser).post(`/api/activities/${a.id}/cover`, { dataUrl: PNG });
    expect(up.status).toBe(200);
    expect(up.body.coverImage).toMatch(/^\/api\/activity-covers\/[A-Za-z0-9_-]{24}\.png$/);
    const file = await t.http.get(up.body.coverImage);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    const fake = await as(organiser).post(`/api/activities/${a.id}/cover`, { dataUrl: `data:image/png;base64,${Buffer.from('<script>alert(1)</script>').toString('base64')}` });
    expect([fake.status, fake.body.code]).toEqual([400, 'ACTIVITY_COVER_INVALID']);
    expect((await as(organiser).post(`/api/activities/${a.id}/cover`, { dataUrl: 'data:image/gif;base64,R0lGOD' })).status).toBe(400);
    expect((await as(otherOrganiser).post(`/api/activities/${a.id}/cover`, { dataUrl: PNG })).status).toBe(404);
    expect((await t.http.get('/api/activity-covers/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await t.http.get('/api/activity-covers/aaaaaaaaaaaaaaaaaaaaaaaa.png')).status).toBe(404);
  });

  it('stores a cover taken with a phone without the place it was taken (EXIF and GPS removed)', async () => {
    const a = await publish(5);
    const up = await as(organiser).post(`/api/activities/${a.id}/cover`, { dataUrl: jpegDataUrl(await phonePhoto()) });
    expect(up.status).toBe(200);
    const file = await t.http.get(up.body.coverImage).buffer(true);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(await metadataLeft(file.body)).toEqual({ exif: false, gps: false, camera: false, orientation: undefined });
  });
});
