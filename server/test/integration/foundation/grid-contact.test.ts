import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('联系网格员 on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db);
  });
  afterAll(() => t.close());

  it("gives a resident their grid worker's name and work phone", async () => {
    const elder = await t.login('elder');
    const res = await t.http.get('/api/me/grid-contact').set('Authorization', elder.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ grid: { name: '幸福一网格', kind: 'grid' }, name: '周敏', phone: '13800000007' });
  });

  it('says what to do when no grid worker is named or the resident has not said where they live', async () => {
    const other = await t.login('organiser_b'); // 和平社区: no grid worker named in the demo
    const none = await t.http.get('/api/me/grid-contact').set('Authorization', other.token);
    expect([none.status, none.body.code]).toEqual([404, 'GRID_CONTACT_UNKNOWN']);
    const fresh = (await t.http.post('/api/auth/wechat-login').send({ code: t.wechat.issueLoginCode('openid-no-home') })).body.accessToken;
    const homeless = await t.http.get('/api/me/grid-contact').set('Authorization', `Bearer ${fresh}`);
    expect([homeless.status, homeless.body.code]).toEqual([409, 'RESIDENCE_REQUIRED']);
  });
});
