import { useSyncExternalStore } from 'react';

/**
 * What the tab bar shows that pages change: which tab is on screen and the unread count on 活动.
 * One store for both builds: h5 draws the bar inside each tab page, weapp in its custom-tab-bar
 * component; both read here, so the bar follows the page and the badge without WeChat's badge APIs
 * (which do not reach a custom bar).
 */
export interface TabBarState {
  current: string;
  unread: number;
}

let state: TabBarState = { current: 'pages/home/index', unread: 0 };
const listeners = new Set<() => void>();

export const tabBarStore = {
  get: (): TabBarState => state,
  set(patch: Partial<TabBarState>): void {
    if (Object.entries(patch).every(([k, v]) => state[k as keyof TabBarState] === v)) return;
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useTabBar(): TabBarState {
  return useSyncExternalStore(tabBarStore.subscribe, tabBarStore.get, tabBarStore.get);
}
