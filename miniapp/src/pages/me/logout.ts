import Taro from '@tarojs/taro';
import { logout } from '../../services/auth';
import { session } from '../../stores/session';
import { readTokens } from '../../stores/tokens';

/** Revokes the refresh token on the server, then forgets the session on this device (asked first by the button). */
export async function logoutEverywhere(): Promise<void> {
  const tokens = readTokens();
  let revoked = true;
  try {
    if (tokens) await logout(tokens.refreshToken);
  } catch {
    revoked = false; // still log out locally: the user asked to leave, and the token expires on its own
  }
  session.clear();
  void Taro.showToast({ title: revoked ? '已退出登录' : '已在本机退出登录', icon: 'none' });
}
