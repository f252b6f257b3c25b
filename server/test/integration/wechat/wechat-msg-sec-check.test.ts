import { makeClient, startHarness, unreachableUrl, type Harness } from './wechat-harness.js';

describe('WechatClient.msgSecCheck', () => {
  let h: Harness;
  const openid = 'o-writer';

  beforeAll(async () => {
    h = await startHarness();
    await h.client.code2Session(h.fake.issueLoginCode(openid));
  });
  afterAll(() => h.close());

  it('ordinary text passes', async () => {
    await expect(h.client.msgSecCheck({ openid, scene: 2, content: '周六上午社区义诊，欢迎大家参加' })).resolves.toEqual({
      suggest: 'pass',
      label: 100,
    });
  });

  it('text with a risky word is risky, with WeChat\'s label', async () => {
    await expect(h.client.msgSecCheck({ openid, scene: 3, content: '加我微信一起赌博赚钱' })).resolves.toEqual({
      suggest: 'risky',
      label: 20006,
    });
  });

  it('the risky list is configurable', async () => {
    h.fake.setRiskyWords(['传销']);
    try {
      await expect(h.client.msgSecCheck({ openid, scene: 2, content: '传销骗局' })).resolves.toMatchObject({ suggest: 'risky' });
      await expect(h.client.msgSecCheck({ openid, scene: 2, content: '赌博' })).resolves.toMatchObject({ suggest: 'pass' });
    } finally {
      h.fake.setRiskyWords(['赌博', '诈骗']);
    }
  });

  it('text WeChat cannot judge for this user (40003) goes to review', async () => {
    await expect(h.client.msgSecCheck({ openid: 'o-never-seen', scene: 1, content: '你好' })).resolves.toEqual({
      suggest: 'review',
      label: 0,
    });
  });

  it('text goes to review when WeChat is unreachable', async () => {
    const offline = makeClient(h.ds, await unreachableUrl());
    await expect(offline.msgSecCheck({ openid, scene: 2, content: '你好' })).resolves.toEqual({ suggest: 'review', label: 0 });
  });
});
