import { useSyncExternalStore } from 'react';
import Taro from '@tarojs/taro';
import { MANAGING_ROLES, PRIVACY_POLICY_VERSION, type LoginResponse, type MeView } from '@honglin/shared';
import { ApiError, onSessionLost } from '../services/request';
import { getMe } from '../services/me';
import { clearTokens, readTokens, writeTokens } from './tokens';

/** booting: tokens found, /api/me pending. unreachable: tokens found but the server could not be asked. */
export type SessionStatus = 'booting' | 'anonymous' | 'signedIn' | 'unreachable';

export interface SessionState {
  status: SessionStatus;
  me: MeView | null;
  /** Kept apart from `me` so the first screen is already drawn at the right size before /api/me answers. */
  elderMode: boolean;
  /** Why the server could not be reached, for the retry screen. */
  problem: string | null;
}

const ELDER_KEY = 'honglin.elderMode';

let state: SessionState = {
  status: readTokens() ? 'booting' : 'anonymous',
  me: null,
  elderMode: Taro.getStorageSync(ELDER_KEY) === true,
  problem: null,
};
const listeners = new Set<() => void>();

function update(patch: Partial<SessionState>): void {
  state = { ...state, ...patch };
  if (patch.elderMode !== undefined) Taro.setStorageSync(ELDER_KEY, patch.elderMode);
  listeners.forEach((listener) => listener());
}

onSessionLost(() => update({ status: 'anonymous', me: null }));

export const session = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Called once at launch: turn stored tokens into a user, or fall back to anonymous. */
  async bootstrap(): Promise<void> {
    if (!readTokens()) return update({ status: 'anonymous', me: null });
    update({ status: 'booting', problem: null });
    try {
      session.setMe(await getMe({ toast: false }));
    } catch (error) {
      // 401s were already turned into a logout by the request wrapper; anything else is transient.
      if (readTokens()) update({ status: 'unreachable', problem: (error as ApiError).message });
    }
  },

  signIn(response: LoginResponse): void {
    writeTokens(response);
    session.setMe(response.user);
  },

  setMe(me: MeView): void {
    update({ status: 'signedIn', me, elderMode: me.elderMode, problem: null });
  },

  /** Optimistic switch: the page redraws at once, and reverts if the server refuses. */
  setElderModeLocally(elderMode: boolean): void {
    update({ elderMode, me: state.me ? { ...state.me, elderMode } : null });
  },

  clear(): void {
    clearTokens();
    update({ status: 'anonymous', me: null });
  },
};

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

export function needsPrivacyConsent(me: MeView): boolean {
  return me.privacyAcceptedVersion !== PRIVACY_POLICY_VERSION;
}

/** Organisers, treasurers and admins get the organisation pages. */
export function isManager(me: MeView): boolean {
  return me.roles.some((grant) => MANAGING_ROLES.includes(grant.role));
}

export function isPartyMember(me: MeView): boolean {
  return me.roles.some((grant) => grant.role === 'party_member');
}
