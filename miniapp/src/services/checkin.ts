import type { CheckInQrView, CheckInResult } from '@honglin/shared';
import { request } from './request';

/** A fresh client nonce per scan: a retry of the same scan reuses it and gets the first answer back. */
export function newNonce(): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}${rand()}${rand()}`.replace(/[^a-z0-9]/g, '').slice(0, 40);
}

export function getQr(targetType: string, targetId: string): Promise<CheckInQrView> {
  return request<CheckInQrView>(`/api/checkin/${targetType}/${encodeURIComponent(targetId)}/qr`, { toast: false });
}

/** Refusals come back as ApiError with a CHECKIN_* code and the Chinese reason; the page shows it. */
export function redeem(token: string, nonce: string): Promise<CheckInResult> {
  return request<CheckInResult>('/api/checkin/redeem', { method: 'POST', data: { token, nonce }, toast: false });
}

/** The six digits beside the organiser's QR, typed on the target's own page. */
export function redeemCode(targetType: string, targetId: string, code: string, nonce: string): Promise<CheckInResult> {
  return request<CheckInResult>('/api/checkin/code', { method: 'POST', data: { targetType, targetId, code, nonce }, toast: false });
}

export function checkInByLocation(targetType: string, targetId: string, fix: { lat: number; lng: number; accuracyM: number }, nonce: string): Promise<CheckInResult> {
  return request<CheckInResult>('/api/checkin/geofence', { method: 'POST', data: { targetType, targetId, ...fix, nonce }, toast: false });
}

export function assistCheckIn(targetType: string, targetId: string, userId: string, reason: string): Promise<CheckInResult> {
  return request<CheckInResult>('/api/checkin/assist', { method: 'POST', data: { targetType, targetId, userId, reason } });
}
