import { Injectable, type OnModuleInit } from '@nestjs/common';
import { chinaDay, daysBetween, VERIFY_FIELD_LABELS } from '@honglin/shared';
import { HouseholdsRepository } from '../households/households.repository.js';
import { RiskRules, type RiskContext, type RiskFinding, type RiskRule } from '../households/risk-rules.js';
import { RosterRepository } from './roster.repository.js';

const DAY_MS = 86_400_000;

/** 核验久未处理: two sources disagree about a person and nobody has checked for `days` (default 30). */
@Injectable()
export class VerificationOverdueRule implements RiskRule, OnModuleInit {
  readonly code = 'verification_overdue';
  readonly level = 'yellow' as const;
  readonly defaults = { days: 30 };

  constructor(
    private readonly rules: RiskRules,
    private readonly repo: RosterRepository,
    private readonly households: HouseholdsRepository,
  ) {}

  onModuleInit(): void {
    this.rules.register(this);
  }

  async evaluate(ctx: RiskContext): Promise<RiskFinding[]> {
    const open = (await this.repo.openTasksSince(new Date(ctx.now.getTime() - DAY_MS), ctx.householdIds)).filter((t) => t.householdId);
    const names = new Map((await this.households.users(open.map((t) => t.userId))).map((u) => [u.id, u.name]));
    const out: RiskFinding[] = [];
    for (const t of open) {
      const days = daysBetween(chinaDay(t.createdAt), ctx.today);
      if (days < (await ctx.threshold(t.communityId, this, 'days'))) continue;
      out.push({
        subjectId: t.id, subjectUserId: t.userId, householdId: t.householdId!, communityId: t.communityId, path: t.path, factKey: `verification:${t.id}`,
        sentence: `${names.get(t.userId) ?? '居民'}的“${VERIFY_FIELD_LABELS[t.field]}”在不同名单中不一致，自${chinaDay(t.createdAt)}起已${days}天未核实，请在下次走访时确认。`,
      });
    }
    return out;
  }
}
