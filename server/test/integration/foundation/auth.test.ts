import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('login and tokens on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db);
  });
  afterAll(() => t.close());

  it('logs a WeChat user in by code, creating them once and finding them again', async () => {
    const first = await t.http.post('/api/auth/wechat-login').send({ code: t.wechat.issueLoginCode('openid-new-user') });
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toBeTruthy();
    expect(first.body.refreshToken).toBeTruthy();
    expect(first.body.user.name).toBe('微信用户');
    expect(JSON.stringify(first.body)).not.toMatch(/session_key|sessionKey/);
    const again = await t.http.post('/api/auth/wechat-login').send({ code: t.wechat.issueLoginCode('openid-new-user') });
    expect(again.body.user.id).toBe(first.body.user.id);
  });

  it('refuses a login code used twice with WECHAT_CODE_USED and an unknown one with WECHAT_CODE_INVALID', async () => {
    const code = t.wechat.issueLoginCode('openid-twice');
    expect((await t.http.post('/api/auth/wechat-login').send({ code })).status).toBe(200);
    const reused = await t.http.post('/api/auth/wechat-login').send({ code });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('WECHAT_CODE_USED');
    expect(reused.body.message).toMatch(/[\u4e00-\u9fa5]/);
    const invalid = await t.http.post('/api/auth/wechat-login').send({ code: 'not-a-real-code' });
    expect(invalid.body.code).toBe('WECHAT_CODE_INVALID');
  });

  it('tells a user WeChat blocked as high-risk why they cannot log in', async () => {
    t.wechat.blockOpenid('openid-risky');
    const res = await t.http.post('/api/auth/wechat-login').send({ code: t.wechat.issueLoginCode('openid-risky') });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('WECHAT_USER_BLOCKED');
  });

  it('rotates refresh tokens and revokes the whole login when a rotated token is reused', async () => {
    const { refreshToken } = await t.login('resident');
    const r1 = await t.http.post('/api/auth/refresh').send({ refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(refreshToken);
    // The old token again: theft is assumed, and the new one dies too.
    const replay = await t.http.post('/api/auth/refresh').send({ refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_INVALID');
    const r2 = await t.http.post('/api/auth/refresh').send({ refreshToken: r1.body.refreshToken });
    expect(r2.status).toBe(401);
  });

  it('revokes the refresh token on logout', async () => {
    const { refreshToken } = await t.login('resident');
    expect((await t.http.post('/api/auth/logout').send({ refreshToken })).status).toBe(204);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken })).status).toBe(401);
  });

  it('requires a valid access token and says when it has merely expired', async () => {
    expect((await t.http.get('/api/me')).body.code).toBe('UNAUTHENTICATED');
    expect((await t.http.get('/api/me').set('Authorization', 'Bearer abc.def.ghi')).body.code).toBe('UNAUTHENTICATED');
    const { token } = await t.login('resident');
    const [h, p] = token.slice(7).split('.');
    const forged = `Bearer ${h}.${Buffer.from(JSON.stringify({ sub: 'x'.repeat(26), iat: 1, exp: 9999999999, typ: 'access' })).toString('base64url')}.${token.split('.')[2]}`;
    expect((await t.http.get('/api/me').set('Authorization', forged)).status).toBe(401);
    expect(p).toBeTruthy();
  });

  it('binds a phone number through the WeChat phone code, stores it encrypted and returns it only to its owner', async () => {
    const { token, userId } = await t.login('resident');
    const noConsent = await t.http.post('/api/me/phone').set('Authorization', token).send({ code: t.wechat.issuePhoneCode('13912345678') });
    expect(noConsent.body.code).toBe('PRIVACY_NOT_ACCEPTED');
    const me = await t.http.get('/api/me').set('Authorization', token);
    await t.http.post('/api/me/privacy').set('Authorization', token).send({ version: 'old' }).expect(409);
    const { PRIVACY_POLICY_VERSION } = await import('@honglin/shared');
    await t.http.post('/api/me/privacy').set('Authorization', token).send({ version: PRIVACY_POLICY_VERSION }).expect(200);
    const bound = await t.http.post('/api/me/phone').set('Authorization', token).send({ code: t.wechat.issuePhoneCode('13912345678') });
    expect(bound.status).toBe(200);
    expect(bound.body.phone).toBe('13912345678');
    expect(me.body.id).toBe(userId);
    const rows = await t.dataSource.query('SELECT phoneCipher, phoneHash FROM users WHERE id = ?', [userId]);
    expect(rows[0].phoneCipher).not.toContain('13912345678');
    expect(rows[0].phoneHash).toHaveLength(64);
    t.wechat.setPhoneQuotaExhausted(true);
    const quota = await t.http.post('/api/me/phone').set('Authorization', token).send({ code: t.wechat.issuePhoneCode('13912345679') });
    expect(quota.body.code).toBe('WECHAT_PHONE_QUOTA');
    t.wechat.setPhoneQuotaExhausted(false);
  });

  it('lets every persona offered on the demo picker log in', async () => {
    const personas: { key: string }[] = (await t.http.get('/api/auth/demo-personas')).body;
    expect(personas.map((p) => p.key)).toEqual(expect.arrayContaining(['resident', 'party_member', 'elder', 'organiser_a', 'organiser_b', 'grid_worker', 'admin']));
    for (const p of personas) expect((await t.login(p.key)).userId).toHaveLength(26);
  });

  it('stops a disabled account at once and drops a revoked role on the next request', async () => {
    const { token, userId } = await t.login('grid_worker');
    expect((await t.http.get('/api/org/tree').set('Authorization', token)).status).toBe(200);
    const roles = await t.dataSource.query('SELECT id, role, nodeId FROM role_assignments WHERE userId = ?', [userId]);
    await t.dataSource.query('DELETE FROM role_assignments WHERE userId = ?', [userId]);
    expect((await t.http.get('/api/org/tree').set('Authorization', token)).status).toBe(403);
    await t.dataSource.query('UPDATE users SET disabled = ? WHERE id = ?', [true, userId]);
    const blocked = await t.http.get('/api/me').set('Authorization', token);
    expect([blocked.status, blocked.body.code]).toEqual([403, 'ACCOUNT_DISABLED']);
    await t.dataSource.query('UPDATE users SET disabled = ? WHERE id = ?', [false, userId]);
    for (const r of roles) await t.dataSource.query('INSERT INTO role_assignments (id, userId, role, nodeId) VALUES (?, ?, ?, ?)', [r.id, userId, r.role, r.nodeId]);
    expect((await t.http.get('/api/org/tree').set('Authorization', token)).status).toBe(200);
  });

  it('remembers the large-font preference on the server', async () => {
    const { token } = await t.login('elder');
    const res = await t.http.patch('/api/me/preferences').set('Authorization', token).send({ elderMode: true });
    expect(res.status).toBe(200);
    expect(res.body.elderMode).toBe(true);
    expect((await t.http.get('/api/me').set('Authorization', token)).body.elderMode).toBe(true);
  });
});

describe('demo login in a non-demo configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { DEMO_MODE: 'false', SEED_DEMO: 'true' });
  });
  afterAll(() => t.close());

  it('is refused even when demo people exist in the database', async () => {
    const res = await t.http.post('/api/auth/demo-login').send({ persona: 'admin' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('DEMO_LOGIN_DISABLED');
    expect((await t.http.get('/api/auth/demo-personas')).status).toBe(403);
  });
});
