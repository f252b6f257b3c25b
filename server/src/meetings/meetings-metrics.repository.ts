import type { EntityManager } from 'typeorm';
import type { MetricCell } from '../common/metric.js';
import { beijingDaySql, dayBounds, runsOf, timeParam, toCells } from '../database/metric-sql.js';

/** Closed (held) meetings per branch path and Beijing day of their start; with attendance when asked. */
export async function meetingsHeld(em: EntityManager, figure: 'held' | 'attendance', days: string[]): Promise<MetricCell[]> {
  const day = beijingDaySql(em, 'm.startsAt');
  const out: MetricCell[] = [];
  for (const run of runsOf(days)) {
    const rows = figure === 'held'
      ? await em.query(
          `SELECT m.nodePath AS path, ${day} AS day, COUNT(*) AS num FROM meetings m
            WHERE m.status = 'closed' AND m.startsAt >= ? AND m.startsAt < ? GROUP BY m.nodePath, ${day}`,
          dayBounds(em, run),
        )
      : await em.query(
          `SELECT m.nodePath AS path, ${day} AS day, SUM(CASE WHEN i.attendance IN ('present', 'late') THEN 1 ELSE 0 END) AS num, COUNT(*) AS den
             FROM meetings m JOIN meeting_invitees i ON i.meetingId = m.id
            WHERE m.status = 'closed' AND m.startsAt >= ? AND m.startsAt < ? GROUP BY m.nodePath, ${day}`,
          dayBounds(em, run),
        );
    out.push(...toCells(rows));
  }
  return out;
}

/** Days of meetings changed (or whose invitees' attendance changed) since `since`. */
export async function meetingChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const s = timeParam(em, since);
  const rows: { day: string }[] = await em.query(
    `SELECT DISTINCT ${beijingDaySql(em, 'm.startsAt')} AS day FROM meetings m
      WHERE m.updatedAt > ? OR EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meetingId = m.id AND i.updatedAt > ?)`,
    [s, s],
  );
  return rows.map((r) => String(r.day));
}
