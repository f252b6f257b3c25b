import type { EntityManager } from 'typeorm';
import { addDays, type AssignableTag } from '@honglin/shared';
import { idFloor } from '../common/ids.js';
import type { MetricCell } from '../common/metric.js';
import { beijingDaySql, dayBounds, daysTable, oncePerTransaction, runsOf, timeParam, toCells } from '../database/metric-sql.js';

/**
 * The households domain's metric recomputes (households.metrics.ts): people and households by grid
 * and Beijing day, straight from the ledger, visits and warnings. Cells are keyed by the grid's path.
 */

/** People holding `tag` at the end of each day, counted in the grid of the household they lived in then. */
export async function taggedPeople(em: EntityManager, tag: AssignableTag, days: string[]): Promise<MetricCell[]> {
  const all = await oncePerTransaction(em, `tags|${days.join(',')}`, () => taggedPeopleByTag(em, days));
  return all.filter((c) => c.tag === tag).map(({ tag: _, ...cell }) => cell);
}

async function taggedPeopleByTag(em: EntityManager, days: string[]): Promise<(MetricCell & { tag: string })[]> {
  const t = daysTable(em, days);
  const rows: { path: string; day: string; num: unknown; tag: string }[] = await em.query(
    `SELECT g.path AS path, days.d AS day, pt.tag AS tag, COUNT(DISTINCT pt.userId) AS num
       FROM ${t.sql}
       JOIN person_tags pt ON pt.createdAt < days.e AND (pt.removedAt IS NULL OR pt.removedAt >= days.e)
       JOIN household_members m ON m.userId = pt.userId AND m.createdAt < days.e AND (m.endedOn IS NULL OR m.endedOn > days.d)
       JOIN households h ON h.id = m.householdId
       JOIN org_nodes g ON g.id = h.gridId
      GROUP BY g.path, days.d, pt.tag`,
    t.params,
  );
  return rows.map((r) => ({ ...toCells([r])[0], tag: r.tag }));
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
  return oncePerTransaction(em, `coverage|${days.join(',')}`, () => (days.length > SWEEP_FROM_DAYS ? coverageBySweep(em, days) : coverageByProbe(em, days)));
}

/** Beyond a week of days one pass over the visits beats a probe per household and day. */
const SWEEP_FROM_DAYS = 7;

/**
 * A few days (the incremental refresh): per day, each household's latest visit before the day ends,
 * found by the (householdId, visitedAt) index from the top, then compared with its cadence.
 */
async function coverageByProbe(em: EntityManager, days: string[]): Promise<MetricCell[]> {
  const cells = new Map<string, MetricCell>();
  for (const d of days) {
    const [, end] = dayBounds(em, [d]);
    const latest = `(SELECT v.visitedAt FROM care_visits v WHERE v.householdId = h.id AND v.visitedAt < ?
                      AND NOT EXISTS (SELECT 1 FROM care_visits c WHERE c.correctsVisitId = v.id) ORDER BY v.visitedAt DESC LIMIT 1)`;
    const rows: { path: string; cadence: number; latest: string | null }[] = await em.query(
      `SELECT g.path AS path, h.cadenceDays AS cadence, ${beijingDaySql(em, latest)} AS latest
         FROM households h JOIN org_nodes g ON g.id = h.gridId WHERE h.registeredOn <= ?`,
      [end, d],
    );
    for (const r of rows) {
      const key = `${r.path}|${d}`;
      const cell = cells.get(key) ?? { path: r.path, day: d, num: 0, den: 0 };
      cell.den += 1;
      if (r.latest && String(r.latest) >= addDays(d, 1 - Number(r.cadence))) cell.num += 1;
      cells.set(key, cell);
    }
  }
  return [...cells.values()];
}

/**
 * The same figures for a long range (a rebuild, the check): the visit days of every household once,
 * then a sweep. Covered on day d means a visit on a Beijing day in [d - cadence + 1, d], which is what
 * the probe's `visitedAt >= end of d - cadence days` says, since that bound is a Beijing midnight.
 */
async function coverageBySweep(em: EntityManager, days: string[]): Promise<MetricCell[]> {
  const households: { id: string; path: string; cadence: number; registeredOn: string }[] = await em.query(
    'SELECT h.id AS id, g.path AS path, h.cadenceDays AS cadence, h.registeredOn AS registeredOn FROM households h JOIN org_nodes g ON g.id = h.gridId',
  );
  if (!households.length) return [];
  const longest = households.reduce((m, h) => Math.max(m, Number(h.cadence)), 1);
  const [from, to] = dayBounds(em, [addDays(days[0], -longest), days[days.length - 1]]);
  const visits: { householdId: string; day: string }[] = await em.query(
    `SELECT v.householdId AS householdId, ${beijingDaySql(em, 'v.visitedAt')} AS day FROM care_visits v
      WHERE v.visitedAt >= ? AND v.visitedAt < ? AND NOT EXISTS (SELECT 1 FROM care_visits c WHERE c.correctsVisitId = v.id)`,
    [from, to],
  );
  const visitDays = new Map<string, string[]>();
  for (const v of visits) {
    const list = visitDays.get(v.householdId);
    if (list) list.push(String(v.day));
    else visitDays.set(v.householdId, [String(v.day)]);
  }
  const cells = new Map<string, MetricCell>();
  for (const h of households) {
    const seen = (visitDays.get(h.id) ?? []).sort();
    let next = 0;
    let latest = '';
    for (const d of days) {
      if (h.registeredOn > d) continue;
      while (next < seen.length && seen[next] <= d) latest = seen[next++];
      const key = `${h.path}|${d}`;
      const cell = cells.get(key) ?? { path: h.path, day: d, num: 0, den: 0 };
      cell.den += 1;
      if (latest && latest >= addDays(d, 1 - Number(h.cadence))) cell.num += 1;
      cells.set(key, cell);
    }
  }
  return [...cells.values()];
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
  // Visits are append-only and their ids start with their creation time: the primary key finds the new
  // ones without a scan (care_visits has no index on createdAt).
  const after = idFloor(since.getTime());
  const rows: { day: string }[] = await em.query(
    `SELECT ${beijingDaySql(em, 'v.visitedAt')} AS day FROM care_visits v WHERE v.id >= ?
     UNION SELECT ${beijingDaySql(em, 'o.visitedAt')} FROM care_visits c JOIN care_visits o ON o.id = c.correctsVisitId WHERE c.id >= ?
     UNION SELECT registeredOn FROM households WHERE createdAt > ?`,
    [after, after, s],
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
