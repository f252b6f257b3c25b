import { Injectable } from '@nestjs/common';
import { ANALYTICS_MAX_DAYS, ANALYTICS_THEMES, beijingDay, daysInRange, previousRange, type DashboardQuery, type DashboardView, type Role } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import type { MetricDefinition } from '../common/metric.js';
import { OrgRepository } from '../organizations/org.repository.js';
import type { OrgNode } from '../organizations/org-node.entity.js';
import { figures } from './figures.js';
import { RollupRepository } from './rollup.repository.js';
import { RollupService } from './rollup.service.js';

/** Who may open 数据看板: grid workers (their grids), organisers and admins (their community, branch or street). */
export const DASHBOARD_ROLES: readonly Role[] = ['grid_worker', 'organiser', 'admin'];
const PARTY_KINDS = new Set(['committee', 'general_branch', 'branch', 'group']);
/**
 * Nodes whose children carry figures: cells are counted per grid (area) and per branch (Party), so a
 * grid's buildings and a branch's groups would only show zeros, and smaller cells besides.
 */
const DRILLABLE = new Set(['street', 'community', 'committee', 'general_branch']);

export interface ViewRequest {
  node: OrgNode;
  from: string;
  to: string;
  grain: DashboardQuery['grain'];
  metrics?: string[];
}

/** The dashboards' figures, read from the rollups only, with scope and small-cell suppression. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly rollups: RollupService,
    private readonly repo: RollupRepository,
    private readonly org: OrgRepository,
  ) {}

  /** The caller's top nodes (what the node picker starts from). */
  async roots(actor: Actor): Promise<OrgNode[]> {
    const paths = this.scopePaths(actor);
    return this.org.findNodes(paths.map((p) => p.split('/').filter(Boolean).pop()!));
  }

  async view(actor: Actor, q: DashboardQuery): Promise<DashboardView> {
    const metrics = this.parseMetrics(q.metrics);
    checkRange(q.from, q.to);
    const node = await this.nodeInScope(actor, q.nodeId);
    return this.compute({ node, from: q.from, to: q.to, grain: q.grain, metrics });
  }

  /** Resolves the node a caller asked for: theirs by default, refused outside their scope. */
  async nodeInScope(actor: Actor, nodeId?: string): Promise<OrgNode> {
    const paths = this.scopePaths(actor);
    const id = nodeId ?? paths[0].split('/').filter(Boolean).pop()!;
    const node = await this.org.findNode(id);
    if (!node) throw AppError.notFound();
    if (!paths.some((p) => node.path.startsWith(p))) throw new AppError('ANALYTICS_NODE_OUT_OF_SCOPE');
    return node;
  }

  parseMetrics(list?: string): string[] | undefined {
    if (!list) return undefined;
    const keys = list.split(',').map((k) => k.trim()).filter(Boolean);
    const known = new Set(this.rollups.definitions().map((m) => m.key));
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length) throw new AppError('ANALYTICS_UNKNOWN_METRIC', unknown.map((k) => ({ field: 'metrics', message: `没有指标“${k}”` })));
    return keys;
  }

  /** The figures of a node (also the kiosk's, whose scope is its link). */
  async compute({ node, from, to, grain, metrics }: ViewRequest): Promise<DashboardView> {
    const tree = PARTY_KINDS.has(node.kind) ? 'party' : 'area';
    const defs = this.rollups.definitions().filter((m) => m.tree === tree && (!metrics || metrics.includes(m.key)))
      .sort((a, b) => ANALYTICS_THEMES.indexOf(a.theme) - ANALYTICS_THEMES.indexOf(b.theme));
    const today = beijingDay(clock.now());
    const last = to < today ? to : today;
    const previous = previousRange(from, to);
    const keys = defs.map((m) => m.key);
    const rows = await this.repo.atNode(keys, node.path, previous.from, last);
    const children = DRILLABLE.has(node.kind) ? await this.org.children(node.id) : [];
    const paths = children.map((c) => c.path);
    const snap = (m: MetricDefinition) => m.kind === 'snapshot';
    const sums = await this.repo.childSums(defs.filter((m) => !snap(m)).map((m) => m.key), paths, from, last);
    const lastDays = await this.repo.childDay(defs.filter(snap).map((m) => m.key), paths, last);
    const childRows = [...sums, ...lastDays];
    return {
      node: { id: node.id, name: node.name, kind: node.kind, parentId: node.parentId },
      from,
      to,
      grain,
      previous,
      refreshedAt: (await this.repo.lastRefresh())?.toISOString() ?? null,
      metrics: defs.map((m) =>
        figures({
          metric: m,
          rows: rows.filter((r) => r.metric === m.key),
          from,
          to: last,
          previous,
          grain,
          children: children.map((c) => ({ nodeId: c.id, name: c.name, value: childRows.find((r) => r.metric === m.key && r.path === c.path) })),
        }),
      ),
    };
  }

  private scopePaths(actor: Actor): string[] {
    const paths = [...new Set(actor.grants.filter((g) => DASHBOARD_ROLES.includes(g.role)).map((g) => g.path))]
      .filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q)))
      .sort((a, b) => a.length - b.length);
    if (!paths.length) throw new AppError('ANALYTICS_STAFF_ONLY');
    return paths;
  }
}

/** Reversed ranges and ranges over 3 years are refused before anything is read. */
export function checkRange(from: string, to: string): void {
  if (from > to) throw new AppError('ANALYTICS_RANGE_REVERSED');
  if (daysInRange(from, to) > ANALYTICS_MAX_DAYS) throw new AppError('ANALYTICS_RANGE_TOO_LONG');
}
