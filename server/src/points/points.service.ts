import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CAP_REASON_LABELS,
  DEFAULT_POINTS_RULES,
  POINTS_ACTION_LABELS,
  POINTS_ACTIONS,
  periodKey,
  SPENDING_ACTIONS,
  type LedgerEntryView,
  type Page,
  type PointsAction,
  type PointsRuleUpdate,
  type PointsRuleView,
  type PointsSummary,
  type RankingQuery,
  type RankingView,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { nodeRef } from '../organizations/node-chain.js';
import { OrgRepository } from '../organizations/org.repository.js';
import type { LedgerEntry } from './ledger-entry.entity.js';
import { LedgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';
import { PointsRepository } from './points.repository.js';
import { clock } from '../common/clock.js';

/** Actions a member earns by their own study and participation, shown as today's progress. */
const DAILY_ACTIONS: PointsAction[] = ['login', 'article_read', 'article_time', 'video_watch', 'video_time', 'daily_quiz', 'challenge_quiz', 'share', 'comment'];

/** What members see of their points, and organisers' rule settings. */
@Injectable()
export class PointsService {
  constructor(
    private readonly points: PointsRepository,
    private readonly ledgerRepo: LedgerRepository,
    private readonly ledger: LedgerService,
    private readonly org: OrgRepository,
    private readonly tx: TransactionRunner,
    private readonly ds: DataSource,
  ) {}

  async summary(actor: Actor, now = clock.now()): Promise<PointsSummary> {
    const [balance, tallies, member] = await Promise.all([
      this.points.balance(actor.userId),
      this.points.talliesFor(actor.userId, periodKey('day', now)),
      this.ledgerRepo.membership(this.ds.manager, actor.userId, null),
    ]);
    const byAction = new Map(tallies.map((t) => [t.action, t.awarded]));
    const rules = await this.effectiveRules(member.pathIds);
    return {
      balance,
      earnedToday: tallies.filter((t) => !SPENDING_ACTIONS.includes(t.action as PointsAction)).reduce((s, t) => s + t.awarded, 0),
      today: DAILY_ACTIONS.filter((a) => rules[a].active).map((action) => ({
        action,
        label: POINTS_ACTION_LABELS[action],
        awarded: byAction.get(action) ?? 0,
        dailyCap: rules[action].dailyCap,
      })),
    };
  }

  /** The daily login point, credited the first time a member opens the study tab on a Beijing day. */
  async creditDailyLogin(actor: Actor, now = clock.now()): Promise<void> {
    const day = periodKey('day', now);
    await this.tx.run((em) => this.ledger.credit(em, { userId: actor.userId, action: 'login', source: { type: 'daily_login', id: day }, idempotencyKey: `login:${actor.userId}:${day}`, nodeId: null, at: now }));
  }

  async history(actor: Actor, limit: number, cursor?: string): Promise<Page<LedgerEntryView>> {
    const rows = await this.points.history(actor.userId, limit + 1, cursor);
    const page = rows.slice(0, limit);
    return { items: page.map(entryView), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  /** Top N of my branch or community in a period, plus my own rank (ties share a rank). */
  async ranking(actor: Actor, q: RankingQuery, now = clock.now()): Promise<RankingView> {
    const member = await this.ledgerRepo.membership(this.ds.manager, actor.userId, null);
    const groupId = q.scope === 'branch' ? member.branchId : member.communityId;
    const key = q.period === 'all' ? 'all' : periodKey(q.period, now);
    if (!groupId) return { scope: q.scope, period: q.period, node: null, top: [], me: null };
    const [node, top, mine] = await Promise.all([this.org.findNode(groupId), this.points.top(q.scope, groupId, key, q.limit), this.points.myStanding(q.scope, groupId, key, actor.userId)]);
    let rank = 0;
    let last = Number.POSITIVE_INFINITY;
    return {
      scope: q.scope,
      period: q.period,
      node: nodeRef(node),
      top: top.map((r, i) => {
        if (r.points < last) rank = i + 1;
        last = r.points;
        return { rank, name: r.name, points: r.points, isMe: r.userId === actor.userId };
      }),
      me: { rank: mine.above + 1, points: mine.points },
    };
  }

  /** The rules in force on a node the organiser manages: defaults overlaid with inherited overrides. */
  async rulesAt(actor: Actor, nodeId: string): Promise<PointsRuleView[]> {
    const node = await this.org.findNode(nodeId);
    if (!node) throw AppError.notFound();
    assertManages(actor, node.path);
    const { rules, setAt } = await this.rulesWithOrigin(node.path.split('/').filter(Boolean));
    const origins = new Map((await this.org.findNodes([...new Set(setAt.values())])).map((n) => [n.id, nodeRef(n)]));
    return POINTS_ACTIONS.filter((a) => !SPENDING_ACTIONS.includes(a) && a !== 'adjustment').map((action) => ({
      action,
      label: POINTS_ACTION_LABELS[action],
      ...rules[action],
      setAt: origins.get(setAt.get(action) ?? '') ?? null,
    }));
  }

  async setRule(actor: Actor, dto: PointsRuleUpdate): Promise<PointsRuleView[]> {
    const node = await this.org.findNode(dto.nodeId);
    if (!node) throw AppError.notFound();
    assertManages(actor, node.path, ['organiser', 'admin']);
    const { nodeId, action, points, dailyCap, weeklyCap, yearlyCap, active } = dto;
    await this.tx.run((em) => this.points.saveOverride({ id: newId(), nodeId, action, points, dailyCap, weeklyCap, yearlyCap, active, updatedBy: actor.userId, updatedAt: clock.now() }, em));
    return this.rulesAt(actor, nodeId);
  }

  private async effectiveRules(pathIds: string[]) {
    return (await this.rulesWithOrigin(pathIds)).rules;
  }

  /** Defaults, then overrides from the root down: the nearest node's override wins. */
  private async rulesWithOrigin(pathIds: string[]) {
    const rules = { ...DEFAULT_POINTS_RULES };
    const setAt = new Map<PointsAction, string>();
    const overrides = await this.points.overridesOn(pathIds);
    overrides.sort((a, b) => pathIds.indexOf(a.nodeId) - pathIds.indexOf(b.nodeId));
    for (const o of overrides) {
      rules[o.action] = { points: o.points, dailyCap: o.dailyCap, weeklyCap: o.weeklyCap, yearlyCap: o.yearlyCap, active: o.active };
      setAt.set(o.action, o.nodeId);
    }
    return { rules, setAt };
  }
}

function entryView(e: LedgerEntry): LedgerEntryView {
  return {
    id: e.id,
    action: e.action,
    label: POINTS_ACTION_LABELS[e.action],
    amount: e.amount,
    requested: e.requested,
    capped: e.capped,
    capReason: e.capReason,
    note: e.note ?? (e.capReason ? CAP_REASON_LABELS[e.capReason] : null),
    source: { type: e.sourceType, id: e.sourceId },
    createdAt: e.at.toISOString(),
  };
}
