import type { DemoPersona, LoginResponse } from '@honglin/shared';
import { request } from './request';

export function wechatLogin(code: string): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/wechat-login', { method: 'POST', data: { code }, auth: false, toast: false });
}

/** Demo personas exist only on a server started in demo mode (the h5 build). */
export function listDemoPersonas(): Promise<DemoPersona[]> {
  return request<DemoPersona[]>('/api/auth/demo-personas', { auth: false, toast: false });
}

export function demoLogin(persona: string): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/demo-login', { method: 'POST', data: { persona }, auth: false, toast: false });
}

/** Revokes the refresh token on the server; the caller clears the device either way. */
export function logout(refreshToken: string): Promise<void> {
  return request<void>('/api/auth/logout', { method: 'POST', data: { refreshToken }, toast: false });
}
