import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('study topics for branches on %s', (db) => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let member: { token: string; userId: string };

  beforeAll(async () => {
    t = await startTestApp(db);
    orgA = (await t.login('organiser_a')).token;
    orgB = (await t.login('organiser_b')).token;
    member = await t.login('party_member');
  });
  afterAll(() => t.close());

  it('shows the seeded topic to members of branch A with their progress', async () => {
    const topics = (await t.http.get('/api/study/topics').set('Authorization', member.token)).body;
    expect(topics).toHaveLength(1);
    expect(topics[0]).toMatchObject({ title: '学习《中国共产党支部工作条例》专题', completed: false, branch: { name: '幸福社区第一党支部' } });
    expect(topics[0].contents).toHaveLength(3);
    const outsider = (await t.http.get('/api/study/topics').set('Authorization', orgB)).body;
    expect(outsider).toEqual([]);
  });

  it('lets organiser A assign a topic to branch A only, with a future deadline', async () => {
    const tree = (await t.http.get('/api/org/tree').set('Authorization', orgA)).body;
    const branchA = tree.find((n: { kind: string }) => n.kind === 'branch').id;
    const contents = (await t.http.get('/api/study/contents').set('Authorization', orgA)).body;
    const body = { title: '基层治理专题学习', branchId: branchA, deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(), contentIds: [contents[0].id] };
    const created = await t.http.post('/api/org/study/topics').set('Authorization', orgA).send(body);
    expect(created.status).toBe(201);
    expect((await t.http.post('/api/org/study/topics').set('Authorization', orgB).send(body)).status).toBe(404);
    const past = await t.http.post('/api/org/study/topics').set('Authorization', orgA).send({ ...body, deadline: '2020-01-01T00:00:00Z' });
    expect([past.status, past.body.fields?.[0].field]).toEqual([400, 'deadline']);
    expect((await t.http.get('/api/study/topics').set('Authorization', member.token)).body).toHaveLength(2);
  });

  it('reports completion per member, who has not finished, and exports it to Excel; other branches see 404', async () => {
    const [topic] = (await t.http.get('/api/org/study/topics').set('Authorization', orgA)).body.filter((x: { title: string }) => x.title.includes('条例'));
    const report = await t.http.get(`/api/org/study/topics/${topic.id}/report`).set('Authorization', orgA);
    expect(report.status).toBe(200);
    expect(report.body.members.length).toBeGreaterThanOrEqual(5);
    expect(report.body.notFinished.map((m: { userId: string }) => m.userId)).toContain(member.userId);
    expect(report.body.members[0]).toMatchObject({ totalContents: 3, finished: false });
    expect((await t.http.get(`/api/org/study/topics/${topic.id}/report`).set('Authorization', orgB)).status).toBe(404);
    expect((await t.http.get(`/api/org/study/topics/${topic.id}/report`).set('Authorization', member.token)).status).toBe(403);

    const xlsx = await t.http.get(`/api/org/study/topics/${topic.id}/report.xlsx`).set('Authorization', orgA).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});
