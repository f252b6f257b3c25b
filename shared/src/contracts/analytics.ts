import { z } from 'zod';
import { ANALYTICS_GRAINS, type AnalyticsGrain } from '../analytics.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 年-月-日' }).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: '没有这一天' });
const NodeId = z.string().regex(/^[0-9A-Za-z]{26}$/, { error: '组织节点不存在' });

/** A dashboard request: the node (default: the caller's own top node), the range and the grain. */
export const DashboardQuery = z.object({
  nodeId: NodeId.optional(),
  from: Day,
  to: Day,
  grain: z.enum(ANALYTICS_GRAINS, { error: '统计粒度只能是日、周或月' }).default('day'),
  /** Comma-separated metric keys; all the caller may see when absent. */
  metrics: z.string().max(2000).optional(),
});
export type DashboardQuery = { nodeId?: string; from: string; to: string; grain: AnalyticsGrain; metrics?: string };

/** One metric's table as an Excel file. */
export const ExportQuery = DashboardQuery.extend({ metric: z.string().min(1).max(60) });
export type ExportQuery = DashboardQuery & { metric: string };

/** A read-only 大屏 link: which node, for how long. */
export const CreateKioskLinkRequest = z.object({
  nodeId: NodeId,
  title: z.string().trim().min(1).max(40).optional(),
  hours: z.number({ error: '请填写有效小时数' }).int().min(1).max(24 * 90, { error: '大屏链接最长有效90天' }),
}).strict();
export type CreateKioskLinkRequest = { nodeId: string; title?: string; hours: number };

export type ShownValue = number | '<5';

export interface MetricInfo {
  key: string;
  theme: string;
  title: string;
  definition: string;
  unit: string;
  ratio: boolean;
  sensitive: boolean;
  lowerIsBetter: boolean;
}

/** A metric's figures for one node: the total, the previous period, the series and the children. */
export interface MetricFigures extends MetricInfo {
  value: ShownValue | null;
  previous: ShownValue | null;
  series: { bucket: string; value: ShownValue | null }[];
  children: { nodeId: string; name: string; value: ShownValue | null }[];
  top: { nodeId: string; name: string; value: ShownValue | null }[];
  bottom: { nodeId: string; name: string; value: ShownValue | null }[];
}

export interface DashboardView {
  node: { id: string; name: string; kind: string; parentId: string | null };
  from: string;
  to: string;
  grain: AnalyticsGrain;
  previous: { from: string; to: string };
  metrics: MetricFigures[];
  refreshedAt: string | null;
}

export interface KioskLinkView {
  id: string;
  token?: string;
  nodeId: string;
  nodeName: string;
  title: string | null;
  expiresAt: string;
  revokedAt: string | null;
}
