import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { LedgerService } from '../../../src/points/ledger.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('rankings and my points on %s', (db) => {
  let t: TestApp;
  let member: { token: string; userId: string };
  const ranking = async (q: string, token = member.token) => (await t.http.get(`/api/points/rankings?${q}`).set('Authorization', token)).body;
  const credit = (userId: string, amount: number, key: string) =>
    t.app.get(TransactionRunner).run((em) => t.app.get(LedgerService).credit(em, { userId, action: 'volunteer_hours', amount, source: { type: 'test', id: key }, idempotencyKey: key, nodeId: null }));

  beforeAll(async () => {
    t = await startTestApp(db);
    member = await t.login('party_member');
  });
  afterAll(() => t.close());

  it('ranks my branch all time from the highest, with my own rank and points', async () => {
    const r = await ranking('scope=branch&period=all');
    expect(r.node.name).toBe('幸福社区第一党支部');
    const points = r.top.map((x: { points: number }) => x.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(r.me.points).toBeGreaterThan(0);
    expect(r.me.rank).toBe(1 + points.filter((p: number) => p > r.me.points).length);
  });

  it('moves me to the top of my branch and community this week when I earn the most', async () => {
    const before = await ranking('scope=community&period=week');
    await credit(member.userId, 200, 'rank-test-1');
    const after = await ranking('scope=community&period=week');
    expect(after.me).toEqual({ rank: 1, points: before.me.points + 200 });
    expect(after.top[0]).toMatchObject({ rank: 1, isMe: true, name: '李建国' });
    expect((await ranking('scope=branch&period=month')).me.rank).toBe(1);
    expect((await ranking('scope=branch&period=year&limit=3')).top.length).toBeLessThanOrEqual(3);
  });

  it("keeps other communities' members out of my ranking", async () => {
    const b = await t.login('organiser_b');
    await credit(b.userId, 500, 'rank-test-2');
    const mine = await ranking('scope=community&period=week');
    expect(mine.top.map((x: { name: string }) => x.name)).not.toContain('刘洋');
    expect((await ranking('scope=community&period=week', b.token)).top[0].name).toBe('刘洋');
  });

  it("shows today's progress against each daily cap and refuses bad ranking queries", async () => {
    // Opening the study tab is the day's login: credited once however often it is opened.
    for (let i = 0; i < 2; i++) expect((await t.http.get('/api/study/today').set('Authorization', member.token)).status).toBe(200);
    const me = (await t.http.get('/api/points/me').set('Authorization', member.token)).body;
    expect(me.today.find((x: { action: string }) => x.action === 'article_read')).toMatchObject({ label: '阅读文章', dailyCap: 12 });
    expect(me.today.find((x: { action: string }) => x.action === 'login')).toMatchObject({ awarded: 1, dailyCap: 1 });
    const bad = await t.http.get('/api/points/rankings?period=decade').set('Authorization', member.token);
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('lets organiser A change a rule for branch A only, inherited by its members', async () => {
    const orgA = (await t.login('organiser_a')).token;
    const orgB = (await t.login('organiser_b')).token;
    const branchA = (await t.http.get('/api/org/tree').set('Authorization', orgA)).body.find((n: { kind: string }) => n.kind === 'branch').id;
    const rule = { nodeId: branchA, action: 'article_read', points: 2, dailyCap: 20, weeklyCap: null, yearlyCap: null, active: true };
    const set = await t.http.put('/api/org/points/rules').set('Authorization', orgA).send(rule);
    expect(set.status).toBe(200);
    expect(set.body.find((r: { action: string }) => r.action === 'article_read')).toMatchObject({ points: 2, dailyCap: 20 });
    expect((await t.http.put('/api/org/points/rules').set('Authorization', orgB).send(rule)).status).toBe(404);
    expect((await t.http.put('/api/org/points/rules').set('Authorization', member.token).send(rule)).status).toBe(403);
    expect((await t.http.put('/api/org/points/rules').set('Authorization', orgA).send({ ...rule, points: -1 })).status).toBe(400);
    const me = (await t.http.get('/api/points/me').set('Authorization', member.token)).body;
    expect(me.today.find((x: { action: string }) => x.action === 'article_read').dailyCap).toBe(20);
    const r = await t.app.get(TransactionRunner).run((em) => t.app.get(LedgerService).credit(em, { userId: member.userId, action: 'article_read', source: { type: 'test', id: 'rule' }, idempotencyKey: 'rule-test-1', nodeId: null }));
    expect(r.awarded).toBe(2);
  });

  it('shows where each rule comes from: the default, the Party committee above, or the branch itself', async () => {
    const committee = (await t.login('admin')).token;
    const orgA = (await t.login('organiser_a')).token;
    const tree = (await t.http.get('/api/org/tree').set('Authorization', orgA)).body;
    const branchA = tree.find((n: { kind: string }) => n.kind === 'branch');
    const committeeNode = (await t.http.get('/api/org/tree').set('Authorization', committee)).body.find((n: { kind: string }) => n.kind === 'committee');
    const shareAt = async () => (await t.http.get(`/api/org/points/rules/${branchA.id}`).set('Authorization', orgA)).body.find((r: { action: string }) => r.action === 'share');
    expect(await shareAt()).toMatchObject({ setAt: null, points: 1 });
    const base = { action: 'share', dailyCap: 5, weeklyCap: null, yearlyCap: null, active: true };
    expect((await t.http.put('/api/org/points/rules').set('Authorization', committee).send({ ...base, nodeId: committeeNode.id, points: 2 })).status).toBe(200);
    expect(await shareAt()).toMatchObject({ setAt: { id: committeeNode.id }, points: 2 });
    await t.http.put('/api/org/points/rules').set('Authorization', orgA).send({ ...base, nodeId: branchA.id, points: 3 });
    expect(await shareAt()).toMatchObject({ setAt: { id: branchA.id, name: branchA.name }, points: 3 });
  });
});
