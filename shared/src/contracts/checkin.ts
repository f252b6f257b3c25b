import { z } from 'zod';
import { Id } from './org.js';

/** What can be checked in to: meetings now; activities and volunteer shifts register their own type. */
export const CheckInTargetType = z.string().regex(/^[a-z_]{2,16}$/, '签到对象类型不正确');

/** A client-generated random string so a retried scan never checks in twice. */
export const CheckInNonce = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');

export const CheckInRedeemRequest = z
  .object({ token: z.string().trim().min(1, '请扫描或输入签到码').max(200, '签到码格式不正确'), nonce: CheckInNonce })
  .strict();
export type CheckInRedeemRequest = z.infer<typeof CheckInRedeemRequest>;

/** The six digits shown beside the rotating QR, typed on the target's own page (h5, or an elder who cannot scan). */
export const CheckInCodeRequest = z
  .object({
    targetType: CheckInTargetType,
    targetId: Id,
    code: z.string().trim().regex(/^\d{6}$/, '请输入组织者屏幕上的6位数字签到码'),
    nonce: CheckInNonce,
  })
  .strict();
export type CheckInCodeRequest = z.infer<typeof CheckInCodeRequest>;

export const CheckInGeofenceRequest = z
  .object({
    targetType: CheckInTargetType,
    targetId: Id,
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    accuracyM: z.number().min(0).max(100_000),
    nonce: CheckInNonce,
  })
  .strict();
export type CheckInGeofenceRequest = z.infer<typeof CheckInGeofenceRequest>;

export const CheckInAssistRequest = z
  .object({
    targetType: CheckInTargetType,
    targetId: Id,
    userId: Id,
    reason: z.string().trim().min(2, '请说明代签原因').max(100),
    /** The organiser knows the person came late (e.g. entering a paper roster afterwards). */
    late: z.boolean().optional(),
  })
  .strict();
export type CheckInAssistRequest = z.infer<typeof CheckInAssistRequest>;

export const CHECKIN_METHODS = ['qr', 'geofence', 'assisted'] as const;
export type CheckInMethod = (typeof CHECKIN_METHODS)[number];
export const CHECKIN_METHOD_LABELS: Record<CheckInMethod, string> = { qr: '扫码', geofence: '定位', assisted: '代签' };

export const CHECKIN_STATUSES = ['present', 'late'] as const;
export type CheckInStatus = (typeof CHECKIN_STATUSES)[number];

export interface CheckInView {
  id: string;
  targetType: string;
  targetId: string;
  userId: string;
  status: CheckInStatus;
  method: CheckInMethod;
  checkedInAt: string;
  assistedBy: string | null;
  reason: string | null;
}

/** The answer to a scan: `replayed` when the same nonce was seen before and this is the first result again. */
export interface CheckInResult {
  checkIn: CheckInView;
  replayed: boolean;
  targetTitle: string;
}

/** The code the organiser's screen shows; fetch a new one at `refreshAt`. */
export interface CheckInQrView {
  token: string;
  /** The same slot as six typable digits; same expiry, key and replay rules as the token. */
  code: string;
  issuedAt: string;
  expiresAt: string;
  refreshAt: string;
  rotateSeconds: number;
}
