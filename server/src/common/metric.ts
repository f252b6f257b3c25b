import type { EntityManager } from 'typeorm';
import type { AnalyticsTheme } from '@honglin/shared';

/**
 * The metric registry's one contract (ADR 0018). A domain declares its figures in
 * `<domain>/<domain>.metrics.ts` and lists them in its Domain descriptor (`metrics`); the analytics
 * domain receives every definition through the METRIC_DEFINITIONS token and never imports a domain.
 * Adding a metric therefore touches only the domain that owns the data: no dashboard code changes.
 */

/** One cell of a metric's source recompute: a leaf org path, a Beijing day, a numerator and a denominator. */
export interface MetricCell {
  path: string;
  day: string;
  num: number;
  /** 0 unless the metric is a ratio (the dashboard shows num / den as a percentage). */
  den: number;
}

export interface MetricSource {
  /**
   * Every cell of the given Beijing days (an ascending list), straight from the domain's tables.
   * Must be a pure function of the data: the rollup keeps exactly what this returns, and the check
   * command compares the two. The SQL lives in the owning domain's repository file.
   */
  recompute(em: EntityManager, days: string[]): Promise<MetricCell[]>;
  /**
   * The Beijing days whose cells rows changed since `since` would alter (changed-since feed, read
   * from the domain's createdAt/updatedAt-like columns). Omit when `settleDays` covers every change.
   */
  changedDays?(em: EntityManager, since: Date): Promise<string[]>;
}

export interface MetricDefinition {
  /** Stable key, `<theme>.<name>`; dashboards, exports and kiosk views address the metric by it. */
  key: string;
  theme: AnalyticsTheme;
  /** Chinese title of the chart. */
  title: string;
  /** One Chinese sentence shown under the chart: exactly what is counted. */
  definition: string;
  /** Chinese unit ('户', '人', '次', '小时'); ratios are shown in % whatever this says. */
  unit: string;
  /**
   * 'flow': events per day, added up over a period (visits made). 'snapshot': a state at the end of
   * each day; a period shows its last day (households covered).
   */
  kind: 'flow' | 'snapshot';
  ratio?: boolean;
  /** A fall is good news (overdue visits, escalations): the trend arrow is coloured accordingly. */
  lowerIsBetter?: boolean;
  /** num is stored in this unit and shown multiplied by `scale` (half hours → hours: 0.5). */
  scale?: number;
  /** Counts people with a sensitive tag (低保, 特困, 残疾, 独居老人): small cells become '<5'. */
  sensitive: boolean;
  /** Which organisation tree the cells' paths are in: the area tree (street…grid) or the Party tree. */
  tree: 'area' | 'party';
  /**
   * How the rollup is fed incrementally: every refresh recomputes today and the `settleDays` days
   * before it (figures that change without a row's timestamp showing it, such as escalations), the days `changedDays` reports since the last refresh, and
   * days a domain marked with `AnalyticsFeed.touch` in the transaction of a change (deletions).
   */
  settleDays: number;
  source: MetricSource;
}

/** DI token: every domain's metric definitions, provided by the app module from src/domains.ts. */
export const METRIC_DEFINITIONS = Symbol('METRIC_DEFINITIONS');
