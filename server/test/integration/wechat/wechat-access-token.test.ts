import { join } from 'node:path';
import { WechatAccessToken } from '../../../src/wechat/wechat-access-token.entity.js';
import { errorCodeOf, makeClient, openDatabase, startHarness, tempDir, type Harness } from './wechat-harness.js';

describe('WechatClient.getAccessToken', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('20 concurrent callers share one fetch, and later calls reuse the cached token', async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, () => h.client.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(h.fake.tokenFetchCount()).toBe(1);
    await h.client.getAccessToken();
    expect(h.fake.tokenFetchCount()).toBe(1);
  });

  it('stores the token in the shared table with its expiry and no lease left behind', async () => {
    const token = await h.client.getAccessToken();
    const row = await h.ds.getRepository(WechatAccessToken).findOneByOrFail({ appid: 'wxtest0000000001' });
    expect(row.token).toBe(token);
    expect(row.refreshingUntil).toBeNull();
    const leftMs = row.expiresAt.getTime() - Date.now();
    expect(leftMs).toBeGreaterThan(7100_000);
    expect(leftMs).toBeLessThanOrEqual(7200_000);
  });

  it('a fresh client (a restarted process) reads the stored token instead of fetching', async () => {
    const token = await h.client.getAccessToken();
    const restarted = makeClient(h.ds, h.fake.url);
    await expect(restarted.getAccessToken()).resolves.toBe(token);
    expect(h.fake.tokenFetchCount()).toBe(1);
  });

  it('refreshes a stored token with less than 5 minutes left', async () => {
    await h.client.getAccessToken();
    await h.ds.getRepository(WechatAccessToken).update({ appid: 'wxtest0000000001' }, { expiresAt: new Date(Date.now() + 4 * 60_000) });
    await makeClient(h.ds, h.fake.url).getAccessToken();
    expect(h.fake.tokenFetchCount()).toBe(2);
  });

  it('waits for another instance\'s refresh (a live lease) and then uses its token', async () => {
    const repo = h.ds.getRepository(WechatAccessToken);
    await repo.insert({ appid: 'wxtest0000000001', token: '', expiresAt: new Date(0), refreshingUntil: new Date(Date.now() + 10_000) });
    const waiting = h.client.getAccessToken();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await repo.update({ appid: 'wxtest0000000001' }, { token: 'token-from-elsewhere', expiresAt: new Date(Date.now() + 7200_000), refreshingUntil: null });
    await expect(waiting).resolves.toBe('token-from-elsewhere');
    expect(h.fake.tokenFetchCount()).toBe(0);
  });

  it('takes over when another instance\'s lease has run out', async () => {
    const repo = h.ds.getRepository(WechatAccessToken);
    await repo.insert({ appid: 'wxtest0000000001', token: 'old', expiresAt: new Date(0), refreshingUntil: new Date(Date.now() - 1_000) });
    const token = await h.client.getAccessToken();
    expect(token).not.toBe('old');
    expect(h.fake.tokenFetchCount()).toBe(1);
  });

  it('a rejected app secret gives WECHAT_UNAVAILABLE and releases the lease for the next try', async () => {
    const misconfigured = makeClient(h.ds, h.fake.url, 'wrong-secret');
    expect(await errorCodeOf(misconfigured.getAccessToken())).toBe('WECHAT_UNAVAILABLE');
    const row = await h.ds.getRepository(WechatAccessToken).findOneByOrFail({ appid: 'wxtest0000000001' });
    expect(row.refreshingUntil).toBeNull();
    await expect(h.client.getAccessToken()).resolves.toMatch(/^86_/);
  });
});

describe('an expired access token (40001)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('is refreshed once and the call retried, even for 20 concurrent calls', async () => {
    const phones = Array.from({ length: 20 }, (_, i) => `1380013${String(i).padStart(4, '0')}`);
    const old = await h.client.getAccessToken();
    h.fake.expireAllAccessTokens();
    const codes = phones.map((p) => h.fake.issuePhoneCode(p));
    const results = await Promise.all(codes.map((c) => h.client.getPhoneNumber(c)));
    expect(results.map((r) => r.purePhoneNumber)).toEqual(phones);
    expect(h.fake.tokenFetchCount()).toBe(2);
    await expect(h.client.getAccessToken()).resolves.not.toBe(old);
  });

  it('a second instance holding the old token refreshes from the table, not from WeChat', async () => {
    const other = makeClient(h.ds, h.fake.url);
    await h.client.getAccessToken();
    await other.getAccessToken(); // both remember the same token now
    h.fake.expireAllAccessTokens();
    await h.client.getPhoneNumber(h.fake.issuePhoneCode('13800000001'));
    expect(h.fake.tokenFetchCount()).toBe(2);
    // `other` still has the old token in memory: WeChat rejects it, the table already has the new one.
    await other.getPhoneNumber(h.fake.issuePhoneCode('13800000002'));
    expect(h.fake.tokenFetchCount()).toBe(2);
  });
});

describe('two server instances sharing one database', () => {
  it('fetch the token once between them, and refresh it once after WeChat rejects it', async () => {
    const dir = tempDir();
    const h = await startHarness();
    const file = join(dir.path, 'shared.sqlite');
    // Separate DataSources = separate connections, like two processes.
    const first = await openDatabase(file);
    const second = await openDatabase(file);
    try {
      const a = makeClient(first, h.fake.url);
      const b = makeClient(second, h.fake.url);
      const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).getAccessToken()));
      expect(new Set(tokens).size).toBe(1);
      expect(h.fake.tokenFetchCount()).toBe(1);

      // Both now see a stale row at once and race the conditional UPDATE for the lease.
      h.fake.expireAllAccessTokens();
      const [pa, pb] = [h.fake.issuePhoneCode('13800000011'), h.fake.issuePhoneCode('13800000012')];
      await Promise.all([a.getPhoneNumber(pa), b.getPhoneNumber(pb)]);
      expect(h.fake.tokenFetchCount()).toBe(2);
    } finally {
      await Promise.all([first.destroy(), second.destroy()]);
      await h.close();
      dir.remove();
    }
  });
});
