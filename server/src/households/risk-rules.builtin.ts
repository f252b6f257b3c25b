import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ageOn, chinaDay, daysBetween, formatChinaDate, VISIT_SITUATION_LABELS } from '@honglin/shared';
import { CareRepository } from './care.repository.js';
import { label } from './care-views.js';
import { HouseholdsRepository } from './households.repository.js';
import { asDate, RiskFactsRepository } from './risk-facts.repository.js';
import { RiskRules, type RiskContext, type RiskFinding, type RiskRule } from './risk-rules.js';

/**
 * 独居老人久未走访: someone living alone, not visited for `cadences` × their household's cadence, and
 * with no sign of life in the product (login, check-in, sign-up, family acting for them) for
 * `silentDays`. Both in whole Asia/Shanghai days, so it fires on the day it should and not before.
 */
@Injectable()
export class ElderAloneUnvisitedRule implements RiskRule, OnModuleInit {
  readonly code = 'elder_alone_unvisited';
  readonly level = 'red' as const;
  readonly defaults = { cadences: 2, silentDays: 7 };

  constructor(
    private readonly rules: RiskRules,
    private readonly facts: RiskFactsRepository,
    private readonly households: HouseholdsRepository,
  ) {}

  onModuleInit(): void {
    this.rules.register(this);
  }

  async evaluate(ctx: RiskContext): Promise<RiskFinding[]> {
    const elders = await this.facts.elderAlone(ctx.today, ctx.householdIds);
    if (!elders.length) return [];
    const signs = await this.facts.lastSignOfLife(elders.map((e) => e.userId));
    const buildings = new Map((await this.households.nodes(elders.map((e) => e.buildingId))).map((n) => [n.id, n.name]));
    const out: RiskFinding[] = [];
    for (const e of elders) {
      const cadence = Number(e.cadenceDays);
      const lastVisit = asDate(e.lastVisitAt);
      const since = daysBetween(lastVisit ? chinaDay(lastVisit) : e.registeredOn, ctx.today);
      if (since < cadence * (await ctx.threshold(e.communityId, this, 'cadences'))) continue;
      const silentDays = await ctx.threshold(e.communityId, this, 'silentDays');
      const sign = signs.get(e.userId);
      const silent = sign ? daysBetween(chinaDay(sign), ctx.today) : null;
      if (silent !== null && silent < silentDays) continue;
      const age = ageOn(ctx.today, e.birthDate, e.birthYear === null ? null : Number(e.birthYear));
      const who = `独居老人${e.name}（${age !== null ? `${age}岁，` : ''}${label(e.unit, e.room, buildings.get(e.buildingId))}）`;
      const visited = lastVisit ? `已${since}天未走访（应每${cadence}天走访一次）` : `建档${since}天以来从未走访（应每${cadence}天走访一次）`;
      const quiet = silent === null ? '在小程序里也从没有登录、签到、报名或家属代办记录' : `近${silent}天在小程序里也没有登录、签到、报名或家属代办记录`;
      out.push({
        subjectId: e.userId,
        subjectUserId: e.userId,
        householdId: e.householdId,
        communityId: e.communityId,
        path: e.path,
        factKey: `v:${lastVisit ? lastVisit.toISOString() : 'none'}|s:${sign ? sign.toISOString() : 'none'}`,
        sentence: `${who}${visited}，${quiet}，请尽快上门或电话确认安全。`,
      });
    }
    return out;
  }
}

/** 连续无人应答: the household's last `count` standing visits all found nobody at home. */
@Injectable()
export class RepeatedNoAnswerRule implements RiskRule, OnModuleInit {
  readonly code = 'no_answer_repeated';
  readonly level = 'orange' as const;
  readonly defaults = { count: 2 };

  constructor(
    private readonly rules: RiskRules,
    private readonly facts: RiskFactsRepository,
    private readonly households: HouseholdsRepository,
    private readonly care: CareRepository,
  ) {}

  onModuleInit(): void {
    this.rules.register(this);
  }

  async evaluate(ctx: RiskContext): Promise<RiskFinding[]> {
    const ids = await this.facts.lastVisitNoAnswer(ctx.householdIds);
    const households = await this.households.households(ids);
    const buildings = new Map((await this.households.nodes(households.map((h) => h.buildingId))).map((n) => [n.id, n.name]));
    const out: RiskFinding[] = [];
    for (const h of households) {
      const count = await ctx.threshold(h.communityId, this, 'count');
      const last = await this.care.standingVisits(h.id, count);
      if (last.length < count || last.some((v) => v.situation !== 'no_answer')) continue;
      const days = last.map((v) => formatChinaDate(v.visitedAt)).reverse().join('、');
      out.push({
        subjectId: h.id,
        subjectUserId: null,
        householdId: h.id,
        communityId: h.communityId,
        path: h.path,
        factKey: `visit:${last[0].id}`,
        sentence: `${label(h.unit, h.room, buildings.get(h.buildingId))}连续${count}次走访${VISIT_SITUATION_LABELS.no_answer}（${days}），请联系紧急联系人或家属确认住户情况。`,
      });
    }
    return out;
  }
}
