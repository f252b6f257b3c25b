import type { EntityManager } from 'typeorm';
import { addDays, beijingDayStart } from '@honglin/shared';
import type { MetricCell } from '../common/metric.js';

/**
 * Portable pieces of the domains' metric recomputes (SQLite and MariaDB differ in date arithmetic
 * and in how a datetime is bound). Only repositories call these, as part of their own queries.
 */
const sqlite = (em: EntityManager) => em.connection.options.type === 'better-sqlite3';

/** SQL for the Beijing day ('YYYY-MM-DD') of a UTC datetime column. */
export function beijingDaySql(em: EntityManager, column: string): string {
  return sqlite(em) ? `strftime('%Y-%m-%d', ${column}, '+8 hours')` : `DATE_FORMAT(${column} + INTERVAL 8 HOUR, '%Y-%m-%d')`;
}

/** An instant as the driver stores datetimes (SQLite keeps text, MariaDB a DATETIME). */
export function timeParam(em: EntityManager, at: Date): unknown {
  return sqlite(em) ? at.toISOString().replace('T', ' ').replace('Z', '') : at;
}

/** SQL for `timeExpr` minus `daysExpr` days (both SQL). */
export function minusDaysSql(em: EntityManager, timeExpr: string, daysExpr: string): string {
  return sqlite(em) ? `strftime('%Y-%m-%d %H:%M:%f', ${timeExpr}, '-' || (${daysExpr}) || ' days')` : `(${timeExpr} - INTERVAL (${daysExpr}) DAY)`;
}

/**
 * A derived table `alias(d, e)` of the given Beijing days and the UTC instant each ends at, for
 * snapshot metrics that count a state at the end of every day in one statement.
 */
export function daysTable(em: EntityManager, days: string[], alias = 'days'): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const rows = days.map((d, i) => {
    params.push(d, timeParam(em, beijingDayStart(addDays(d, 1))));
    return i === 0 ? 'SELECT ? AS d, ? AS e' : 'SELECT ?, ?';
  });
  // MariaDB needs the bound instant typed as a datetime to compare with DATETIME columns by value.
  const e = sqlite(em) ? 'e' : 'CAST(e AS DATETIME(6))';
  return { sql: `(SELECT d, ${e} AS e FROM (${rows.join(' UNION ALL ')}) raw_days) ${alias}`, params };
}

/** The UTC bounds of a list of consecutive Beijing days, bound for the driver. */
export function dayBounds(em: EntityManager, days: string[]): [unknown, unknown] {
  return [timeParam(em, beijingDayStart(days[0])), timeParam(em, beijingDayStart(addDays(days[days.length - 1], 1)))];
}

/** Rows of `path, day, num, den` as cells (SUM is a string on mysql2). */
export function toCells(rows: { path: string; day: string; num: unknown; den?: unknown }[]): MetricCell[] {
  return rows.map((r) => ({ path: r.path, day: String(r.day), num: Number(r.num ?? 0), den: Number(r.den ?? 0) }));
}

/** Splits an ascending day list into runs of consecutive days (flow metrics query each run by range). */
export function runsOf(days: string[]): string[][] {
  const runs: string[][] = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && addDays(last[last.length - 1], 1) === d) last.push(d);
    else runs.push([d]);
  }
  return runs;
}

const memos = new WeakMap<EntityManager, Map<string, Promise<unknown>>>();

/**
 * One computation per transaction for metrics that share a source (coverage and overdue, the tag
 * counts): the rollup refresh runs every metric in one transaction, whose source rows do not change.
 */
export function oncePerTransaction<T>(em: EntityManager, key: string, compute: () => Promise<T>): Promise<T> {
  let memo = memos.get(em);
  if (!memo) memos.set(em, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as Promise<T>;
}
