import { PRIVACY_POLICY_VERSION } from '@honglin/shared';
import { DEMO_SECRETS } from '../../../src/config/config.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

describe('logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  let restore: () => void;

  beforeAll(async () => {
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(String(chunk));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    restore = () => {
      process.stdout.write = write;
    };
    t = await startTestApp('sqlite', { LOG_LEVEL: 'debug', JWT_SECRET: DEMO_SECRETS.jwtSecret });
  });
  afterAll(async () => {
    restore();
    await t.close();
  });

  it('never contain secrets, tokens, WeChat codes or phone numbers, even at debug level', async () => {
    const code = t.wechat.issueLoginCode('openid-log-test');
    const login = (await t.http.post('/api/auth/wechat-login').send({ code })).body;
    const auth = `Bearer ${login.accessToken}`;
    await t.http.post('/api/me/privacy').set('Authorization', auth).send({ version: PRIVACY_POLICY_VERSION });
    const phoneCode = t.wechat.issuePhoneCode('13912348888');
    await t.http.post('/api/me/phone').set('Authorization', auth).send({ code: phoneCode }).expect(200);
    const refreshed = (await t.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken })).body;
    await t.http.post('/api/auth/wechat-login').send({ code: 'bad-code' });

    const log = lines.join('');
    expect(log).toContain('"msg":"request"'); // the capture works: request lines were written
    for (const secret of [
      DEMO_SECRETS.jwtSecret,
      DEMO_SECRETS.dataKey,
      DEMO_SECRETS.hashKey,
      'test-secret', // WECHAT_SECRET of the test app
      login.accessToken,
      login.refreshToken,
      refreshed.accessToken,
      refreshed.refreshToken,
      code,
      phoneCode,
      '13912348888',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
