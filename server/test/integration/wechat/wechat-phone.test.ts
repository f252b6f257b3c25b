import { errorCodeOf, startHarness, type Harness } from './wechat-harness.js';

describe('WechatClient.getPhoneNumber', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  afterEach(() => h.fake.setPhoneQuotaExhausted(false));

  it('exchanges a phone code for the number', async () => {
    const code = h.fake.issuePhoneCode('13800138000');
    await expect(h.client.getPhoneNumber(code)).resolves.toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    });
  });

  it('keeps the country code of a number outside the mainland', async () => {
    const code = h.fake.issuePhoneCode('+852 61234567');
    await expect(h.client.getPhoneNumber(code)).resolves.toEqual({
      phoneNumber: '+852 61234567',
      purePhoneNumber: '61234567',
      countryCode: '852',
    });
  });

  it('a phone code used twice fails with WECHAT_CODE_USED', async () => {
    const code = h.fake.issuePhoneCode('13800138001');
    await h.client.getPhoneNumber(code);
    expect(await errorCodeOf(h.client.getPhoneNumber(code))).toBe('WECHAT_CODE_USED');
  });

  it('an unknown phone code fails with WECHAT_CODE_INVALID', async () => {
    expect(await errorCodeOf(h.client.getPhoneNumber('0123456789abcdef'))).toBe('WECHAT_CODE_INVALID');
  });

  it('an exhausted quota (1400001) fails with WECHAT_PHONE_QUOTA and leaves the code usable', async () => {
    const code = h.fake.issuePhoneCode('13800138002');
    h.fake.setPhoneQuotaExhausted(true);
    expect(await errorCodeOf(h.client.getPhoneNumber(code))).toBe('WECHAT_PHONE_QUOTA');
    h.fake.setPhoneQuotaExhausted(false);
    await expect(h.client.getPhoneNumber(code)).resolves.toMatchObject({ purePhoneNumber: '13800138002' });
  });
});
