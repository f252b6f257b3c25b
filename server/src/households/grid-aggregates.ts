import { Injectable } from '@nestjs/common';
import {
  AGGREGATE_SUPPRESS_BELOW,
  chinaDay,
  SENSITIVE_TAGS,
  WARNING_LEVELS,
  type AggregateCount,
  type GridAggregateRow,
  type GridAggregatesView,
  type PersonTag,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { GridAggregatesRepository, type GridCounts } from './grid-aggregates.repository.js';
import { GRID_STAFF, gridPaths } from './grid-scope.js';
import { HouseholdsRepository } from './households.repository.js';

type Totals = Omit<GridAggregateRow, 'id' | 'name' | 'tags'> & { tags: Record<string, number> };

/**
 * 街道汇总: households, residents, overdue visits, open warnings and tagged people per community and
 * grid, for street staff (who never open a file) as well as the community's and the grid's own. Only
 * numbers leave here; a sensitive group (低保, 残疾, 特困) under 5 people is shown as “<5” to anyone
 * who is not staff of that grid or community (PIPL: a small count in a known building names people).
 */
@Injectable()
export class GridAggregates {
  constructor(
    private readonly repo: GridAggregatesRepository,
    private readonly households: HouseholdsRepository,
  ) {}

  async view(actor: Actor, now = clock.now()): Promise<GridAggregatesView> {
    const all = actor.grants.filter((g) => GRID_STAFF.includes(g.role)).map((g) => g.path);
    const paths = [...new Set(all)].filter((p) => !all.some((q) => q !== p && p.startsWith(q)));
    if (!paths.length) throw new AppError('GRID_STAFF_ONLY');
    const today = chinaDay(now);
    const counts = await this.repo.byGrid(paths, today);
    const grids = await this.households.nodes([...counts.keys()]);
    const communities = await this.households.nodes(grids.map((g) => g.parentId!).filter(Boolean));
    const staff = gridPaths(actor);
    const exact = (path: string) => staff.some((p) => path.startsWith(p));
    const rows = communities
      .sort(byName)
      .map((c) => {
        const mine = grids.filter((g) => g.parentId === c.id).sort(byName);
        const totals = mine.reduce((t, g) => add(t, counts.get(g.id)!), empty());
        return { ...shape(c.id, c.name, totals, mine.every((g) => exact(g.path))), grids: mine.map((g) => shape(g.id, g.name, counts.get(g.id)!, exact(g.path))) };
      });
    return { today, communities: rows };
  }
}

/** 一网格, 二网格, 三网格 in counting order (neither pinyin nor code points give it): numerals compared as digits. */
const NUMERALS = '一二三四五六七八九十';
const sortKey = (name: string) => name.replace(/[一二三四五六七八九十]/g, (c) => String(NUMERALS.indexOf(c) + 1).padStart(2, '0'));
const byName = (a: { name: string }, b: { name: string }) => (sortKey(a.name) < sortKey(b.name) ? -1 : sortKey(a.name) > sortKey(b.name) ? 1 : 0);

const empty = (): Totals => ({ households: 0, residents: 0, overdue: 0, openWarnings: { red: 0, orange: 0, yellow: 0 }, tags: {} });

function add(t: Totals, c: GridCounts): Totals {
  const tags = { ...t.tags };
  for (const [k, v] of Object.entries(c.tags)) tags[k] = (tags[k] ?? 0) + v;
  const openWarnings = { ...t.openWarnings };
  for (const l of WARNING_LEVELS) openWarnings[l] += c.warnings[l] ?? 0;
  return { households: t.households + c.households, residents: t.residents + c.residents, overdue: t.overdue + c.overdue, openWarnings, tags };
}

function shape(id: string, name: string, c: GridCounts | Totals, exact: boolean): GridAggregateRow {
  const t = 'gridId' in c ? add(empty(), c) : c;
  const tags: Partial<Record<PersonTag, AggregateCount>> = {};
  for (const [k, v] of Object.entries(t.tags)) tags[k as PersonTag] = !exact && SENSITIVE_TAGS.includes(k as PersonTag) && v < AGGREGATE_SUPPRESS_BELOW ? '<5' : v;
  return { id, name, households: t.households, residents: t.residents, overdue: t.overdue, openWarnings: t.openWarnings, tags };
}
