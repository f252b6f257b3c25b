import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CASE_CATEGORY_LABELS, type CaseCategory } from '@honglin/shared';
import { RiskRules, type RiskContext, type RiskFinding, type RiskRule } from '../households/risk-rules.js';
import { CasesRepository } from './cases.repository.js';

const DAY_MS = 86_400_000;

/**
 * 同一楼栋集中反映: three or more reports from one building filed within 7 days and still open — often one
 * cause (a failing pump, a blocked drain) behind several complaints. Registered with the households'
 * risk-rule registry, so it reaches the grid worker's warnings with their acknowledgement and escalation.
 */
@Injectable()
export class ReportClusterRule implements RiskRule, OnModuleInit {
  readonly code = 'reports_cluster';
  readonly level = 'orange' as const;
  readonly defaults = { reports: 3, days: 7 };

  constructor(
    private readonly rules: RiskRules,
    private readonly repo: CasesRepository,
  ) {}

  onModuleInit(): void {
    this.rules.register(this);
  }

  async evaluate(ctx: RiskContext): Promise<RiskFinding[]> {
    // About buildings, not households: an incremental run after a visit has nothing to add.
    if (ctx.householdIds) return [];
    const rows = await this.repo.openReportsSince(new Date(ctx.now.getTime() - 31 * DAY_MS));
    const byBuilding = new Map<string, typeof rows>();
    for (const r of rows) if (r.buildingId) byBuilding.set(r.buildingId, [...(byBuilding.get(r.buildingId) ?? []), r]);
    const names = new Map((await this.repo.nodes([...byBuilding.keys()])).map((n) => [n.id, n]));
    const out: RiskFinding[] = [];
    for (const [buildingId, all] of byBuilding) {
      const days = await ctx.threshold(all[0].communityId, this, 'days');
      const recent = all.filter((c) => c.createdAt.getTime() > ctx.now.getTime() - days * DAY_MS);
      if (recent.length < (await ctx.threshold(all[0].communityId, this, 'reports'))) continue;
      const building = names.get(buildingId);
      const kinds = [...new Set(recent.map((c) => CASE_CATEGORY_LABELS[c.category as CaseCategory] ?? c.category))].join('、');
      out.push({
        subjectId: buildingId,
        subjectUserId: null,
        householdId: null,
        communityId: all[0].communityId,
        path: building?.path ?? all[0].orgPath,
        factKey: `latest:${recent.map((c) => c.id).sort().pop()}`,
        sentence: `${building?.name ?? '一栋楼'}近${days}天有${recent.length}件居民反映仍未办结（${kinds}），请到楼里看看是否有共同的原因。`,
      });
    }
    return out;
  }
}
