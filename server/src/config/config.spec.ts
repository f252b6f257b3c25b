import { DEMO_SECRETS, loadConfig } from './config.js';

const productionEnv = {
  NODE_ENV: 'production',
  DEMO_MODE: 'false',
  JWT_SECRET: 'x'.repeat(40),
  DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  HASH_KEY: 'y'.repeat(20),
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'real-secret',
  WECHAT_API_BASE: 'https://api.weixin.qq.com',
  DATABASE_URL: 'mysql://honglin:pw@db.internal:3306/honglin',
  // WeChat Pay (issue #7)
  WECHATPAY_MCHID: '1230000109',
  WECHATPAY_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WECHATPAY_PRIVATE_KEY: '/etc/honglin/apiclient_key.pem',
  WECHATPAY_CERT: '/etc/honglin/apiclient_cert.pem',
  WECHATPAY_APIV3_KEY: 'k'.repeat(32),
  WECHATPAY_PUBLIC_KEY: '/etc/honglin/pub_key.pem',
  WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0112345678',
  WECHATPAY_API_BASE: 'https://api.mch.weixin.qq.com',
  PAY_NOTIFY_URL: 'https://honglin.example.cn/api/payments/notify',
};

describe('configuration', () => {
  it('defaults to the embedded SQLite demo when nothing is set', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ type: 'better-sqlite3', path: './data/honglin.sqlite' });
    expect(c.demoMode).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.PORT).toBe(3000);
  });

  it('chooses MariaDB from a mysql:// or mariadb:// DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/test' }).database.type).toBe('mariadb');
    expect(loadConfig({ DATABASE_URL: 'mariadb://root@127.0.0.1:3306/test' }).database.type).toBe('mariadb');
  });

  it('names the malformed variable in one line', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/^Configuration error: DATABASE_URL /);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Configuration error: PORT /);
    expect(() => loadConfig({ DATA_KEY: 'c2hvcnQ=' })).toThrow(/DATA_KEY must be 32 bytes/);
  });

  it('accepts a complete production configuration', () => {
    const c = loadConfig(productionEnv);
    expect(c.demoMode).toBe(false);
    expect(c.seedDemo).toBe(false);
  });

  it.each([
    ['demo login', { DEMO_MODE: 'true' }, /DEMO_MODE/],
    ['the demo JWT secret', { JWT_SECRET: DEMO_SECRETS.jwtSecret }, /JWT_SECRET/],
    ['the demo data key', { DATA_KEY: DEMO_SECRETS.dataKey }, /DATA_KEY/],
    ['the demo hash key', { HASH_KEY: DEMO_SECRETS.hashKey }, /HASH_KEY/],
    ['the demo WeChat secret', { WECHAT_SECRET: DEMO_SECRETS.wechatSecret }, /WECHAT_SECRET/],
    ['a fake WeChat API on loopback', { WECHAT_API_BASE: 'http://127.0.0.1:3901' }, /WECHAT_API_BASE/],
  ])('refuses to start in production with %s', (_, override, pattern) => {
    expect(() => loadConfig({ ...productionEnv, ...override })).toThrow(pattern);
  });

  it('refuses production when WECHAT_API_BASE is unset (the demo would start the fake)', () => {
    const { WECHAT_API_BASE: _, ...rest } = productionEnv;
    expect(() => loadConfig(rest)).toThrow(/WECHAT_API_BASE/);
  });

  it.each([
    ['the demo merchant id', { WECHATPAY_MCHID: DEMO_SECRETS.wechatpayMchid }, /WECHATPAY_MCHID/],
    ['a fake WeChat Pay on loopback', { WECHATPAY_API_BASE: 'http://127.0.0.1:3902' }, /WECHATPAY_API_BASE on loopback/],
    ['a plain-HTTP notify URL', { PAY_NOTIFY_URL: 'http://honglin.example.cn/api/payments/notify' }, /PAY_NOTIFY_URL/],
    ['a loopback notify URL', { PAY_NOTIFY_URL: 'https://localhost/api/payments/notify' }, /PAY_NOTIFY_URL/],
    ['an APIv3 key that is not 32 bytes', { WECHATPAY_APIV3_KEY: 'short' }, /WECHATPAY_APIV3_KEY/],
  ])('refuses WeChat Pay in production with %s', (_, override, pattern) => {
    expect(() => loadConfig({ ...productionEnv, ...override })).toThrow(pattern);
  });

  it.each(['WECHATPAY_MCHID', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_API_BASE', 'PAY_NOTIFY_URL'])(
    'refuses production without %s (the demo would generate pay keys)',
    (key) => {
      const env: Record<string, string> = { ...productionEnv };
      delete env[key];
      expect(() => loadConfig(env)).toThrow(new RegExp(key));
    },
  );

  it('refuses production without any platform certificate or WeChat Pay public key', () => {
    const { WECHATPAY_PUBLIC_KEY: _a, WECHATPAY_PUBLIC_KEY_ID: _b, ...rest } = productionEnv;
    expect(() => loadConfig(rest)).toThrow(/WECHATPAY_PLATFORM_CERTS or WECHATPAY_PUBLIC_KEY/);
  });
});
