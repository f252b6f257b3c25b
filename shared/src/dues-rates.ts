/**
 * Party dues rates per 《关于中国共产党党费收缴、使用和管理的规定》. Pure: the server bills with it and the
 * mini-program previews with it, so both ends always agree. Money is in fen (integer cents).
 */
export const DUES_CATEGORIES = ['employed', 'retired', 'farmer', 'student', 'unemployed', 'dibao', 'other'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employed: '在职',
  retired: '退休',
  farmer: '农民',
  student: '学生',
  unemployed: '无固定收入',
  dibao: '低保',
  other: '其他',
};

/** Categories whose dues are a percentage of a monthly income base. */
export const INCOME_BASED: readonly DuesCategory[] = ['employed', 'retired', 'other'];

/** Fixed monthly amounts: students, unemployed members and members on 低保 pay 0.2 元. */
export const FIXED_DUES_FEN = 20;
/** Farmers pay 0.2–1 元 a month; the branch picks the amount within the range. */
export const FARMER_MIN_FEN = 20;
export const FARMER_MAX_FEN = 100;

/** [upper bound of the band in fen (inclusive), rate in basis points]; the rate applies to the WHOLE base. */
const EMPLOYED_BANDS: readonly [number, number][] = [
  [300_000, 50],
  [500_000, 100],
  [1_000_000, 150],
  [Infinity, 200],
];
const RETIRED_BANDS: readonly [number, number][] = [
  [500_000, 50],
  [Infinity, 100],
];

/** Rate in basis points (1 bp = 0.01%) for an income base in fen. */
export function duesRateBp(category: DuesCategory, baseFen: number): number {
  const bands = category === 'retired' ? RETIRED_BANDS : EMPLOYED_BANDS;
  return bands.find(([top]) => baseFen <= top)![1];
}

export interface DuesInput {
  category: DuesCategory;
  /** Monthly after-tax fixed income (or pension) in fen; ignored for fixed categories. */
  baseFen?: number | null;
  /** Farmers only: the amount the branch set, clamped to 20–100 fen. */
  farmerFen?: number | null;
}

/** Monthly dues in fen, rounded half up to the fen (5400.00 元 → 8100 fen). */
export function monthlyDuesFen(input: DuesInput): number {
  const { category } = input;
  if (category === 'student' || category === 'unemployed' || category === 'dibao') return FIXED_DUES_FEN;
  if (category === 'farmer') {
    const f = input.farmerFen ?? FARMER_MIN_FEN;
    return Math.min(FARMER_MAX_FEN, Math.max(FARMER_MIN_FEN, Math.round(f)));
  }
  const base = input.baseFen ?? 0;
  if (!Number.isSafeInteger(base) || base < 0) throw new RangeError('base must be a non-negative integer in fen');
  // Integer arithmetic: base (fen) × bp / 10000, rounded half up.
  return Math.floor((base * duesRateBp(category, base) + 5_000) / 10_000);
}

/** "81.00" from 8100 fen. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Billing month "YYYY-MM" in Asia/Shanghai for an instant. */
export function billingMonthOf(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month before / after "YYYY-MM". */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const idx = y * 12 + (m - 1) + delta;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** Dues for a month are due by the end of that month (Beijing time): the UTC instant it ends. */
export function monthDueAt(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1) - 8 * 3_600_000);
}
