import type { EntityManager } from 'typeorm';
import type { AssignableTag } from '@honglin/shared';
import type { MetricCell } from '../common/metric.js';
import { beijingDaySql, dayBounds, daysTable, minusDaysSql, runsOf, timeParam, toCells } from '../database/metric-sql.js';

/**
 * The households domain's metric recomputes (households.metrics.ts): people and households by grid
 * and Beijing day, straight from the ledger, visits and warnings. Cells are keyed by the grid's path.
 */

/** People holding `tag` at the end of each day, counted in the grid of the household they lived in then. */
export async function taggedPeople(em: EntityManager, tag: AssignableTag, days: string[]): Promise<MetricCell[]> {
  const t = daysTable(em, days);
  const rows = await em.query(
    `SELECT g.path AS path, days.d AS day, COUNT(DISTINCT pt.userId) AS num
       FROM ${t.sql}
       JOIN person_tags pt ON pt.createdAt < days.e AND (pt.removedAt IS NULL OR pt.removedAt >= days.e)
       JOIN household_members m ON m.userId = pt.userId AND m.createdAt < days.e AND (m.endedOn IS NULL OR m.endedOn > days.d)
       JOIN households h ON h.id = m.householdId
       JOIN org_nodes g ON g.id = h.gridId
      WHERE pt.tag = ?
      GROUP BY g.path, days.d`,
    [...t.params, tag],
  );
  return toCells(rows);
}

/** Days whose tag counts a tag or membership change since `since` alters (from that day on). */
export async function tagChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const s = timeParam(em, since);
  const rows: { day: string }[] = await em.query(
    `SELECT ${beijingDaySql(em, 'createdAt')} AS day FROM person_tags WHERE createdAt > ?
     UNION SELECT ${beijingDaySql(em, 'removedAt')} FROM person_tags WHERE removedAt > ?
     UNION SELECT ${beijingDaySql(em, 'createdAt')} FROM household_members WHERE createdAt > ?
     UNION SELECT endedOn FROM household_members WHERE endedOn IS NOT NULL AND createdAt > ?`,
    [s, s, s, s],
  );
  return rows.map((r) => String(r.day));
}

/** Households registered by each day, and how many of them had a visit within their cadence then. */
export async function visitCoverage(em: EntityManager, days: string[]): Promise<MetricCell[]> {
  const t = daysTable(em, days);
  const rows = await em.query(
    `SELECT g.path AS path, days.d AS day,
            SUM(CASE WHEN EXISTS (SELECT 1 FROM care_visits v WHERE v.householdId = h.id AND v.visitedAt < days.e
                  AND v.visitedAt >= ${minusDaysSql(em, 'days.e', 'h.cadenceDays')}
                  AND NOT EXISTS (SELECT 1 FROM care_visits c WHERE c.correctsVisitId = v.id)) THEN 1 ELSE 0 END) AS num,
            COUNT(*) AS den
       FROM ${t.sql}
       JOIN households h ON h.registeredOn <= days.d
       JOIN org_nodes g ON g.id = h.gridId
      GROUP BY g.path, days.d`,
    t.params,
  );
  return toCells(rows);
}

/** Visits made per day (a corrected visit counts once, as its correction says). */
export async function visitsMade(em: EntityManager, days: string[]): Promise<MetricCell[]> {
  const out: MetricCell[] = [];
  const day = beijingDaySql(em, 'v.visitedAt');
  for (const run of runsOf(days)) {
    const rows = await em.query(
      `SELECT g.path AS path, ${day} AS day, COUNT(*) AS num
         FROM care_visits v JOIN households h ON h.id = v.householdId JOIN org_nodes g ON g.id = h.gridId
        WHERE v.visitedAt >= ? AND v.visitedAt < ? AND NOT EXISTS (SELECT 1 FROM care_visits c WHERE c.correctsVisitId = v.id)
        GROUP BY g.path, ${day}`,
      dayBounds(em, run),
    );
    out.push(...toCells(rows));
  }
  return out;
}

/** Days of visits recorded since `since`, and of the visits their corrections replaced. */
export async function visitChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const s = timeParam(em, since);
  const rows: { day: string }[] = await em.query(
    `SELECT ${beijingDaySql(em, 'v.visitedAt')} AS day FROM care_visits v WHERE v.createdAt > ?
     UNION SELECT ${beijingDaySql(em, 'o.visitedAt')} FROM care_visits c JOIN care_visits o ON o.id = c.correctsVisitId WHERE c.createdAt > ?
     UNION SELECT registeredOn FROM households WHERE createdAt > ?`,
    [s, s, s],
  );
  return rows.map((r) => String(r.day));
}

export type WarningFigure = 'raised' | 'ackInTime' | 'escalated';

/** Warnings by the day they were raised: all of them, acknowledged before their deadline, escalated. */
export async function warnings(em: EntityManager, figure: WarningFigure, days: string[]): Promise<MetricCell[]> {
  const num = figure === 'raised' ? 'COUNT(*)' : figure === 'escalated' ? 'SUM(CASE WHEN w.escalation > 0 THEN 1 ELSE 0 END)' : 'SUM(CASE WHEN w.acknowledgedAt IS NOT NULL AND w.acknowledgedAt <= w.ackDueAt THEN 1 ELSE 0 END)';
  const den = figure === 'ackInTime' ? 'COUNT(*)' : '0';
  const day = beijingDaySql(em, 'w.raisedAt');
  const out: MetricCell[] = [];
  for (const run of runsOf(days)) {
    const rows = await em.query(
      `SELECT w.path AS path, ${day} AS day, ${num} AS num, ${den} AS den FROM risk_warnings w
        WHERE w.raisedAt >= ? AND w.raisedAt < ? GROUP BY w.path, ${day}`,
      dayBounds(em, run),
    );
    out.push(...toCells(rows));
  }
  return out;
}

/** Days of warnings raised or acknowledged since `since` (escalations fall within the settle window). */
export async function warningChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const s = timeParam(em, since);
  const rows: { day: string }[] = await em.query(`SELECT DISTINCT ${beijingDaySql(em, 'raisedAt')} AS day FROM risk_warnings WHERE raisedAt > ? OR acknowledgedAt > ? OR resolvedAt > ?`, [s, s, s]);
  return rows.map((r) => String(r.day));
}
