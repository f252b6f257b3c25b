import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

interface TreeNode { id: string; name: string; kind: string; parentId: string | null; memberCount: number }

describe.each(databases())('organisation tree and scope on %s', (db) => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let treeA: TreeNode[];
  let treeB: TreeNode[];

  beforeAll(async () => {
    t = await startTestApp(db);
    orgA = (await t.login('organiser_a')).token;
    orgB = (await t.login('organiser_b')).token;
    treeA = (await t.http.get('/api/org/tree').set('Authorization', orgA)).body;
    treeB = (await t.http.get('/api/org/tree').set('Authorization', orgB)).body;
  });
  afterAll(() => t.close());

  it('shows a Party member their community, grid and branch', async () => {
    const { token } = await t.login('party_member');
    const me = (await t.http.get('/api/me').set('Authorization', token)).body;
    expect(me.community.name).toBe('幸福社区');
    expect(me.grid.name).toBe('幸福二网格');
    expect(me.branch.name).toBe('幸福社区第一党支部');
    expect(me.roles.map((r: { role: string }) => r.role).sort()).toEqual(['party_member', 'resident']);
  });

  it('tells a grid worker which grids she serves (网格员), and nobody else', async () => {
    const worker = (await t.http.get('/api/me').set('Authorization', (await t.login('grid_worker')).token)).body;
    expect(worker.gridsServed.map((g: { name: string }) => g.name).sort()).toEqual(['幸福一网格', '幸福二网格', '幸福三网格'].sort());
    const member = (await t.http.get('/api/me').set('Authorization', (await t.login('party_member')).token)).body;
    expect(member.gridsServed).toEqual([]);
  });

  it('shows an organiser only their own branch subtree', () => {
    expect(treeA.map((n) => n.name)).toEqual(expect.arrayContaining(['幸福社区第一党支部', '第一党小组', '第二党小组']));
    expect(treeA.map((n) => n.name)).not.toContain('和平社区党支部');
    expect(treeA.find((n) => n.kind === 'branch')!.parentId).toBeNull();
  });

  it('counts everyone in a node\'s subtree, so a branch counts the members of its groups', () => {
    const branch = treeA.find((n) => n.kind === 'branch')!;
    const groups = treeA.filter((n) => n.parentId === branch.id);
    expect(branch.memberCount).toBeGreaterThan(0);
    expect(branch.memberCount).toBe(groups.reduce((s, g) => s + g.memberCount, 0));
  });

  it("lets organiser A list branch A's members with masked phones", async () => {
    const branch = treeA.find((n) => n.kind === 'branch')!;
    const res = await t.http.get(`/api/org/nodes/${branch.id}/members?limit=100`).set('Authorization', orgA);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(5);
    for (const m of res.body.items) {
      if (m.phoneMasked) expect(m.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(m.branch?.name).toBe('幸福社区第一党支部');
    }
  });

  it("refuses organiser A every node of branch B as not found, and residents outright", async () => {
    for (const node of treeB) {
      const res = await t.http.get(`/api/org/nodes/${node.id}/members`).set('Authorization', orgA);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const { token } = await t.login('resident');
    expect((await t.http.get('/api/org/tree').set('Authorization', token)).status).toBe(403);
    expect((await t.http.get(`/api/org/nodes/${treeA[0].id}/members`).set('Authorization', token)).status).toBe(403);
  });

  it('pages member lists with an opaque cursor and finds no one by a guessed id', async () => {
    const branch = treeA.find((n) => n.kind === 'branch')!;
    const p1 = (await t.http.get(`/api/org/nodes/${branch.id}/members?limit=2`).set('Authorization', orgA)).body;
    expect(p1.items).toHaveLength(2);
    const p2 = (await t.http.get(`/api/org/nodes/${branch.id}/members?limit=2&cursor=${p1.nextCursor}`).set('Authorization', orgA)).body;
    expect(p2.items[0].id > p1.items[1].id).toBe(true);
    expect((await t.http.get('/api/org/nodes/1/members').set('Authorization', orgA)).status).toBe(404);
    expect((await t.http.get(`/api/org/nodes/${'0'.repeat(26)}/members`).set('Authorization', orgA)).status).toBe(404);
    const bad = await t.http.get(`/api/org/nodes/${branch.id}/members?limit=5000`).set('Authorization', orgA);
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('limit');
  });

  it('lets a street admin see both branches', async () => {
    const { token } = await t.login('admin');
    const tree: TreeNode[] = (await t.http.get('/api/org/tree').set('Authorization', token)).body;
    expect(tree.filter((n) => n.kind === 'branch').map((n) => n.name).sort()).toEqual(['和平社区党支部', '幸福社区第一党支部']);
    expect(tree.filter((n) => n.kind === 'grid')).toHaveLength(6);
  });

  it('recognises a resident as a Party member after the branch organiser approves, and only that organiser', async () => {
    const resident = await t.login('resident');
    const branches = (await t.http.get('/api/party-branches').set('Authorization', resident.token)).body;
    const branchA = branches.find((b: { name: string }) => b.name === '幸福社区第一党支部');
    const applied = await t.http.post('/api/party-applications').set('Authorization', resident.token).send({ branchId: branchA.id, note: '2015年入党，组织关系已转入' });
    expect(applied.status).toBe(201);
    expect(applied.body.status).toBe('pending');
    const twice = await t.http.post('/api/party-applications').set('Authorization', resident.token).send({ branchId: branchA.id });
    expect(twice.body.code).toBe('PARTY_APPLICATION_EXISTS');

    expect((await t.http.get('/api/org/party-applications').set('Authorization', orgB)).body).toEqual([]);
    const byB = await t.http.post(`/api/org/party-applications/${applied.body.id}/approve`).set('Authorization', orgB).send({});
    expect(byB.status).toBe(404);

    const pending = (await t.http.get('/api/org/party-applications').set('Authorization', orgA)).body;
    expect(pending.map((p: { id: string }) => p.id)).toContain(applied.body.id);
    const ok = await t.http.post(`/api/org/party-applications/${applied.body.id}/approve`).set('Authorization', orgA).send({});
    expect(ok.body.status).toBe('approved');
    const again = await t.http.post(`/api/org/party-applications/${applied.body.id}/reject`).set('Authorization', orgA).send({ reason: '重复' });
    expect(again.body.code).toBe('PARTY_APPLICATION_DECIDED');

    const me = (await t.http.get('/api/me').set('Authorization', resident.token)).body;
    expect(me.branch.name).toBe('幸福社区第一党支部');
    expect(me.roles.map((r: { role: string }) => r.role)).toContain('party_member');
    expect(me.partyApplication.status).toBe('approved');
  });

  it('lets a resident choose where they live from the residence tree', async () => {
    const code = t.wechat.issueLoginCode('openid-newcomer');
    const login = (await t.http.post('/api/auth/wechat-login').send({ code })).body;
    const auth = `Bearer ${login.accessToken}`;
    expect(login.user.community).toBeNull();
    const options = (await t.http.get('/api/org/residence-options').set('Authorization', auth)).body;
    const grid = options.find((n: TreeNode) => n.name === '和平二网格');
    const res = await t.http.patch('/api/me/residence').set('Authorization', auth).send({ nodeId: grid.id });
    expect(res.body.community.name).toBe('和平社区');
    expect(res.body.grid.name).toBe('和平二网格');
    const community = options.find((n: TreeNode) => n.kind === 'community');
    expect((await t.http.patch('/api/me/residence').set('Authorization', auth).send({ nodeId: community.id })).body.code).toBe('RESIDENCE_NODE_INVALID');
  });
});
