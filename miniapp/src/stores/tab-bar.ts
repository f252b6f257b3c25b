import { useSyncExternalStore } from 'react';

/**
 * The unread count on the 活动 tab. One store for both builds: h5 draws the bar inside each tab page,
 * weapp in its custom-tab-bar component; both read here, since WeChat's badge APIs do not reach a
 * custom bar.
 */
export interface TabBarState {
  unread: number;
}

let state: TabBarState = { unread: 0 };
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
