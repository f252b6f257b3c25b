import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ERRORS } from '@honglin/shared';
import { answerRequests, recorded, resetTaro, type FakeRequestOptions, type FakeResponse } from '../../test/taro';
import { pageError } from '../components/PageError';
import { ROUTES } from '../routes';
import { session } from '../stores/session';
import { readTokens, writeTokens } from '../stores/tokens';
import { ApiError, NETWORK_ERROR_MESSAGE, REQUEST_TIMEOUT_MS, TIMEOUT_MESSAGE, onSessionLost, request } from './request';

const ok = (data: unknown): Promise<FakeResponse> => Promise.resolve({ statusCode: 200, data });
const fail = (statusCode: number, code: string, message: string, extra: object = {}): Promise<FakeResponse> =>
  Promise.resolve({ statusCode, data: { code, message, requestId: 'req-1', ...extra } });
const bearer = (options: FakeRequestOptions) => options.header?.Authorization;
const refreshCalls = () => recorded.requests.filter((r) => r.url.endsWith('/api/auth/refresh'));

beforeEach(() => {
  resetTaro();
  writeTokens({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900 });
});

afterEach(() => {
  jest.useRealTimers();
});

describe('request', () => {
  it('sends the stored access token as a Bearer header to API_BASE + path', async () => {
    answerRequests(() => ok({ id: 'me' }));
    await expect(request('/api/me')).resolves.toEqual({ id: 'me' });
    expect(recorded.requests[0].url).toBe('http://api.test/api/me');
    expect(bearer(recorded.requests[0])).toBe('Bearer access-1');
  });

  it('puts query parameters in the URL and leaves out empty ones', async () => {
    answerRequests(() => ok({ items: [], nextCursor: null }));
    await request('/api/org/nodes/n1/members', { query: { limit: 20, cursor: null, q: '' } });
    expect(recorded.requests[0].url).toBe('http://api.test/api/org/nodes/n1/members?limit=20');
  });

  it('sends no token on login calls, even when one is stored', async () => {
    answerRequests(() => ok({}));
    await request('/api/auth/demo-login', { method: 'POST', data: { persona: 'resident' }, auth: false });
    expect(bearer(recorded.requests[0])).toBeUndefined();
  });

  it('refreshes once for concurrent TOKEN_EXPIRED answers and retries each request with the new token', async () => {
    answerRequests((options) => {
      if (options.url.endsWith('/api/auth/refresh')) {
        return new Promise((resolve) =>
          setTimeout(() => resolve({ statusCode: 200, data: { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 } }), 5),
        );
      }
      if (bearer(options) === 'Bearer access-1') return fail(401, 'TOKEN_EXPIRED', ERRORS.TOKEN_EXPIRED.message);
      return ok({ url: options.url });
    });

    const results = await Promise.all([request('/api/me'), request('/api/org/tree'), request('/api/party-branches')]);

    expect(results).toEqual([
      { url: 'http://api.test/api/me' },
      { url: 'http://api.test/api/org/tree' },
      { url: 'http://api.test/api/party-branches' },
    ]);
    expect(refreshCalls()).toHaveLength(1);
    expect(refreshCalls()[0].data).toEqual({ refreshToken: 'refresh-1' });
    expect(bearer(refreshCalls()[0])).toBeUndefined();
    expect(readTokens()).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('clears the session and sends the user to login when the refresh token is refused', async () => {
    const lost = jest.fn();
    const unsubscribe = onSessionLost(lost);
    answerRequests((options) =>
      options.url.endsWith('/api/auth/refresh')
        ? fail(401, 'REFRESH_TOKEN_INVALID', ERRORS.REFRESH_TOKEN_INVALID.message)
        : fail(401, 'TOKEN_EXPIRED', ERRORS.TOKEN_EXPIRED.message),
    );

    const error = await request('/api/me').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('REFRESH_TOKEN_INVALID');
    expect((error as ApiError).message).toBe('登录状态已失效，请重新登录');
    expect(readTokens()).toBeNull();
    expect(lost).toHaveBeenCalledTimes(1);
    expect(recorded.navigations).toEqual([{ kind: 'reLaunch', url: ROUTES.login }]);
    unsubscribe();
  });

  it('keeps the session when the refresh call cannot reach the server', async () => {
    answerRequests((options) =>
      options.url.endsWith('/api/auth/refresh')
        ? Promise.reject({ errMsg: 'request:fail' })
        : fail(401, 'TOKEN_EXPIRED', ERRORS.TOKEN_EXPIRED.message),
    );
    await expect(request('/api/me')).rejects.toMatchObject({ message: NETWORK_ERROR_MESSAGE });
    expect(readTokens()).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(recorded.navigations).toEqual([]);
  });

  it('turns an error body into an ApiError with code, Chinese message, fields and request id, and toasts it', async () => {
    const fields = [{ field: 'branchId', message: '编号格式不正确' }];
    answerRequests(() => fail(400, 'VALIDATION_FAILED', ERRORS.VALIDATION_FAILED.message, { fields }));

    const error = (await request('/api/party-applications', { method: 'POST', data: {} }).catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, message: '填写的内容有误，请检查标出的项目', requestId: 'req-1' });
    expect(error.fieldMessage('branchId')).toBe('编号格式不正确');
    expect(recorded.toasts).toEqual([expect.objectContaining({ title: '填写的内容有误，请检查标出的项目', icon: 'none' })]);
  });

  it('keeps the error on the page in elder mode, with no toast to vanish unread, until it is dismissed', async () => {
    session.setElderModeLocally(true);
    try {
      answerRequests(() => fail(409, 'POINTS_INSUFFICIENT', ERRORS.POINTS_INSUFFICIENT.message));
      await expect(request('/api/mall/items/i1/redeem', { method: 'POST', data: {} })).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
      expect(recorded.toasts).toEqual([]);
      expect(pageError.get()).toBe('积分不足，攒够积分再来兑换吧');
      pageError.dismiss();
      expect(pageError.get()).toBeNull();

      // A caller that shows the error itself still gets nothing extra.
      await request('/api/mall/items/i1/redeem', { method: 'POST', data: {}, toast: false }).catch(() => undefined);
      expect(pageError.get()).toBeNull();
    } finally {
      session.setElderModeLocally(false);
    }
    // Back in normal mode the toast returns.
    await request('/api/mall/items/i1/redeem', { method: 'POST', data: {} }).catch(() => undefined);
    expect(recorded.toasts).toEqual([expect.objectContaining({ title: '积分不足，攒够积分再来兑换吧' })]);
    expect(pageError.get()).toBeNull();
  });

  it('refuses a path with an empty id (a link without ?id=) instead of calling another endpoint', async () => {
    answerRequests(() => ok([{ id: 'a list, not one meeting' }]));
    await expect(request('/api/meetings/', { toast: false })).rejects.toMatchObject({ code: 'LINK_INCOMPLETE', message: ERRORS.LINK_INCOMPLETE.message });
    await expect(request('/api/activities//roster', { toast: false })).rejects.toMatchObject({ code: 'LINK_INCOMPLETE' });
    expect(recorded.requests).toEqual([]);
  });

  it('does not toast when the caller shows the error itself', async () => {
    answerRequests(() => fail(403, 'FORBIDDEN', ERRORS.FORBIDDEN.message));
    await expect(request('/api/org/tree', { toast: false })).rejects.toMatchObject({ code: 'FORBIDDEN', message: '您没有权限进行此操作' });
    expect(recorded.toasts).toEqual([]);
  });

  it('falls back to the shared Chinese message when a body carries a known code with English text', async () => {
    answerRequests(() => fail(404, 'NOT_FOUND', 'Not Found'));
    await expect(request('/api/org/nodes/x/members', { toast: false })).rejects.toMatchObject({ code: 'NOT_FOUND', message: ERRORS.NOT_FOUND.message });
  });

  it('maps an answer without an error body (a proxy page) to a Chinese message by status', async () => {
    answerRequests(() => Promise.resolve({ statusCode: 502, data: '<html>Bad Gateway</html>' }));
    await expect(request('/api/me', { toast: false })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: ERRORS.SERVICE_UNAVAILABLE.message });
  });

  it('reports a network failure as 网络连接失败', async () => {
    answerRequests(() => Promise.reject({ errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' }));
    await expect(request('/api/me')).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' });
    expect(recorded.toasts[0].title).toBe(NETWORK_ERROR_MESSAGE);
  });

  it('gives up after 10 seconds with 请求超时 and aborts the request', async () => {
    jest.useFakeTimers();
    answerRequests(() => new Promise<FakeResponse>(() => undefined));
    const pending = request('/api/me').catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    expect(recorded.aborted).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ code: 'TIMEOUT', message: '请求超时，请稍后重试' });
    expect(recorded.aborted).toBe(1);
  });

  it("treats the platform's own timeout failure as a timeout too", async () => {
    answerRequests(() => Promise.reject({ errMsg: 'request:fail timeout' }));
    await expect(request('/api/me', { toast: false })).rejects.toMatchObject({ code: 'TIMEOUT', message: TIMEOUT_MESSAGE });
  });

  it('does not try to refresh when a login call itself answers 401', async () => {
    answerRequests(() => fail(401, 'UNAUTHENTICATED', ERRORS.UNAUTHENTICATED.message));
    await expect(request('/api/auth/wechat-login', { method: 'POST', auth: false, toast: false })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(refreshCalls()).toHaveLength(0);
    expect(readTokens()).not.toBeNull();
  });
});
