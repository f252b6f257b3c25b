import { Injectable } from '@nestjs/common';
import type { WarningLevel } from '@honglin/shared';

/** One fact pattern a rule found: who it is about and the plain-Chinese sentence the grid worker reads. */
export interface RiskFinding {
  /** The person or household it is about: one open warning per rule and subject. */
  subjectId: string;
  subjectUserId: string | null;
  householdId: string | null;
  communityId: string;
  /** Where it sits in the org tree (a building's path): decides who sees it. */
  path: string;
  /** Identifies the facts: a resolved warning is raised again only when this changes. */
  factKey: string;
  sentence: string;
}

export interface RiskContext {
  now: Date;
  /** Asia/Shanghai day of `now`. */
  today: string;
  /** Incremental runs look at these households only; a full scan leaves it undefined. */
  householdIds?: string[];
  /** The community's setting for `${rule}.${key}`, else the rule's default. */
  threshold(communityId: string, rule: RiskRule, key: string): Promise<number>;
}

/**
 * A warning rule. Other domains add theirs (e.g. three reports from one building in a week) by
 * registering an object like this with RiskRules: the engine never changes.
 */
export interface RiskRule {
  code: string;
  level: WarningLevel;
  /** Threshold names and defaults, overridable per community in care settings. */
  defaults: Record<string, number>;
  evaluate(ctx: RiskContext): Promise<RiskFinding[]>;
}

/** The registry the engine reads; rules register on module init. */
@Injectable()
export class RiskRules {
  private readonly rules = new Map<string, RiskRule>();

  register(rule: RiskRule): void {
    this.rules.set(rule.code, rule);
  }

  all(): RiskRule[] {
    return [...this.rules.values()];
  }

  get(code: string): RiskRule | undefined {
    return this.rules.get(code);
  }
}
