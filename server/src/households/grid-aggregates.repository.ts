import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface GridCounts {
  gridId: string;
  households: number;
  overdue: number;
  residents: number;
  tags: Record<string, number>;
  warnings: Record<string, number>;
}

const scoped = (paths: string[]) => ({
  sql: `(${paths.map((_, i) => `h.path LIKE :p${i}`).join(' OR ')})`,
  params: Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])),
});

/** Counts per grid for the aggregate views: grouped in SQL, so no person row leaves the database. */
@Injectable()
export class GridAggregatesRepository {
  constructor(private readonly ds: DataSource) {}

  async byGrid(paths: string[], today: string): Promise<Map<string, GridCounts>> {
    const out = new Map<string, GridCounts>();
    if (!paths.length) return out;
    const s = scoped(paths);
    const row = (gridId: string) => {
      if (!out.has(gridId)) out.set(gridId, { gridId, households: 0, overdue: 0, residents: 0, tags: {}, warnings: {} });
      return out.get(gridId)!;
    };
    const q = () => this.ds.manager.createQueryBuilder().from('households', 'h').where(s.sql, s.params).groupBy('h.gridId').select('h.gridId', 'gridId');
    for (const r of await q().addSelect('COUNT(*)', 'n').addSelect('SUM(CASE WHEN h.nextDueOn < :today THEN 1 ELSE 0 END)', 'overdue').setParameter('today', today).getRawMany<{ gridId: string; n: unknown; overdue: unknown }>()) {
      Object.assign(row(r.gridId), { households: Number(r.n), overdue: Number(r.overdue ?? 0) });
    }
    for (const r of await q().innerJoin('household_members', 'm', 'm.householdId = h.id AND m.activeUserId IS NOT NULL').addSelect('COUNT(*)', 'n').getRawMany<{ gridId: string; n: unknown }>()) {
      row(r.gridId).residents = Number(r.n);
    }
    const tags = await q()
      .innerJoin('household_members', 'm', 'm.householdId = h.id AND m.activeUserId IS NOT NULL')
      .innerJoin('person_tags', 'pt', 'pt.userId = m.userId AND pt.removedAt IS NULL')
      .addGroupBy('pt.tag')
      .addSelect('pt.tag', 'tag')
      .addSelect('COUNT(DISTINCT pt.userId)', 'n')
      .getRawMany<{ gridId: string; tag: string; n: unknown }>();
    for (const r of tags) row(r.gridId).tags[r.tag] = Number(r.n);
    const warnings = await q()
      .innerJoin('risk_warnings', 'w', "w.householdId = h.id AND w.status <> 'resolved'")
      .addGroupBy('w.level')
      .addSelect('w.level', 'level')
      .addSelect('COUNT(*)', 'n')
      .getRawMany<{ gridId: string; level: string; n: unknown }>();
    for (const r of warnings) row(r.gridId).warnings[r.level] = Number(r.n);
    return out;
  }
}
