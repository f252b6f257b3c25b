import Taro from '@tarojs/taro';
import type { TokenPair } from '@honglin/shared';

/** Storage key shared with the e2e tests, which read the access token from the page. */
export const TOKENS_KEY = 'honglin.tokens';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
}

export function readTokens(): StoredTokens | null {
  const value: unknown = Taro.getStorageSync(TOKENS_KEY);
  if (typeof value !== 'object' || value === null) return null;
  const { accessToken, refreshToken } = value as Partial<StoredTokens>;
  if (typeof accessToken !== 'string' || typeof refreshToken !== 'string') return null;
  return { accessToken, refreshToken };
}

export function writeTokens(pair: TokenPair): void {
  // expiresIn is not kept: the server's TOKEN_EXPIRED answer is the only clock we trust.
  Taro.setStorageSync(TOKENS_KEY, { accessToken: pair.accessToken, refreshToken: pair.refreshToken });
}

export function clearTokens(): void {
  Taro.removeStorageSync(TOKENS_KEY);
}
