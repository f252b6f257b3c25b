import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Rotating QR tokens: `HL1.<type>.<targetId>.<issuedAt base36 seconds>.<signature>`. The HMAC-SHA256
 * signature (key per target, 128 bits kept) binds the target and the issue time, so a token cannot be
 * moved to another meeting or made younger. Issue times are aligned to the rotation period, so
 * every server instance shows the same code at the same moment.
 */
const PREFIX = 'HL1';
const SIG_CHARS = 22; // 128 bits of base64url

export interface ParsedToken {
  targetType: string;
  targetId: string;
  issuedAt: Date;
  body: string;
  signature: string;
}

export function signToken(secret: string, targetType: string, targetId: string, issuedAt: Date): string {
  const body = `${PREFIX}.${targetType}.${targetId}.${Math.floor(issuedAt.getTime() / 1000).toString(36)}`;
  return `${body}.${sign(secret, body)}`;
}

/** Structure only; null for anything that is not one of our tokens. */
export function parseToken(token: string): ParsedToken | null {
  const m = /^HL1\.([a-z_]{2,16})\.([0-9a-z]{26})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const seconds = parseInt(m[3], 36);
  if (!Number.isSafeInteger(seconds)) return null;
  return { targetType: m[1], targetId: m[2], issuedAt: new Date(seconds * 1000), body: token.slice(0, token.length - SIG_CHARS - 1), signature: m[4] };
}

export function signatureValid(secret: string, token: ParsedToken): boolean {
  const expected = Buffer.from(sign(secret, token.body));
  const given = Buffer.from(token.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The start of the rotation slot containing `now`. */
export function slotStart(now: Date, rotateSeconds: number): Date {
  const s = Math.floor(now.getTime() / 1000);
  return new Date((s - (s % rotateSeconds)) * 1000);
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url').slice(0, SIG_CHARS);
}

/** Digits of the typable code shown beside the QR (for h5 without a camera, or an elder who cannot scan). */
export const SHORT_CODE_DIGITS = 6;

/**
 * The typable form of the token of one slot: the same key signs target and slot, truncated to six
 * digits (as TOTP does). It names no target, so the member types it on the target's own page; a
 * different slot or target gives an unrelated code, so it cannot be made younger or moved.
 */
export function shortCode(secret: string, targetType: string, targetId: string, issuedAt: Date): string {
  const mac = createHmac('sha256', secret).update(`code.${targetType}.${targetId}.${Math.floor(issuedAt.getTime() / 1000)}`).digest();
  return String(mac.readUInt32BE(0) % 10 ** SHORT_CODE_DIGITS).padStart(SHORT_CODE_DIGITS, '0');
}

/**
 * Which slot a typed code belongs to, looking back from `now` over `lookBackSeconds`: the newest slot
 * whose code matches (compared in constant time), or null. The caller judges expiry on the slot.
 */
export function slotOfShortCode(secret: string, targetType: string, targetId: string, code: string, now: Date, rotateSeconds: number, lookBackSeconds: number): Date | null {
  const given = Buffer.from(code);
  const newest = slotStart(now, rotateSeconds).getTime();
  for (let t = newest; t >= newest - lookBackSeconds * 1000; t -= rotateSeconds * 1000) {
    const expected = Buffer.from(shortCode(secret, targetType, targetId, new Date(t)));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return new Date(t);
  }
  return null;
}
