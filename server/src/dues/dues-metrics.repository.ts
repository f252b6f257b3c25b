import type { EntityManager } from 'typeorm';
import type { MetricCell } from '../common/metric.js';
import { timeParam, toCells } from '../database/metric-sql.js';

/**
 * Bills of each month, keyed on the month's first day (a bill belongs to a month, not a day): paid
 * ones over all. Only days that are a first of the month carry cells.
 */
export async function duesPaid(em: EntityManager, days: string[]): Promise<MetricCell[]> {
  const months = days.filter((d) => d.endsWith('-01')).map((d) => d.slice(0, 7));
  if (!months.length) return [];
  const rows = await em.query(
    `SELECT b.path AS path, b.month AS month, SUM(CASE WHEN b.status = 'paid' THEN 1 ELSE 0 END) AS num, COUNT(*) AS den
       FROM dues_bills b WHERE b.month IN (${months.map(() => '?').join(', ')}) GROUP BY b.path, b.month`,
    months,
  );
  return toCells(rows.map((r: { path: string; month: string; num: unknown; den: unknown }) => ({ ...r, day: `${r.month}-01` })));
}

export async function duesChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const rows: { month: string }[] = await em.query('SELECT DISTINCT month FROM dues_bills WHERE updatedAt > ?', [timeParam(em, since)]);
  return rows.map((r) => `${r.month}-01`);
}
