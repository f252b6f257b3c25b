import { jest } from '@jest/globals';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { startFakeWechatServer } from '../../../src/fakes/wechat-api/fake-wechat-server.js';
import { APPID, errorCodeOf, makeClient, openDatabase, SECRET, startHarness, unreachableUrl, type Harness } from './wechat-harness.js';

describe('WechatClient.code2Session against the fake WeChat API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('maps a login code to the openid, without unionid when the app has no Open Platform binding', async () => {
    const code = h.fake.issueLoginCode('o-resident-1');
    await expect(h.client.code2Session(code)).resolves.toEqual({ openid: 'o-resident-1', unionid: null });
  });

  it('returns the unionid when WeChat sends one', async () => {
    const code = h.fake.issueLoginCode('o-resident-2', { unionid: 'u-resident-2' });
    await expect(h.client.code2Session(code)).resolves.toEqual({ openid: 'o-resident-2', unionid: 'u-resident-2' });
  });

  it('never hands out session_key: the result holds exactly openid and unionid', async () => {
    // Watch the wire to learn the session_key WeChat actually sent.
    const realFetch = globalThis.fetch;
    const seen: string[] = [];
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
      const res = await realFetch(...args);
      const body = (await res.clone().json()) as { session_key?: string };
      if (body.session_key) seen.push(body.session_key);
      return res;
    });
    try {
      const result = await h.client.code2Session(h.fake.issueLoginCode('o-resident-3', { unionid: 'u-3' }));
      expect(seen).toHaveLength(1);
      expect(Object.keys(result).sort()).toEqual(['openid', 'unionid']);
      expect(JSON.stringify(result)).not.toContain(seen[0]);
      expect(JSON.stringify(result)).not.toMatch(/session/i);
    } finally {
      spy.mockRestore();
    }
  });

  it('a code used twice fails with WECHAT_CODE_USED', async () => {
    const code = h.fake.issueLoginCode('o-resident-4');
    await h.client.code2Session(code);
    expect(await errorCodeOf(h.client.code2Session(code))).toBe('WECHAT_CODE_USED');
  });

  it('an unknown or empty code fails with WECHAT_CODE_INVALID', async () => {
    expect(await errorCodeOf(h.client.code2Session('not-a-code'))).toBe('WECHAT_CODE_INVALID');
    expect(await errorCodeOf(h.client.code2Session(''))).toBe('WECHAT_CODE_INVALID');
  });

  it('a user WeChat judges high-risk fails with WECHAT_USER_BLOCKED', async () => {
    h.fake.blockOpenid('o-risky');
    expect(await errorCodeOf(h.client.code2Session(h.fake.issueLoginCode('o-risky')))).toBe('WECHAT_USER_BLOCKED');
  });

  it('the 101st login of one user within a minute fails with WECHAT_TOO_FREQUENT', async () => {
    const codes = Array.from({ length: 101 }, () => h.fake.issueLoginCode('o-busy'));
    for (const code of codes.slice(0, 100)) await h.client.code2Session(code);
    expect(await errorCodeOf(h.client.code2Session(codes[100]))).toBe('WECHAT_TOO_FREQUENT');
    // Another user is not affected.
    await expect(h.client.code2Session(h.fake.issueLoginCode('o-calm'))).resolves.toMatchObject({ openid: 'o-calm' });
  });

  it('a wrong app secret is not the resident\'s fault: WECHAT_UNAVAILABLE', async () => {
    const misconfigured = makeClient(h.ds, h.fake.url, 'wrong-secret');
    expect(await errorCodeOf(misconfigured.code2Session(h.fake.issueLoginCode('o-5')))).toBe('WECHAT_UNAVAILABLE');
  });
});

describe('code lifetime', () => {
  it('a code older than 5 minutes is invalid', async () => {
    let now = Date.now();
    const fake = await startFakeWechatServer({ appid: APPID, secret: SECRET, now: () => now });
    const ds = await openDatabase();
    try {
      const client = makeClient(ds, fake.url);
      const code = fake.issueLoginCode('o-slow');
      now += 5 * 60_000 + 1;
      expect(await errorCodeOf(client.code2Session(code))).toBe('WECHAT_CODE_INVALID');
    } finally {
      await ds.destroy();
      await fake.close();
    }
  });
});

describe('WeChat unreachable', () => {
  it('a refused connection fails with WECHAT_UNAVAILABLE', async () => {
    const url = await unreachableUrl();
    const ds = await openDatabase();
    try {
      expect(await errorCodeOf(makeClient(ds, url).code2Session('any'))).toBe('WECHAT_UNAVAILABLE');
    } finally {
      await ds.destroy();
    }
  });

  it('a server that never answers fails with WECHAT_UNAVAILABLE after the 5 s timeout', async () => {
    // Accepts the connection and then says nothing, like a black-holed upstream.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const ds = await openDatabase();
    try {
      const started = Date.now();
      expect(await errorCodeOf(makeClient(ds, `http://127.0.0.1:${port}`).code2Session('any'))).toBe('WECHAT_UNAVAILABLE');
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      await ds.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
