import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, beijingDay, eachDay } from '@honglin/shared';
import { clock } from '../common/clock.js';
import { METRIC_DEFINITIONS, type MetricCell, type MetricDefinition } from '../common/metric.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { RollupRepository, type RollupRow } from './rollup.repository.js';

/** How far back the first refresh of a metric (empty feed state) builds. */
export const INITIAL_DAYS = 400;
/** Rows committed a little before the watermark was read must not be missed: recounting is idempotent. */
const WATERMARK_MARGIN_MS = 60_000;
const REBUILD_CHUNK_DAYS = 31;

/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']: a cell counts at its node and every ancestor. */
export function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** A metric's source cells as rollup rows: added up per node (leaf and ancestors) and day. */
export function expand(metric: string, cells: MetricCell[]): RollupRow[] {
  const sums = new Map<string, RollupRow>();
  for (const c of cells) {
    for (const path of ancestors(c.path)) {
      const key = `${path}|${c.day}`;
      const row = sums.get(key);
      if (row) {
        row.num += c.num;
        row.den += c.den;
      } else sums.set(key, { metric, path, day: c.day, num: c.num, den: c.den });
    }
  }
  return [...sums.values()];
}

export interface Mismatch {
  metric: string;
  path: string;
  day: string;
  rollup: [number, number];
  source: [number, number];
}

/**
 * Keeps the rollup table equal to the domains' recomputes. Each metric's refresh (or each chunk of a
 * rebuild) is one transaction that replaces whole days: a run killed halfway commits nothing of the
 * day it was on, and a rerun converges on the same rows.
 */
@Injectable()
export class RollupService {
  constructor(
    @Inject(METRIC_DEFINITIONS) private readonly metrics: MetricDefinition[],
    private readonly repo: RollupRepository,
    private readonly tx: TransactionRunner,
  ) {}

  definitions(): MetricDefinition[] {
    return this.metrics;
  }

  /**
   * The incremental refresh of every metric, in one transaction (metrics sharing a source compute it
   * once, and a run killed anywhere commits nothing); returns how many days were recounted.
   */
  async refresh(now = clock.now()): Promise<number> {
    return this.tx.run(async (em) => {
      let recounted = 0;
      for (const m of this.metrics) recounted += await this.refreshIn(em, m, now);
      return recounted;
    });
  }

  async refreshMetric(m: MetricDefinition, now = clock.now()): Promise<number> {
    return this.tx.run((em) => this.refreshIn(em, m, now));
  }

  private async refreshIn(em: EntityManager, m: MetricDefinition, now: Date): Promise<number> {
    const today = beijingDay(now);
    // createdAt/updatedAt columns come from the database's wall clock, business times from the one
    // Clock: the earlier of the two keeps both kinds of change after the watermark.
    const watermark = new Date(Math.min(now.getTime(), Date.now()) - WATERMARK_MARGIN_MS);
    const state = await this.repo.feedState(em, m.key);
    const days = state ? await this.daysToRecount(em, m, state.watermark, today) : eachDay(addDays(today, -INITIAL_DAYS), today);
    if (days.length) await this.replace(em, m, days);
    await this.repo.saveFeedState(em, { metric: m.key, watermark, refreshedAt: now });
    return days.length;
  }

  private async daysToRecount(em: EntityManager, m: MetricDefinition, since: Date, today: string): Promise<string[]> {
    const dirty = await this.repo.dirtyDays(em, m.key);
    const changed = (await m.source.changedDays?.(em, since)) ?? [];
    const set = new Set<string>([...dirty, ...changed, ...eachDay(addDays(today, -m.settleDays), today)]);
    const floor = addDays(today, -3 * 366);
    let days = [...set].filter((d) => d <= today && d >= floor).sort();
    // A state changed on day d holds on every later day: recount from the earliest change to today.
    if (m.kind === 'snapshot' && days.length) days = eachDay(days[0], today);
    if (dirty.length) await this.repo.clearDirty(em, m.key, dirty);
    return days;
  }

  private async replace(em: EntityManager, m: MetricDefinition, days: string[]): Promise<void> {
    const rows = expand(m.key, await m.source.recompute(em, days));
    await this.repo.replaceDays(em, m.key, days, rows);
  }

  /** Rebuilds every metric (or the given ones) from source for a day range, a month per transaction. */
  async rebuild(from: string, to: string, keys?: string[], now = clock.now()): Promise<void> {
    const last = to < beijingDay(now) ? to : beijingDay(now);
    const days = eachDay(from, last);
    for (const m of this.metrics.filter((x) => !keys || keys.includes(x.key))) {
      for (let i = 0; i < days.length; i += REBUILD_CHUNK_DAYS) {
        const chunk = days.slice(i, i + REBUILD_CHUNK_DAYS);
        await this.tx.run((em) => this.replace(em, m, chunk));
      }
    }
  }

  /** Compares the rollups with a fresh recompute over a range: every differing (metric, node, day). */
  async check(from: string, to: string, now = clock.now()): Promise<Mismatch[]> {
    const last = to < beijingDay(now) ? to : beijingDay(now);
    const days = eachDay(from, last);
    const out: Mismatch[] = [];
    if (!days.length) return out;
    for (const m of this.metrics) {
      const source = expand(m.key, await this.tx.run((em) => m.source.recompute(em, days)));
      const stored = new Map((await this.repo.range(m.key, from, last)).map((r) => [`${r.path}|${r.day}`, r]));
      for (const s of source) {
        const r = stored.get(`${s.path}|${s.day}`);
        stored.delete(`${s.path}|${s.day}`);
        if ((r?.num ?? 0) !== s.num || (r?.den ?? 0) !== s.den) out.push({ metric: m.key, path: s.path, day: s.day, rollup: [r?.num ?? 0, r?.den ?? 0], source: [s.num, s.den] });
      }
      for (const r of stored.values()) if (r.num !== 0 || r.den !== 0) out.push({ metric: m.key, path: r.path, day: r.day, rollup: [r.num, r.den], source: [0, 0] });
    }
    return out;
  }

  /**
   * For a domain's change no timestamp shows (a deletion): recount these days at the next refresh
   * (a snapshot metric from the earliest of them to today). A key ending in '*' means every metric
   * starting so ('people.tag.*'). Call it inside the transaction of the change.
   */
  async touch(em: EntityManager, metricKeys: string[], days: string[], now = clock.now()): Promise<void> {
    const keys = this.metrics.map((m) => m.key).filter((k) => metricKeys.some((p) => (p.endsWith('*') ? k.startsWith(p.slice(0, -1)) : k === p)));
    for (const key of keys) await this.repo.markDirty(em, key, days, now);
  }
}
