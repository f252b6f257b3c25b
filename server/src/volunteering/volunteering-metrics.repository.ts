import type { EntityManager } from 'typeorm';
import type { MetricCell } from '../common/metric.js';
import { beijingDaySql, dayBounds, runsOf, timeParam, toCells } from '../database/metric-sql.js';

/** Approved volunteer time in half hours, or approved records, by the day of check-in. */
export async function volunteerHours(em: EntityManager, figure: 'halfHours' | 'records', days: string[]): Promise<MetricCell[]> {
  const day = beijingDaySql(em, 'h.checkInAt');
  const num = figure === 'halfHours' ? 'SUM(h.halfHours)' : 'COUNT(*)';
  const out: MetricCell[] = [];
  for (const run of runsOf(days)) {
    const rows = await em.query(
      `SELECT h.nodePath AS path, ${day} AS day, ${num} AS num FROM volunteer_hours h
        WHERE h.status = 'approved' AND h.checkInAt >= ? AND h.checkInAt < ? GROUP BY h.nodePath, ${day}`,
      dayBounds(em, run),
    );
    out.push(...toCells(rows));
  }
  return out;
}

export async function hoursChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const rows: { day: string }[] = await em.query(`SELECT DISTINCT ${beijingDaySql(em, 'checkInAt')} AS day FROM volunteer_hours WHERE updatedAt > ?`, [timeParam(em, since)]);
  return rows.map((r) => String(r.day));
}
