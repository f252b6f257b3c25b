import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { insertRows } from '../database/fast-sql.js';
import { AnalyticsDirtyDay, AnalyticsFeedState, AnalyticsRollup } from './analytics.entities.js';

export interface RollupRow {
  metric: string;
  path: string;
  day: string;
  num: number;
  den: number;
}

const CHUNK = 400;
const marks = (n: number) => Array(n).fill('?').join(', ');
const numeric = (rows: RollupRow[]): RollupRow[] => rows.map((r) => ({ ...r, day: String(r.day), num: Number(r.num), den: Number(r.den) }));

/** The only queries of the analytics tables. Dashboards read these tables and nothing else. */
@Injectable()
export class RollupRepository {
  constructor(private readonly ds: DataSource) {}

  /** Replaces a metric's figures on the given days with `rows` (call inside the refresh's transaction). */
  async replaceDays(em: EntityManager, metric: string, days: string[], rows: RollupRow[]): Promise<void> {
    for (let i = 0; i < days.length; i += CHUNK) {
      const part = days.slice(i, i + CHUNK);
      await em.query(`DELETE FROM analytics_rollups WHERE metric = ? AND day IN (${marks(part.length)})`, [metric, ...part]);
    }
    for (let i = 0; i < rows.length; i += CHUNK) await insertRows(em, AnalyticsRollup, rows.slice(i, i + CHUNK));
  }

  async feedState(em: EntityManager, metric: string): Promise<AnalyticsFeedState | null> {
    return em.findOne(AnalyticsFeedState, { where: { metric } });
  }

  async saveFeedState(em: EntityManager, state: AnalyticsFeedState): Promise<void> {
    await em.save(AnalyticsFeedState, state);
  }

  async dirtyDays(em: EntityManager, metric: string): Promise<string[]> {
    const rows = await em.find(AnalyticsDirtyDay, { where: { metric }, order: { day: 'ASC' } });
    return rows.map((r) => r.day);
  }

  async clearDirty(em: EntityManager, metric: string, days: string[]): Promise<void> {
    for (let i = 0; i < days.length; i += CHUNK) {
      const part = days.slice(i, i + CHUNK);
      await em.query(`DELETE FROM analytics_dirty_days WHERE metric = ? AND day IN (${marks(part.length)})`, [metric, ...part]);
    }
  }

  async markDirty(em: EntityManager, metric: string, days: string[], now: Date): Promise<void> {
    await insertRows(em, AnalyticsDirtyDay, days.map((day) => ({ metric, day, createdAt: now })), { ignore: true });
  }

  /** Every stored figure of a metric over a day range (the check command compares these). */
  async range(metric: string, from: string, to: string): Promise<RollupRow[]> {
    return numeric(await this.ds.query('SELECT metric, path, day, num, den FROM analytics_rollups WHERE metric = ? AND day >= ? AND day <= ?', [metric, from, to]));
  }

  /** A node's figures per day for the given metrics (primary-key range reads). */
  async atNode(metrics: string[], path: string, from: string, to: string): Promise<RollupRow[]> {
    if (!metrics.length) return [];
    return numeric(await this.ds.query(`SELECT metric, path, day, num, den FROM analytics_rollups WHERE metric IN (${marks(metrics.length)}) AND path = ? AND day >= ? AND day <= ?`, [...metrics, path, from, to]));
  }

  /** Sums over the range per metric and child node (flow metrics). */
  async childSums(metrics: string[], paths: string[], from: string, to: string): Promise<RollupRow[]> {
    if (!metrics.length || !paths.length) return [];
    return numeric(await this.ds.query(
      `SELECT metric, path, '' AS day, SUM(num) AS num, SUM(den) AS den FROM analytics_rollups
        WHERE metric IN (${marks(metrics.length)}) AND path IN (${marks(paths.length)}) AND day >= ? AND day <= ? GROUP BY metric, path`,
      [...metrics, ...paths, from, to],
    ));
  }

  /** Figures of child nodes on one day (snapshot metrics). */
  async childDay(metrics: string[], paths: string[], day: string): Promise<RollupRow[]> {
    if (!metrics.length || !paths.length) return [];
    return numeric(await this.ds.query(`SELECT metric, path, day, num, den FROM analytics_rollups WHERE metric IN (${marks(metrics.length)}) AND path IN (${marks(paths.length)}) AND day = ?`, [...metrics, ...paths, day]));
  }

  async lastRefresh(): Promise<Date | null> {
    const [row] = await this.ds.query('SELECT MIN(refreshedAt) AS at FROM analytics_feed');
    return row?.at ? new Date(typeof row.at === 'string' ? `${row.at.replace(' ', 'T')}Z` : row.at) : null;
  }

}
