import { randomBytes } from 'node:crypto';

/** errmsg texts as api.weixin.qq.com words them; every error message ends with a request id. */
const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40066: 'invalid url',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'code blocked',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
  87014: 'risky content',
  1400001: 'feature quota exceeded, please buy more quota',
};

/** WeChat's rid looks like `66739825-3646610c-1b890536`. */
export function rid(): string {
  const hex = (n: number) => randomBytes(n).toString('hex');
  return `${hex(4)}-${hex(4)}-${hex(4)}`;
}

// A type alias (not an interface) so it fits the `Record<string, unknown>` bodies the routes return.
export type WechatErrorBody = {
  errcode: number;
  errmsg: string;
};

/** An error answer; `detail` is appended the way WeChat does (`argument invalid! data.x.value empty`). */
export function wxError(errcode: number, detail?: string): WechatErrorBody {
  const text = ERRMSG[errcode] ?? 'system error';
  const hint = errcode === 40029 ? ` hint: [${randomBytes(8).toString('base64url')}]` : '';
  return { errcode, errmsg: `${text}${detail ? ` ${detail}` : ''}${hint} rid: ${rid()}` };
}

export const OK = (): WechatErrorBody => ({ errcode: 0, errmsg: 'ok' });
