import { startFakeWechatServer, type FakeWechat } from '../../../src/fakes/wechat-api/fake-wechat-server.js';
import { APPID, SECRET, TEMPLATE } from './wechat-harness.js';

// Replies are checked field by field, so a loose type keeps the assertions readable.
type Json = Record<string, any>;

/** Speaks to the fake over plain HTTP, as any WeChat SDK would. */
describe('fake WeChat API: protocol', () => {
  let fake: FakeWechat;
  let now = Date.now();
  const get = async (path: string): Promise<Json> => (await fetch(fake.url + path)).json() as Promise<Json>;
  const post = async (path: string, body: unknown): Promise<Json> =>
    (await fetch(fake.url + path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) })).json() as Promise<Json>;
  const stable = (extra: Json = {}) =>
    post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APPID, secret: SECRET, ...extra });

  beforeAll(async () => {
    fake = await startFakeWechatServer({ appid: APPID, secret: SECRET, templateIds: [TEMPLATE], now: () => now });
  });
  afterAll(() => fake.close());

  it('listens on loopback only', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers jscode2session like WeChat: openid + session_key, errors as errcode/errmsg with a rid', async () => {
    const code = fake.issueLoginCode('o-1');
    const ok = await get(`/sns/jscode2session?appid=${APPID}&secret=${SECRET}&js_code=${code}&grant_type=authorization_code`);
    expect(Object.keys(ok).sort()).toEqual(['openid', 'session_key']);
    const bad = await get(`/sns/jscode2session?appid=${APPID}&secret=${SECRET}&js_code=nope&grant_type=authorization_code`);
    expect(bad.errcode).toBe(40029);
    expect(bad.errmsg).toMatch(/^invalid code hint: \[[\w-]+\] rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });

  it('validates appid and secret on every call', async () => {
    const q = (appid: string, secret: string) => `/sns/jscode2session?appid=${appid}&secret=${secret}&js_code=x&grant_type=authorization_code`;
    expect((await get(q('wxother', SECRET))).errcode).toBe(40013);
    expect((await get(q(APPID, 'wrong'))).errcode).toBe(40125);
    expect((await get(`/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=wrong`)).errcode).toBe(40125);
    expect((await stable({ appid: 'wxother' })).errcode).toBe(40013);
  });

  it('validates the access_token on every call: missing 41001, unknown 40001, expired 42001', async () => {
    expect((await post('/wxa/msg_sec_check', { content: 'x' })).errcode).toBe(41001);
    expect((await post('/wxa/msg_sec_check?access_token=forged', { content: 'x' })).errcode).toBe(40001);
    const { access_token } = await get(`/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`);
    expect((await post(`/wxa/msg_sec_check?access_token=${access_token}`, { content: 'x' })).errcode).toBe(0);
    now += 7200_000;
    try {
      expect((await post(`/wxa/msg_sec_check?access_token=${access_token}`, { content: 'x' })).errcode).toBe(42001);
    } finally {
      now -= 7200_000;
    }
  });

  it('stable_token returns the same token until force_refresh, which revokes the old one', async () => {
    const first = await stable();
    expect(first.expires_in).toBeGreaterThan(7000);
    expect((await stable()).access_token).toBe(first.access_token);
    const forced = await stable({ force_refresh: true });
    expect(forced.access_token).not.toBe(first.access_token);
    expect((await post(`/wxa/msg_sec_check?access_token=${first.access_token}`, { content: 'x' })).errcode).toBe(40001);
  });

  it('expireAllAccessTokens makes old tokens answer 40001 "invalid credential"', async () => {
    const { access_token } = await stable();
    fake.expireAllAccessTokens();
    const reply = await post(`/wxa/msg_sec_check?access_token=${access_token}`, { content: 'x' });
    expect(reply).toMatchObject({ errcode: 40001, errmsg: expect.stringMatching(/^invalid credential/) });
    expect((await stable()).access_token).not.toBe(access_token);
  });

  it('answers wrong methods, unknown paths and bad bodies with WeChat errcodes on HTTP 200', async () => {
    const res = await fetch(`${fake.url}/cgi-bin/stable_token`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).errcode).toBe(43002);
    expect((await get('/cgi-bin/nothing-here')).errcode).toBe(40066);
    expect((await post('/cgi-bin/stable_token', '{not json')).errcode).toBe(47001);
    expect((await post('/cgi-bin/stable_token', '')).errcode).toBe(44002);
  });

  it('msg_sec_check v2 has the real shape: result, detail, trace_id; v1 says 87014 for risky text', async () => {
    fake.registerOpenid('o-2');
    const { access_token } = await stable();
    const v2 = await post(`/wxa/msg_sec_check?access_token=${access_token}`, { version: 2, openid: 'o-2', scene: 2, content: '网络诈骗' });
    expect(v2).toMatchObject({ errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20006 } });
    expect(v2.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', keyword: '诈骗' })]));
    expect(v2.trace_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    const v1 = await post(`/wxa/msg_sec_check?access_token=${access_token}`, { content: '网络诈骗' });
    expect(v1.errcode).toBe(87014);
  });

  it('subscribe/send checks each data field has a value (47003)', async () => {
    fake.registerOpenid('o-3');
    const { access_token } = await stable();
    const reply = await post(`/cgi-bin/message/subscribe/send?access_token=${access_token}`, {
      touser: 'o-3',
      template_id: TEMPLATE,
      data: { thing1: { value: '' } },
    });
    expect(reply).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.thing1.value') });
  });
});

describe('fake WeChat API: control over HTTP (/__fake)', () => {
  let fake: FakeWechat;
  beforeAll(async () => {
    fake = await startFakeWechatServer({ appid: APPID, secret: SECRET, templateIds: [TEMPLATE] });
  });
  afterAll(() => fake.close());

  const control = async (path: string, body?: unknown) => {
    const res = await fetch(fake.url + path, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return { status: res.status, cors: res.headers.get('access-control-allow-origin'), body: (await res.json()) as Json };
  };

  it('issues login and phone codes that the protocol endpoints accept', async () => {
    const login = await control('/__fake/login-code', { openid: 'o-web', unionid: 'u-web' });
    expect(login.cors).toBe('*');
    const session = (await (
      await fetch(`${fake.url}/sns/jscode2session?appid=${APPID}&secret=${SECRET}&js_code=${login.body.code}&grant_type=authorization_code`)
    ).json()) as Json;
    expect(session).toMatchObject({ openid: 'o-web', unionid: 'u-web' });

    const phone = await control('/__fake/phone-code', { phoneNumber: '13900000000' });
    expect(phone.body.code).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists sent messages', async () => {
    fake.registerOpenid('o-web2');
    const { access_token } = (await (
      await fetch(`${fake.url}/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`)
    ).json()) as Json;
    await fetch(`${fake.url}/cgi-bin/message/subscribe/send?access_token=${access_token}`, {
      method: 'POST',
      body: JSON.stringify({ touser: 'o-web2', template_id: TEMPLATE, data: { thing1: { value: '通知' } } }),
    });
    const { body } = await control('/__fake/messages');
    expect(body.messages).toEqual([expect.objectContaining({ openid: 'o-web2', templateId: TEMPLATE, data: { thing1: { value: '通知' } } })]);
  });

  it('answers a CORS preflight and rejects bad control requests', async () => {
    const preflight = await fetch(`${fake.url}/__fake/login-code`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect((await control('/__fake/login-code', {})).status).toBe(400);
    expect((await control('/__fake/unknown', {})).status).toBe(404);
  });
});
