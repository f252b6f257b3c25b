import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

const HOUR = 3_600_000;
type Auth = { token: string; userId: string };

describe.each(databases())('activity comments and their moderation on %s', (db) => {
  let t: TestApp;
  let organiser: Auth; // 周敏, organiser of 幸福社区
  let otherOrganiser: Auth; // 刘洋, 和平社区's branch
  let resident: Auth;
  let elder: Auth;
  let activityId: string;

  const as = (a: Auth) => ({
    get: (url: string) => t.http.get(url).set('Authorization', a.token),
    post: (url: string, body: object = {}) => t.http.post(url).set('Authorization', a.token).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [organiser, otherOrganiser, resident, elder] = await Promise.all(['grid_worker', 'organiser_b', 'resident', 'elder'].map((p) => t.login(p)));
    const xingfu = (await t.dataSource.manager.findOne(OrgNode, { where: { name: '幸福社区' } }))!;
    const created = await as(organiser).post('/api/activities', {
      communityId: xingfu.id, title: '社区健康讲座', category: 'talk', description: '测试', place: '党群服务中心',
      startsAt: new Date(Date.now() + 48 * HOUR).toISOString(), endsAt: new Date(Date.now() + 50 * HOUR).toISOString(), capacity: 5, maxCompanions: 0,
    });
    activityId = created.body.id;
    // The resident opened the app lately, so WeChat judges her text; the elder's it cannot (held for a person).
    t.wechat.registerOpenid((await t.dataSource.query('SELECT openid FROM users WHERE id = ?', [resident.userId]))[0].openid);
    for (const who of [resident, elder]) {
      const mine = (await as(who).post(`/api/activities/${activityId}/signup`)).body;
      await as(organiser).post(`/api/enrollments/${mine.id}/attendance`, { attended: true });
    }
    await as(resident).post(`/api/activities/${activityId}/rating`, { stars: 5, comment: '医生很耐心' });
    await as(elder).post(`/api/activities/${activityId}/rating`, { stars: 4, comment: '很好' });
  });
  afterAll(() => t.close());

  it('shows everyone only the comments that passed, with the rater masked', async () => {
    const shown = (await as(elder).get(`/api/activities/${activityId}/comments`)).body;
    expect(shown).toEqual([expect.objectContaining({ stars: 5, comment: '医生很耐心', commentStatus: 'visible', raterMasked: '王*' })]);
  });

  it('lists held comments first for the organiser, and only for the organiser of the community', async () => {
    const list = (await as(organiser).get(`/api/activities/${activityId}/ratings`)).body;
    expect(list.map((r: { commentStatus: string }) => r.commentStatus)).toEqual(['held', 'visible']);
    expect((await as(otherOrganiser).get(`/api/activities/${activityId}/ratings`)).status).toBe(404);
    expect((await as(resident).get(`/api/activities/${activityId}/ratings`)).status).toBe(403);
  });

  it('publishes a held comment once; a second decision is refused', async () => {
    const held = (await as(organiser).get(`/api/activities/${activityId}/ratings`)).body[0];
    expect((await as(otherOrganiser).post(`/api/activities/ratings/${held.id}/moderation`, { decision: 'publish' })).status).toBe(404);
    expect((await as(organiser).post(`/api/activities/ratings/${held.id}/moderation`, { decision: 'maybe' })).status).toBe(400);
    expect((await as(organiser).post(`/api/activities/ratings/${held.id}/moderation`, { decision: 'publish' })).body).toEqual({ decided: 'published' });
    const again = await as(organiser).post(`/api/activities/ratings/${held.id}/moderation`, { decision: 'reject' });
    expect([again.status, again.body.code]).toEqual([409, 'COMMENT_ALREADY_DECIDED']);
    expect((await as(resident).get(`/api/activities/${activityId}/comments`)).body.map((c: { comment: string }) => c.comment).sort()).toEqual(['医生很耐心', '很好'].sort());
  });

  it('erases a rejected comment but keeps its stars in the average', async () => {
    const member = await t.login('party_member');
    const mine = (await as(member).post(`/api/activities/${activityId}/signup`)).body;
    await as(organiser).post(`/api/enrollments/${mine.id}/attendance`, { attended: true });
    expect((await as(member).post(`/api/activities/${activityId}/rating`, { stars: 3, comment: '一般般' })).body.commentHeld).toBe(true);
    const held = (await as(organiser).get(`/api/activities/${activityId}/ratings`)).body.find((r: { commentStatus: string }) => r.commentStatus === 'held');
    expect((await as(organiser).post(`/api/activities/ratings/${held.id}/moderation`, { decision: 'reject' })).body).toEqual({ decided: 'rejected' });
    const row = (await t.dataSource.query('SELECT comment, commentStatus, stars FROM activity_ratings WHERE id = ?', [held.id]))[0];
    expect(row).toMatchObject({ comment: '', commentStatus: 'none' });
    expect(Number(row.stars)).toBe(3);
    expect((await as(resident).get(`/api/activities/${activityId}/comments`)).body.map((c: { comment: string }) => c.comment)).not.toContain('一般般');
  });
});
