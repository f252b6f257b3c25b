import { as, link, publish, xingfu, type Auth } from '../family/family-fixtures.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

type Row = { seq: number; actorId: string; actorRole: string | null; action: string; subjectUserId: string | null; resourceId: string | null; orgPath: string | null; requestId: string | null; ip: string | null };

describe.each(databases())('audit trail entries on %s', (db) => {
  let t: TestApp;
  let organiser: Auth; // 周敏, organiser of 幸福社区
  let otherOrganiser: Auth; // 刘洋, 和平社区
  let treasurer: Auth; // 陈红, secretary and treasurer of 幸福社区第一党支部
  let resident: Auth;
  let member: Auth;
  let elder: Auth;

  const entriesBy = async (actorId: string): Promise<Row[]> => t.dataSource.query('SELECT * FROM audit_entries WHERE actorId = ? ORDER BY seq', [actorId]);
  const lastSeq = async () => Number((await t.dataSource.query('SELECT MAX(seq) AS s FROM audit_entries'))[0].s ?? 0);
  const since = async (seq: number): Promise<Row[]> => t.dataSource.query('SELECT * FROM audit_entries WHERE seq > ? ORDER BY seq', [seq]);

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [organiser, otherOrganiser, treasurer, resident, member, elder] = await Promise.all(['grid_worker', 'organiser_b', 'organiser_a', 'resident', 'party_member', 'elder'].map((p) => t.login(p)));
  });
  afterAll(() => t.close());

  it('records an organiser write with the route pattern, the request id, the role used and the organisation it reached', async () => {
    const a = await publish(t, organiser);
    const res = await t.http.post(`/api/activities/${a.id}/cancel`).set('Authorization', organiser.token).set('X-Request-Id', 'req-audit-cancel-1').send({ reason: '天气原因' });
    expect(res.status).toBe(200);
    const { community } = await xingfu(t);
    const rows = await entriesBy(organiser.userId);
    const published = rows.find((r) => r.action === 'POST /api/activities');
    const cancelled = rows.find((r) => r.action === 'POST /api/activities/:id/cancel');
    expect(published).toBeDefined();
    expect(cancelled).toMatchObject({ resourceId: a.id, requestId: 'req-audit-cancel-1', actorRole: 'organiser', orgPath: community.path, subjectUserId: null });
    expect(cancelled!.ip).toBeTruthy();
  });

  it("does not record a member's own sign-up, nor an organiser signing themselves up", async () => {
    const a = await publish(t, organiser);
    const before = await lastSeq();
    expect((await as(t, resident).post(`/api/activities/${a.id}/signup`)).status).toBe(201);
    expect((await as(t, organiser).post(`/api/activities/${a.id}/signup`)).status).toBe(201);
    expect(await since(before)).toEqual([]);
  });

  it('records nothing for an organiser write that was refused', async () => {
    const a = await publish(t, organiser);
    const before = await lastSeq();
    expect((await as(t, otherOrganiser).post(`/api/activities/${a.id}/cancel`, { reason: '天气原因' })).status).toBe(404);
    expect((await as(t, organiser).post(`/api/activities/${a.id}/cancel`, { reason: '' })).status).toBe(400);
    expect(await since(before)).toEqual([]);
  });

  it("names the person a write was about: the treasurer changing a member's dues profile", async () => {
    const res = await t.http.put(`/api/dues/profiles/${member.userId}`).set('Authorization', treasurer.token).send({ category: 'employed', baseFen: 500000 });
    expect(res.status).toBe(200);
    const row = (await entriesBy(treasurer.userId)).find((r) => r.action === 'PUT /api/dues/profiles/:userId');
    expect(row).toMatchObject({ subjectUserId: member.userId, actorRole: 'treasurer' });
  });

  it("records an organiser reading a resident's full phone, with the resident as subject, before answering", async () => {
    const before = await lastSeq();
    const res = await as(t, organiser).get(`/api/org/members/${elder.userId}/phone`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: elder.userId, phone: '13800000003' });
    const rows = await since(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: organiser.userId, action: 'resident.phone.read', subjectUserId: elder.userId, actorRole: 'organiser' });
    // Another organisation's organiser cannot, and a resident has no such tool.
    expect((await as(t, otherOrganiser).get(`/api/org/members/${elder.userId}/phone`)).status).toBe(404);
    expect((await as(t, resident).get(`/api/org/members/${elder.userId}/phone`)).status).toBe(403);
    expect(await since(before)).toHaveLength(1);
  });

  it('shows the person who looked at their data (name masked, role, what, Beijing time), and nobody else', async () => {
    await as(t, organiser).get(`/api/org/members/${elder.userId}/phone`);
    const mine = await as(t, elder).get('/api/me/data-access');
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]).toMatchObject({ actorName: '周*', roleText: '组织者', description: '查看完整手机号' });
    expect(mine.body.items[0].atText).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(JSON.stringify(mine.body)).not.toContain(organiser.userId);
    const others = await as(t, resident).get('/api/me/data-access');
    expect(others.status).toBe(200);
    expect(others.body.items.some((i: { description: string }) => i.description === '查看完整手机号')).toBe(false);
  });

  it('records one income read per member whose income base the treasurer was shown', async () => {
    const branches = (await as(t, treasurer).get('/api/dues/branches')).body as { id: string }[];
    const before = await lastSeq();
    const res = await as(t, treasurer).get(`/api/dues/branches/${branches[0].id}/profiles`);
    expect(res.status).toBe(200);
    const shown = (res.body as { userId: string; baseFen: number | null }[]).filter((p) => p.baseFen !== null && p.userId !== treasurer.userId).map((p) => p.userId);
    expect(shown.length).toBeGreaterThan(0);
    const rows = await since(before);
    expect(rows.every((r) => r.action === 'dues.income.read' && r.actorRole === 'treasurer' && r.resourceId === branches[0].id)).toBe(true);
    expect(rows.map((r) => r.subjectUserId).sort()).toEqual([...shown].sort());
    expect((await as(t, member).get('/api/me/data-access')).body.items.some((i: { description: string }) => i.description === '查看党费基数（收入）')).toBe(true);
  });

  it("records a family member reading an elder's notices and bookings, with the elder as subject", async () => {
    await link(t, elder, resident);
    const before = await lastSeq();
    expect((await as(t, resident).get(`/api/family/elders/${elder.userId}/inbox`)).status).toBe(200);
    expect((await as(t, resident).get(`/api/family/elders/${elder.userId}/activities`)).status).toBe(200);
    const rows = await since(before);
    expect(rows.map((r) => [r.action, r.subjectUserId, r.actorRole])).toEqual([
      ['family.inbox.read', elder.userId, 'family'],
      ['family.activities.read', elder.userId, 'family'],
    ]);
    const seen = (await as(t, elder).get('/api/me/data-access')).body.items.map((i: { description: string; roleText: string; actorName: string }) => `${i.actorName}${i.roleText}${i.description}`);
    expect(seen).toContain('王*家人查看家人的通知');
  });

  it('records an export of a roster, filed under the activity', async () => {
    const a = await publish(t, organiser);
    const before = await lastSeq();
    expect((await as(t, organiser).get(`/api/activities/${a.id}/roster.xlsx`)).status).toBe(200);
    expect(await since(before)).toMatchObject([{ action: 'activity.roster.export', resourceId: a.id, subjectUserId: null }]);
  });
});
