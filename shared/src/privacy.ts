/** Bump when the privacy agreement text changes; users must accept the new version again. */
export const PRIVACY_POLICY_VERSION = '2026-11-01';

/** 138****1234 — the only form in which someone else's phone number leaves the server. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** 王*, 李*国, 欧**娜: how a person is named to people who need the words, not the person (certificates, comments, receipts). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
