/**
 * Resident ID numbers (居民身份证号, GB 11643-1999). Pure rules both ends use: the form checks as the
 * grid worker types, the server refuses what fails.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * Full-width digits and letters (from Chinese input methods) to ASCII, lowercase x to X, spaces and
 * dashes dropped: what people type or paste is compared in one form.
 */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdNumberResult = { ok: true; value: string; birthDate: string; gender: 'male' | 'female' } | { ok: false; reason: string };

/**
 * Validates an ID number and returns its 18-character form with the birth date and gender it
 * encodes. Old 15-digit numbers (no century, no check character) are widened to 18.
 */
export function parseIdNumber(raw: string): IdNumberResult {
  let v = normalizeIdNumber(raw);
  if (/^\d{15}$/.test(v)) {
    const body = `${v.slice(0, 6)}19${v.slice(6)}`;
    v = body + idCheckChar(body);
  }
  if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, reason: '身份证号应为18位（最后一位可以是X）' };
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, reason: '身份证号中的出生日期不正确' };
  if (idCheckChar(v.slice(0, 17)) !== v[17]) return { ok: false, reason: '身份证号校验位不对，请逐位核对' };
  return { ok: true, value: v, birthDate: `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`, gender: Number(v[16]) % 2 === 1 ? 'male' : 'female' };
}

/** 1101**********123X: how an ID number is shown anywhere but the full file. */
export function maskIdNumber(v: string | null | undefined): string | null {
  if (!v) return null;
  return `${v.slice(0, 4)}${'*'.repeat(Math.max(0, v.length - 8))}${v.slice(-4)}`;
}
