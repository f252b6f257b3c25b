import type { EntityManager } from 'typeorm';
import type { MetricCell } from '../common/metric.js';
import { beijingDaySql, dayBounds, runsOf, timeParam, toCells } from '../database/metric-sql.js';

/** Resident reports filed per place and Beijing day (a duplicate merged into another case is not a second one). */
export async function reportsFiled(em: EntityManager, days: string[]): Promise<MetricCell[]> {
  const day = beijingDaySql(em, 'c.createdAt');
  const out: MetricCell[] = [];
  for (const run of runsOf(days)) {
    const rows = await em.query(
      `SELECT c.orgPath AS path, ${day} AS day, COUNT(*) AS num FROM cases c
        WHERE c.kind = 'report' AND c.status <> 'merged' AND c.createdAt >= ? AND c.createdAt < ? GROUP BY c.orgPath, ${day}`,
      dayBounds(em, run),
    );
    out.push(...toCells(rows));
  }
  return out;
}

/** Reports and disputes 办结 per place and Beijing day: how many of them before their deadline (ratio). */
export async function resolvedOnTime(em: EntityManager, days: string[]): Promise<MetricCell[]> {
  const day = beijingDaySql(em, 'c.resolvedAt');
  const out: MetricCell[] = [];
  for (const run of runsOf(days)) {
    const rows = await em.query(
      `SELECT c.orgPath AS path, ${day} AS day, SUM(CASE WHEN c.resolvedAt <= c.resolveDueAt THEN 1 ELSE 0 END) AS num, COUNT(*) AS den FROM cases c
        WHERE c.kind IN ('report', 'dispute') AND c.resolveDueAt IS NOT NULL AND c.resolvedAt >= ? AND c.resolvedAt < ? GROUP BY c.orgPath, ${day}`,
      dayBounds(em, run),
    );
    out.push(...toCells(rows));
  }
  return out;
}

/** Days whose figures cases changed since `since` would alter: the day each was filed and the day it was 办结. */
export async function caseChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const rows: { day: string | null }[] = await em.query(
    `SELECT ${beijingDaySql(em, 'c.createdAt')} AS day FROM cases c WHERE c.updatedAt > ?
     UNION SELECT ${beijingDaySql(em, 'c.resolvedAt')} FROM cases c WHERE c.updatedAt > ? AND c.resolvedAt IS NOT NULL`,
    [timeParam(em, since), timeParam(em, since)],
  );
  return rows.filter((r) => r.day).map((r) => String(r.day));
}
