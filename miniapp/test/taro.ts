import { useEffect, useRef } from 'react';
/**
 * Stand-in for @tarojs/taro in unit tests (see jest.config.js). It keeps storage in memory,
 * records toasts and navigations, and lets each test decide how the network answers.
 */
export interface FakeRequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  timeout?: number;
}

export interface FakeResponse {
  statusCode: number;
  data: unknown;
}

type RequestHandler = (options: FakeRequestOptions) => Promise<FakeResponse>;

const storage = new Map<string, unknown>();
let handler: RequestHandler = (options) => Promise.reject(new Error(`No request handler for ${options.url}`));

export const recorded = {
  requests: [] as FakeRequestOptions[],
  toasts: [] as Array<{ title: string; icon?: string }>,
  navigations: [] as Array<{ kind: string; url?: string }>,
  aborted: 0,
};

export function answerRequests(next: RequestHandler): void {
  handler = next;
}

export function resetTaro(): void {
  storage.clear();
  recorded.requests.length = 0;
  recorded.toasts.length = 0;
  recorded.navigations.length = 0;
  recorded.aborted = 0;
  handler = (options) => Promise.reject(new Error(`No request handler for ${options.url}`));
}

function navigation(kind: string) {
  return (options?: { url?: string }) => {
    recorded.navigations.push({ kind, url: options?.url });
    return Promise.resolve({ errMsg: `${kind}:ok` });
  };
}

const Taro = {
  request(options: FakeRequestOptions) {
    recorded.requests.push(options);
    const task = handler(options) as Promise<FakeResponse> & { abort: () => void };
    task.abort = () => {
      recorded.aborted += 1;
    };
    return task;
  },
  getStorageSync: (key: string): unknown => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown): void => void storage.set(key, value),
  removeStorageSync: (key: string): void => void storage.delete(key),
  showToast(options: { title: string; icon?: string }) {
    recorded.toasts.push(options);
    return Promise.resolve({ errMsg: 'showToast:ok' });
  },
  showModal: () => Promise.resolve({ confirm: true, cancel: false }),
  navigateTo: navigation('navigateTo'),
  redirectTo: navigation('redirectTo'),
  reLaunch: navigation('reLaunch'),
  switchTab: navigation('switchTab'),
  navigateBack: navigation('navigateBack'),
  getCurrentPages: (): unknown[] => [],
};

const showListeners = new Set<() => void>();

/**
 * As in Taro: a component hears the page's shows that happen after it has mounted, never one before.
 * Tests show the page with showPage().
 */
export const useDidShow = (fn: () => void): void => {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    const listener = () => latest.current();
    showListeners.add(listener);
    return () => void showListeners.delete(listener);
  }, []);
};

/** The page comes on screen (first load, or back from another page). */
export function showPage(): void {
  showListeners.forEach((listener) => listener());
}
export const useDidHide = (): void => undefined;
export const useReachBottom = (): void => undefined;
export const useRouter = () => ({ params: {} as Record<string, string | undefined> });

export default Taro;
