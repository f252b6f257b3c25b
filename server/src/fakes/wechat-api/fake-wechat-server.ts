import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wxError } from './fake-wechat-errors.js';
import { FakeControlError, handleControl } from './fake-wechat-control.js';
import { FakeWechatState, type FakeWechatOptions, type SentMessage } from './fake-wechat-state.js';

export type { FakeWechatOptions, SentMessage } from './fake-wechat-state.js';

export interface StartFakeWechatOptions extends FakeWechatOptions {
  port?: number;
  host?: string;
}

/** A running fake of api.weixin.qq.com; the control methods stand in for what users do on their phones. */
export interface FakeWechat {
  readonly url: string;
  close(): Promise<void>;
  issueLoginCode(openid: string, options?: { unionid?: string }): string;
  issuePhoneCode(phoneNumber: string): string;
  /** Marks an openid as having opened the app, so messages and content checks for it are accepted. */
  registerOpenid(openid: string): void;
  blockOpenid(openid: string): void;
  setPhoneQuotaExhausted(exhausted: boolean): void;
  addTemplate(templateId: string): void;
  failNextSends(count: number, errcode: number): void;
  expireAllAccessTokens(): void;
  sentMessages(): SentMessage[];
  setRiskyWords(words: string[]): void;
  /** How many times /cgi-bin/token or /cgi-bin/stable_token handed out a token. */
  tokenFetchCount(): number;
}

const MAX_BODY = 1 << 20;
type Handler = (q: URLSearchParams, body: Record<string, unknown>) => Record<string, unknown>;

/**
 * Starts the fake on loopback. Tests and the demo both use it, so it answers exactly like WeChat:
 * HTTP 200 with `errcode`/`errmsg`, same paths, same fields.
 */
export async function startFakeWechatServer(options: StartFakeWechatOptions): Promise<FakeWechat> {
  const { port = 0, host = '127.0.0.1', ...stateOptions } = options;
  const state = new FakeWechatState(stateOptions);
  const routes: Record<string, { method: 'GET' | 'POST'; handle: Handler }> = {
    '/sns/jscode2session': { method: 'GET', handle: (q) => state.jscode2session(q) },
    '/cgi-bin/token': { method: 'GET', handle: (q) => state.token(q) },
    '/cgi-bin/stable_token': { method: 'POST', handle: (_q, b) => state.stableTokenRequest(b) },
    '/wxa/business/getuserphonenumber': { method: 'POST', handle: (q, b) => state.getPhoneNumber(q, b) },
    '/cgi-bin/message/subscribe/send': { method: 'POST', handle: (q, b) => state.subscribeSend(q, b) },
    '/wxa/msg_sec_check': { method: 'POST', handle: (q, b) => state.msgSecCheck(q, b) },
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { errcode: -1, errmsg: 'system error' }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/__fake/')) return control(req, res, url);
    const route = routes[url.pathname];
    if (!route) return send(res, 200, wxError(40066));
    if (req.method !== route.method) return send(res, 200, wxError(route.method === 'GET' ? 43001 : 43002));
    let body: Record<string, unknown> = {};
    if (route.method === 'POST') {
      const raw = await readBody(req);
      if (raw === null) return send(res, 200, wxError(47001));
      if (!raw.trim()) return send(res, 200, wxError(44002));
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return send(res, 200, wxError(47001));
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) return send(res, 200, wxError(47001));
    }
    send(res, 200, route.handle(url.searchParams, body));
  }

  // Browser tests and the demo page call these from another origin, hence CORS.
  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'content-type');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    if (req.method === 'OPTIONS') return send(res, 204, null);
    const raw = req.method === 'POST' ? await readBody(req) : '';
    try {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      send(res, 200, handleControl(state, `${req.method} ${url.pathname}`, body));
    } catch (error) {
      const status = error instanceof FakeControlError ? error.status : 400;
      send(res, status, { error: error instanceof Error ? error.message : 'bad request' });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    issueLoginCode: (openid, opts) => state.issueLoginCode(openid, opts?.unionid ?? null),
    issuePhoneCode: (phone) => state.issuePhoneCode(phone),
    registerOpenid: (openid) => state.registerOpenid(openid),
    blockOpenid: (openid) => state.blockOpenid(openid),
    setPhoneQuotaExhausted: (v) => state.setPhoneQuotaExhausted(v),
    addTemplate: (id) => state.addTemplate(id),
    failNextSends: (count, errcode) => state.failNextSends(count, errcode),
    expireAllAccessTokens: () => state.expireAllAccessTokens(),
    sentMessages: () => state.sentMessages(),
    setRiskyWords: (words) => {
      state.riskyWords = [...words];
    },
    tokenFetchCount: () => state.tokenFetches,
  };
}

/** Reads the body as text; null when it is larger than WeChat would accept. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === null) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
