import { makeClient, startHarness, unreachableUrl, TEMPLATE, type Harness } from './wechat-harness.js';

describe('WechatClient.sendSubscribeMessage', () => {
  let h: Harness;
  const openid = 'o-subscriber';
  const message = { openid, templateId: TEMPLATE, page: 'packages/activities/pages/detail/index?id=7', data: { thing1: '垃圾分类宣传', time2: '2026-12-01 09:00' } };

  beforeAll(async () => {
    h = await startHarness();
    await h.client.code2Session(h.fake.issueLoginCode(openid)); // the user has opened the app
  });
  afterAll(() => h.close());
  afterEach(() => h.fake.failNextSends(0, 0));

  it('delivers the message with the template fields wrapped as WeChat expects', async () => {
    const before = h.fake.sentMessages().length;
    await expect(h.client.sendSubscribeMessage(message)).resolves.toEqual({ ok: true });
    const sent = h.fake.sentMessages().slice(before);
    expect(sent).toEqual([
      expect.objectContaining({
        openid,
        templateId: TEMPLATE,
        page: message.page,
        data: { thing1: { value: '垃圾分类宣传' }, time2: { value: '2026-12-01 09:00' } },
      }),
    ]);
  });

  it('a user without a granted send (43101) is a final failure, not retried', async () => {
    h.fake.failNextSends(1, 43101);
    await expect(h.client.sendSubscribeMessage(message)).resolves.toEqual({ ok: false, errcode: 43101, retryable: false });
  });

  it('an unknown template (40037) is a final failure', async () => {
    await expect(h.client.sendSubscribeMessage({ ...message, templateId: 'no-such-template' })).resolves.toEqual({
      ok: false,
      errcode: 40037,
      retryable: false,
    });
  });

  it('an openid that never used the app (40003) is a final failure', async () => {
    await expect(h.client.sendSubscribeMessage({ ...message, openid: 'o-stranger' })).resolves.toEqual({
      ok: false,
      errcode: 40003,
      retryable: false,
    });
  });

  it('system busy (-1) is worth retrying, and the next attempt goes through', async () => {
    h.fake.failNextSends(1, -1);
    await expect(h.client.sendSubscribeMessage(message)).resolves.toEqual({ ok: false, errcode: -1, retryable: true });
    await expect(h.client.sendSubscribeMessage(message)).resolves.toEqual({ ok: true });
  });

  it('an unreachable WeChat is worth retrying and does not throw', async () => {
    const offline = makeClient(h.ds, await unreachableUrl());
    // The token is in the shared table already, so this reaches the send itself and fails there.
    await expect(offline.sendSubscribeMessage(message)).resolves.toEqual({ ok: false, errcode: -1, retryable: true });
  });

  it('an expired access token is refreshed and the message still delivered once', async () => {
    const before = h.fake.sentMessages().length;
    h.fake.expireAllAccessTokens();
    await expect(h.client.sendSubscribeMessage(message)).resolves.toEqual({ ok: true });
    expect(h.fake.sentMessages().length - before).toBe(1);
  });
});
