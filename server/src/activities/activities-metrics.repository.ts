import type { EntityManager } from 'typeorm';
import type { MetricCell } from '../common/metric.js';
import { beijingDaySql, dayBounds, runsOf, timeParam, toCells } from '../database/metric-sql.js';

const HELD = "('confirmed', 'attended', 'missed')";

/**
 * Activities by the Beijing day they start, at the activity's node: people signed up and still coming
 * (confirmed, attended, missed), and of those whose activity has started, how many were there.
 */
export async function activitySignups(em: EntityManager, figure: 'signups' | 'attendance', days: string[]): Promise<MetricCell[]> {
  const day = beijingDaySql(em, 's.startsAt');
  const num = figure === 'signups' ? 'COUNT(*)' : "SUM(CASE WHEN e.status = 'attended' THEN 1 ELSE 0 END)";
  const den = figure === 'signups' ? '0' : "SUM(CASE WHEN e.status IN ('attended', 'missed') THEN 1 ELSE 0 END)";
  const out: MetricCell[] = [];
  for (const run of runsOf(days)) {
    const rows = await em.query(
      `SELECT s.nodePath AS path, ${day} AS day, ${num} AS num, ${den} AS den
         FROM enrollment_slots s JOIN enrollments e ON e.slotId = s.id
        WHERE s.ownerType = 'activity' AND e.status IN ${HELD} AND s.startsAt >= ? AND s.startsAt < ?
        GROUP BY s.nodePath, ${day}`,
      dayBounds(em, run),
    );
    out.push(...toCells(rows));
  }
  return out;
}

/** Days of activities whose sign-ups changed since `since` (a sign-up, a cancellation, a check-in). */
export async function signupChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const rows: { day: string }[] = await em.query(
    `SELECT DISTINCT ${beijingDaySql(em, 's.startsAt')} AS day FROM enrollment_slots s JOIN enrollments e ON e.slotId = s.id
      WHERE s.ownerType = 'activity' AND (e.updatedAt > ? OR s.updatedAt > ?)`,
    [timeParam(em, since), timeParam(em, since)],
  );
  return rows.map((r) => String(r.day));
}
