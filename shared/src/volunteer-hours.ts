/**
 * Volunteer hours and star levels (domain.md, "Volunteering and mobilisation"). Pure rules shared by the
 * server (recording, approval, certificates) and the mini-program (showing progress).
 */

/**
 * How the part of an hour left over is rounded. domain.md gives one hour's rule: ≤ 15 min → 0 h,
 * 15–45 min → 0.5 h, 45–60 min → 1 h. Longer shifts apply the same rule to the remainder after whole
 * hours (2 h 20 min → 2.5 h), so a long shift is never rounded by more than the short-shift rule would.
 * Boundaries belong to the lower step: exactly 15 min → 0 h, exactly 45 min → 0.5 h.
 */
export interface HoursRounding {
  /** A remainder up to this many minutes counts as nothing. */
  zeroUpToMinutes: number;
  /** A remainder up to this many minutes (above zeroUpTo) counts as half an hour; more counts as a whole hour. */
  halfUpToMinutes: number;
}

export const DEFAULT_HOURS_ROUNDING: HoursRounding = { zeroUpToMinutes: 15, halfUpToMinutes: 45 };

/** Hours are kept as whole half-hours so sums are exact on both databases. */
export function roundedHalfHours(minutes: number, rule: HoursRounding = DEFAULT_HOURS_ROUNDING): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  const whole = Math.floor(minutes / 60);
  const rest = minutes - whole * 60;
  const extra = rest <= rule.zeroUpToMinutes ? 0 : rest <= rule.halfUpToMinutes ? 1 : 2;
  return whole * 2 + extra;
}

/** The same as hours (0, 0.5, 1, 1.5 …). */
export function roundVolunteerHours(minutes: number, rule: HoursRounding = DEFAULT_HOURS_ROUNDING): number {
  return roundedHalfHours(minutes, rule) / 2;
}

/** A check-in left open this long is closed by the system and flagged for the organiser to review. */
export const AUTO_CHECKOUT_AFTER_MS = 24 * 3_600_000;

/** Cumulative approved hours for 1★ … 5★ (Guangdong's scale, widely copied). */
export const STAR_THRESHOLDS = [100, 300, 600, 1000, 1500] as const;

/** 0 to 5 stars for a total of approved hours. */
export function starLevel(hours: number): number {
  return STAR_THRESHOLDS.filter((t) => hours >= t).length;
}

/** Where the person stands: stars now, and the hours still needed for the next star (null at 5★). */
export function starProgress(hours: number): { stars: number; nextAt: number | null; remaining: number | null } {
  const stars = starLevel(hours);
  const nextAt = stars < STAR_THRESHOLDS.length ? STAR_THRESHOLDS[stars] : null;
  return { stars, nextAt, remaining: nextAt === null ? null : Math.round((nextAt - hours) * 2) / 2 };
}

/** Points for approved hours: the rule is per whole hour, so half hours do not earn a point on their own. */
export function pointUnitsForHalfHours(halfHours: number): number {
  return Math.floor(Math.max(0, halfHours) / 2);
}

/** Two shifts overlap when each starts before the other ends (back-to-back shifts do not). */
export function shiftsOverlap(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * Whether declared availability (weekday 1 = Monday … 7 = Sunday, Beijing wall-clock "HH:MM" ranges)
 * covers a call from start to end. A call running past midnight needs a range reaching 24:00 (never).
 */
export function availableFor(ranges: { weekday: number; from: string; to: string }[], startsAt: Date, endsAt: Date): boolean {
  const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000);
  const s = local(startsAt);
  const e = local(endsAt);
  const weekday = s.getUTCDay() === 0 ? 7 : s.getUTCDay();
  const hhmm = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const sameDay = s.toISOString().slice(0, 10) === e.toISOString().slice(0, 10);
  return sameDay && ranges.some((r) => r.weekday === weekday && r.from <= hhmm(s) && r.to >= hhmm(e));
}

/** An organiser correcting a flagged entry may give at most what the auto check-out itself could: 24 h. */
export const MAX_CORRECTED_MINUTES = AUTO_CHECKOUT_AFTER_MS / 60_000;

/** The shifts a campaign period would leave (partly) outside it: an edited period must contain every shift. */
export function shiftsOutsidePeriod<T extends { startsAt: Date; endsAt: Date }>(period: { startsAt: Date; endsAt: Date }, shifts: T[]): T[] {
  return shifts.filter((s) => s.startsAt.getTime() < period.startsAt.getTime() || s.endsAt.getTime() > period.endsAt.getTime());
}

/** A campaign tracks at most this many impact measures (入户走访户数, 发放物资份数 …). */
export const MAX_IMPACT_MEASURES = 10;

/**
 * Impact per measure: the campaign's declared measure first (with its target, even before anything
 * is recorded), then every other measure recorded, each at its latest recorded number.
 */
export function impactByMeasure<R extends { measure: string; achieved: number; recordedAt: Date }>(
  declared: { measure: string | null; target: number | null },
  records: R[],
): { measure: string; target: number | null; latest: R | null }[] {
  const latest = new Map<string, R>();
  for (const r of records) {
    const seen = latest.get(r.measure);
    if (!seen || seen.recordedAt.getTime() <= r.recordedAt.getTime()) latest.set(r.measure, r);
  }
  const names = [...new Set([...(declared.measure ? [declared.measure] : []), ...records.map((r) => r.measure)])];
  return names.map((measure) => ({ measure, target: measure === declared.measure ? declared.target : null, latest: latest.get(measure) ?? null }));
}
