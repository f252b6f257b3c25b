import type { FakeWechatState } from './fake-wechat-state.js';

export class FakeControlError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || !value) throw new FakeControlError(`${key} must be a non-empty string`);
  return value;
}

/**
 * The control operations over HTTP (`/__fake/…`), for browser tests and the demo, which cannot reach
 * the in-process methods. `route` is "METHOD /path".
 */
export function handleControl(state: FakeWechatState, route: string, body: Record<string, unknown>): unknown {
  switch (route) {
    case 'POST /__fake/login-code': {
      const unionid = typeof body.unionid === 'string' && body.unionid ? body.unionid : null;
      return { code: state.issueLoginCode(text(body, 'openid'), unionid) };
    }
    case 'POST /__fake/phone-code':
      return { code: state.issuePhoneCode(text(body, 'phoneNumber')) };
    case 'GET /__fake/messages':
      return { messages: state.sentMessages() };
    case 'POST /__fake/users':
      state.registerOpenid(text(body, 'openid'));
      return { ok: true };
    case 'POST /__fake/block':
      state.blockOpenid(text(body, 'openid'));
      return { ok: true };
    case 'POST /__fake/templates':
      state.addTemplate(text(body, 'templateId'));
      return { ok: true };
    case 'POST /__fake/phone-quota':
      state.setPhoneQuotaExhausted(body.exhausted === true);
      return { ok: true };
    case 'POST /__fake/fail-sends': {
      const { count, errcode } = body;
      if (!Number.isInteger(count) || !Number.isInteger(errcode)) throw new FakeControlError('count and errcode must be integers');
      state.failNextSends(count as number, errcode as number);
      return { ok: true };
    }
    case 'POST /__fake/expire-tokens':
      state.expireAllAccessTokens();
      return { ok: true };
    case 'GET /__fake/token-fetches':
      return { count: state.tokenFetches };
    default:
      throw new FakeControlError(`no control route ${route}`, 404);
  }
}
