import Taro from '@tarojs/taro';
import { ERRORS, errorMessage, isErrorBody, type FieldError, type TokenPair } from '@honglin/shared';
import { ROUTES } from '../routes';
import { clearTokens, readTokens, writeTokens } from '../stores/tokens';

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
export const TIMEOUT_MESSAGE = '请求超时，请稍后重试';
export const REQUEST_TIMEOUT_MS = 10_000;

/** An API failure with the server's stable code and a Chinese message a resident can act on. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: FieldError[];
  readonly requestId?: string;

  constructor(init: { code: string; message: string; status: number; fields?: FieldError[]; requestId?: string }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
  }

  /** The message the server attached to one form field, for inline display. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: Method;
  data?: unknown;
  query?: Query;
  /** false for the login calls: they carry no token and must never trigger a refresh. */
  auth?: boolean;
  /** false when the caller shows the error itself (forms inline, page-level error states). */
  toast?: boolean;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
}

const sessionLostListeners = new Set<() => void>();

/** The session store subscribes here, so this module never imports it (no cycle). */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** The one refresh in flight; concurrent 401s all wait on it instead of each spending the token. */
let refreshInFlight: Promise<string> | null = null;

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await perform<T>(path, options);
  } catch (error) {
    if (!(error instanceof ApiError)) console.error('request failed unexpectedly', path, error); // a bug, not the network
    const apiError =
      error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: ERRORS.INTERNAL.message, status: 0 });
    if (options.toast !== false) showError(apiError);
    throw apiError;
  }
}

/** One line for a form: the field messages when the server named fields, else the message. */
export function formErrorText(error: unknown): string {
  const e = error as ApiError;
  return e.fields?.length ? e.fields.map((f) => f.message).join('；') : e.message;
}

/** Shows a failure in the page instead of a toast; returns false to leave it to the toast. */
export type ErrorPresenter = (message: string) => boolean;

let presentInPage: ErrorPresenter | null = null;

/** The page error area registers here (elder mode keeps errors on the page), so this module imports no UI. */
export function presentErrorsWith(presenter: ErrorPresenter | null): void {
  presentInPage = presenter;
}

/** A failure the caller does not show itself: in the page when a presenter takes it, else a toast. */
export function showError(error: { message: string }): void {
  if (presentInPage?.(error.message)) return;
  void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
}

async function perform<T>(path: string, options: RequestOptions): Promise<T> {
  // An empty id ("/api/meetings/" from a link without ?id=) would reach another endpoint (the list)
  // and the page would draw the wrong thing; say the link is incomplete instead.
  if (/\/\/|\/$/.test(path)) throw new ApiError({ code: 'LINK_INCOMPLETE', message: ERRORS.LINK_INCOMPLETE.message, status: 0 });
  const sentToken = options.auth === false ? undefined : readTokens()?.accessToken;
  let response = await send(path, options, sentToken);
  if (sentToken && response.statusCode === 401) {
    if (errorCodeOf(response.data) === 'TOKEN_EXPIRED') {
      response = await send(path, options, await renewAccessToken(sentToken));
    }
    if (response.statusCode === 401) {
      // A token the server no longer honours: nothing on this device can repair it.
      const error = toApiError(response);
      expireSession();
      throw error;
    }
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
  throw toApiError(response);
}

async function renewAccessToken(sentToken: string): Promise<string> {
  const current = readTokens();
  if (!current) throw new ApiError({ code: 'UNAUTHENTICATED', message: ERRORS.UNAUTHENTICATED.message, status: 401 });
  // Another caller refreshed while this request was on the wire: just use the new token.
  if (current.accessToken !== sentToken && !refreshInFlight) return current.accessToken;
  refreshInFlight ??= refreshTokens(current.refreshToken).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function refreshTokens(refreshToken: string): Promise<string> {
  // Network errors propagate without touching the session: being offline is not being logged out.
  const response = await send('/api/auth/refresh', { method: 'POST', data: { refreshToken } }, undefined);
  if (response.statusCode >= 200 && response.statusCode < 300 && isTokenPair(response.data)) {
    writeTokens(response.data);
    return response.data.accessToken;
  }
  if (response.statusCode >= 500) throw toApiError(response);
  const error = isErrorBody(response.data)
    ? toApiError(response)
    : new ApiError({ code: 'REFRESH_TOKEN_INVALID', message: ERRORS.REFRESH_TOKEN_INVALID.message, status: 401 });
  expireSession();
  throw error;
}

function expireSession(): void {
  const hadSession = readTokens() !== null;
  clearTokens();
  sessionLostListeners.forEach((listener) => listener());
  if (hadSession) void Taro.reLaunch({ url: ROUTES.login }).catch(() => undefined);
}

function send(path: string, options: RequestOptions, token: string | undefined): Promise<RawResponse> {
  const header: Record<string, string> = {};
  if (token) header.Authorization = `Bearer ${token}`;
  const task = Taro.request({
    url: buildUrl(path, options.query),
    method: options.method ?? 'GET',
    data: options.data as TaroGeneral.IAnyObject | undefined,
    header,
    dataType: 'json',
    // Our own timer below decides; the platform's is only a backstop so it never fires first.
    timeout: REQUEST_TIMEOUT_MS + 1000,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      task.abort?.();
      reject(new ApiError({ code: 'TIMEOUT', message: TIMEOUT_MESSAGE, status: 0 }));
    }, REQUEST_TIMEOUT_MS);
  });
  const response = Promise.resolve(task).then(
    (res): RawResponse => ({ statusCode: res.statusCode, data: res.data }),
    (failure: unknown) => {
      throw transportError(failure);
    },
  );
  return Promise.race([response, timeout]).finally(() => clearTimeout(timer));
}

function buildUrl(path: string, query: Query | undefined): string {
  const params = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${API_BASE}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

function transportError(failure: unknown): ApiError {
  const detail = failure as { errMsg?: string; message?: string } | null;
  const text = `${detail?.errMsg ?? ''} ${detail?.message ?? ''}`;
  return /time\s*out|timed out/i.test(text)
    ? new ApiError({ code: 'TIMEOUT', message: TIMEOUT_MESSAGE, status: 0 })
    : new ApiError({ code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE, status: 0 });
}

function toApiError(response: RawResponse): ApiError {
  const body = response.data;
  if (isErrorBody(body)) {
    // The server speaks Chinese; if some layer answered in English, fall back to our own text.
    const message = /[\u4e00-\u9fff]/.test(body.message) ? body.message : errorMessage(body.code);
    return new ApiError({ code: body.code, message, status: response.statusCode, fields: body.fields, requestId: body.requestId });
  }
  const code =
    response.statusCode === 404 ? 'ROUTE_NOT_FOUND' : [502, 503, 504].includes(response.statusCode) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
  return new ApiError({ code, message: errorMessage(code), status: response.statusCode });
}

function errorCodeOf(body: unknown): string | undefined {
  return isErrorBody(body) ? body.code : undefined;
}

function isTokenPair(value: unknown): value is TokenPair {
  const pair = value as Partial<TokenPair> | null;
  return typeof pair?.accessToken === 'string' && typeof pair.refreshToken === 'string';
}
