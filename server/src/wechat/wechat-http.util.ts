/** WeChat answers HTTP 200 with `errcode`/`errmsg` for errors; success bodies may carry no errcode. */
export interface WechatReply {
  errcode?: number;
  errmsg?: string;
  [key: string]: unknown;
}

/** WeChat could not be asked at all: refused, timed out, or answered something that is not its JSON. */
export class WechatUnreachable extends Error {
  override readonly name = 'WechatUnreachable';
}

const TIMEOUT_MS = 5_000;

export function errcodeOf(reply: WechatReply): number {
  return typeof reply.errcode === 'number' ? reply.errcode : 0;
}

/**
 * One request to the WeChat API: GET when `body` is undefined, else a JSON POST. The URL carries the
 * app secret or access_token, so it never goes into an error message or a log line.
 */
export async function callWechat(url: URL, body?: unknown): Promise<WechatReply> {
  try {
    const res = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new WechatUnreachable(`HTTP ${res.status}`);
    const parsed: unknown = await res.json();
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new WechatUnreachable('not a JSON object');
    return parsed as WechatReply;
  } catch (error) {
    if (error instanceof WechatUnreachable) throw error;
    throw new WechatUnreachable(describe(error));
  }
}

/** "TimeoutError", "TypeError: fetch failed (ECONNREFUSED)": enough to diagnose, nothing secret. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof cause === 'string' ? `${error.name} (${cause})` : error.name;
}
