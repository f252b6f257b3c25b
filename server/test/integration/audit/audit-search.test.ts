import { newId } from '../../../src/common/ids.js';
import { RoleAssignment } from '../../../src/members/role-assignment.entity.js';
import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { as, type Auth } from '../family/family-fixtures.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

type Item = { seq: number; actor: { id: string; name: string }; subject: { id: string } | null; action: string; description: string; at: string; roleText: string };

describe.each(databases())('admin search of the audit trail on %s', (db) => {
  let t: TestApp;
  let admin: Auth; // 赵强: admin of the street and the Party committee (roots)
  let branchAdmin: Auth; // 王丽, made admin of 和平社区党支部 only
  let organiserA: Auth; // 陈红, 幸福社区第一党支部
  let organiserB: Auth; // 刘洋, 和平社区党支部
  let memberA: Auth;
  let memberB: string;

  const search = (who: Auth, query: Record<string, string | number> = {}) => t.http.get('/api/audit').query(query).set('Authorization', who.token);
  const setIncome = (who: Auth, userId: string) => t.http.put(`/api/dues/profiles/${userId}`).set('Authorization', who.token).send({ category: 'employed', baseFen: 600000 });

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [admin, branchAdmin, organiserA, organiserB, memberA] = await Promise.all(['admin', 'resident', 'organiser_a', 'organiser_b', 'party_member'].map((p) => t.login(p)));
    const heping = (await t.dataSource.manager.findOne(OrgNode, { where: { name: '和平社区党支部' } }))!;
    await t.dataSource.manager.insert(RoleAssignment, { id: newId(), userId: branchAdmin.userId, role: 'admin', nodeId: heping.id, grantedBy: null });
    const profiles = (await as(t, organiserB).get(`/api/dues/branches/${heping.id}/profiles`)).body as { userId: string }[];
    memberB = profiles.find((p) => p.userId !== organiserB.userId)!.userId;
    expect((await setIncome(organiserA, memberA.userId)).status).toBe(200);
    expect((await setIncome(organiserB, memberB)).status).toBe(200);
  });
  afterAll(() => t.close());

  it('refuses everyone who is not an admin, organisers and treasurers included', async () => {
    for (const who of [organiserA, memberA]) {
      const res = await search(who);
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
  });

  it('shows an admin only the organisations they administer; a street admin sees them all', async () => {
    const scoped = (await search(branchAdmin, { action: 'PUT /api/dues/profiles' })).body.items as Item[];
    expect(scoped.map((i) => i.subject?.id)).toEqual([memberB]);
    const all = (await search(admin, { action: 'PUT /api/dues/profiles' })).body.items as Item[];
    expect(all.map((i) => i.subject?.id).sort()).toEqual([memberA.userId, memberB].sort());
    expect(all.find((i) => i.actor.id === organiserA.userId)).toMatchObject({ actor: { name: '陈红' }, description: '修改党费档案', roleText: '党费管理员' });
  });

  it('filters by who acted, whose data, what kind of action and when', async () => {
    expect(((await search(admin, { actorId: organiserB.userId })).body.items as Item[]).every((i) => i.actor.id === organiserB.userId)).toBe(true);
    expect(((await search(admin, { subjectUserId: memberA.userId })).body.items as Item[]).map((i) => i.action)).toContain('PUT /api/dues/profiles/:userId');
    expect(((await search(admin, { action: 'dues.income' })).body.items as Item[]).length).toBeGreaterThan(0);
    expect(((await search(admin, { action: 'resident.' })).body.items as Item[])).toEqual([]);
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    expect((await search(admin, { from: hourAgo, to: inAnHour })).body.items.length).toBeGreaterThan(0);
    expect((await search(admin, { from: inAnHour })).body.items).toEqual([]);
    expect((await search(admin, { to: hourAgo })).body.items).toEqual([]);
  });

  it('pages newest first by sequence number', async () => {
    const first = await search(admin, { limit: 1 });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBe(String(first.body.items[0].seq));
    const second = await search(admin, { limit: 1, cursor: first.body.nextCursor });
    expect(second.body.items[0].seq).toBeLessThan(first.body.items[0].seq);
  });

  it('refuses malformed searches with a message, not an error page', async () => {
    const bad: Record<string, string | number>[] = [{ cursor: 'abc' }, { from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, { actorId: 'x' }, { limit: 500 }, { colour: 'red' }];
    for (const query of bad) {
      const res = await search(admin, query);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await t.http.get('/api/me/data-access').query({ cursor: '-1' }).set('Authorization', memberA.token)).status).toBe(400);
  });
});
