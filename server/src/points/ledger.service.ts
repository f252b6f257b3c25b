import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  applyCaps,
  CAP_REASON_LABELS,
  DEFAULT_POINTS_RULES,
  periodKey,
  requestedPoints,
  SPENDING_ACTIONS,
  type CapReason,
  type PointsAction,
  type PointsRule,
} from '@honglin/shared';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import type { LedgerEntry } from './ledger-entry.entity.js';
import { isDuplicateKey, LedgerRepository, type Membership } from './ledger.repository.js';
import { clock } from '../common/clock.js';

export interface CreditInput {
  userId: string;
  action: PointsAction;
  source: { type: string; id: string };
  idempotencyKey: string;
  nodeId: string | null;
  /** Units for per-unit actions (hours, correct answers), points for given-amount ones (mall, adjustment). */
  amount?: number;
  at?: Date;
  /** Why, in words (shown in the member's history). */
  note?: string;
}

export interface CreditResult {
  entryId: string;
  awarded: number;
  capped: boolean;
  capReason: CapReason | null;
  duplicate: boolean;
}

export interface ReverseResult {
  entryId: string;
  amount: number;
  duplicate: boolean;
}

const capPeriods = (at: Date) => [periodKey('day', at), periodKey('week', at), periodKey('year', at)];
const rankingPeriods = (at: Date) => ['all', periodKey('year', at), periodKey('month', at), periodKey('week', at)];

/**
 * The one points ledger. Every credit and debit of every feature comes through here, inside the
 * caller's transaction, so the points move if and only if the business change commits.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly repo: LedgerRepository) {}

  /**
   * Credits (or debits, amount < 0 for mall) inside the CALLER's transaction. Idempotent by
   * idempotencyKey: a repeat returns the first result and writes nothing. Applies the action's rule
   * (points per action, daily/weekly/yearly caps) inherited down the org tree; a credit over a cap
   * is recorded as capped (0 or partial) with the reason, not dropped.
   */
  async credit(em: EntityManager, input: CreditInput): Promise<CreditResult> {
    if (input.amount !== undefined && !Number.isSafeInteger(input.amount)) throw new AppError('VALIDATION_FAILED', [{ field: 'amount', message: '积分必须是整数' }]);
    // The upsert locks the member's balance row; its value matters only to a debit.
    const debit = (input.amount ?? 0) < 0;
    const balance = await this.repo.lockBalance(em, input.userId, debit);
    const existing = await this.repo.findByKey(em, input.idempotencyKey);
    if (existing) return this.duplicateOf(existing, input.userId);

    const at = input.at ?? clock.now();
    const member = await this.repo.membership(em, input.userId, input.nodeId);
    const { rule, ruleNodeId } = await this.ruleFor(em, input.action, member);
    const requested = requestedPoints(input.action, rule, input.amount);
    const spending = SPENDING_ACTIONS.includes(input.action);
    let result: { awarded: number; capped: boolean; reason: CapReason | null };
    if (spending || requested <= 0) {
      if (balance + requested < 0) throw new AppError('POINTS_INSUFFICIENT');
      result = { awarded: requested, capped: false, reason: null };
    } else {
      const keys = capPeriods(at);
      const used = await this.repo.tallies(em, input.userId, input.action, keys);
      result = applyCaps(requested, rule, { day: used.get(keys[0]) ?? 0, week: used.get(keys[1]) ?? 0, year: used.get(keys[2]) ?? 0 });
    }

    const entryId = newId();
    const inserted = await this.insertOnce(em, {
      id: entryId,
      userId: input.userId,
      action: input.action,
      amount: result.awarded,
      requested,
      capped: result.capped,
      capReason: result.reason,
      note: input.note ?? (result.reason ? CAP_REASON_LABELS[result.reason] : null),
      sourceType: input.source.type,
      sourceId: input.source.id,
      idempotencyKey: input.idempotencyKey,
      nodeId: input.nodeId,
      ruleNodeId,
      reversesEntryId: null,
      at,
      periodAt: at,
      createdAt: clock.now(),
    });
    // A concurrent retry committed the same key after our first look: answer with its result.
    if (inserted !== true) return inserted ? this.duplicateOf(inserted, input.userId) : Promise.reject(new AppError('POINTS_KEY_REUSED'));
    await this.apply(em, input.userId, input.action, member, at, result.awarded);
    return { entryId, awarded: result.awarded, capped: result.capped, capReason: result.reason, duplicate: false };
  }

  /**
   * Compensates an entry with a new one of the opposite amount, counted in the original's periods
   * (so a reversed credit frees its cap and leaves the rankings). Idempotent by key; an entry is
   * reversed at most once.
   */
  async reverse(em: EntityManager, entryId: string, reason: string, idempotencyKey: string): Promise<ReverseResult> {
    const original = await this.repo.findEntry(em, entryId);
    if (!original) throw AppError.notFound();
    await this.repo.lockBalance(em, original.userId, false);
    const existing = await this.repo.findByKey(em, idempotencyKey);
    if (existing) {
      if (existing.reversesEntryId !== entryId) throw new AppError('POINTS_KEY_REUSED');
      return { entryId: existing.id, amount: existing.amount, duplicate: true };
    }
    if (original.reversesEntryId || (await this.repo.reversalOf(em, entryId))) throw new AppError('POINTS_ALREADY_REVERSED');
    const action: PointsAction = original.action === 'mall_redeem' ? 'mall_refund' : original.action;
    const id = newId();
    const at = clock.now();
    const inserted = await this.insertOnce(em, {
      id,
      userId: original.userId,
      action,
      amount: -original.amount,
      requested: -original.amount,
      capped: false,
      capReason: null,
      note: reason.slice(0, 200),
      sourceType: original.sourceType,
      sourceId: original.sourceId,
      idempotencyKey,
      nodeId: original.nodeId,
      ruleNodeId: original.ruleNodeId,
      reversesEntryId: original.id,
      at,
      periodAt: original.periodAt,
      createdAt: at,
    });
    if (inserted !== true) {
      if (inserted && inserted.reversesEntryId === entryId) return { entryId: inserted.id, amount: inserted.amount, duplicate: true };
      throw new AppError(inserted ? 'POINTS_KEY_REUSED' : 'POINTS_ALREADY_REVERSED');
    }
    const member = await this.repo.membership(em, original.userId, null);
    await this.apply(em, original.userId, original.action, member, original.periodAt, -original.amount);
    return { entryId: id, amount: -original.amount, duplicate: false };
  }

  /**
   * Inserts the entry; nothing has changed before this point, so a unique-index refusal can be
   * answered without undoing anything. Returns true, the entry already holding the key, or null when
   * another unique rule refused it (the entry was reversed already).
   */
  private async insertOnce(em: EntityManager, entry: LedgerEntry): Promise<true | LedgerEntry | null> {
    try {
      await this.repo.insertEntry(em, entry);
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return this.repo.findByKey(em, entry.idempotencyKey, true);
    }
  }

  /** Balance, then (for earned points only) the cap tallies and ranking scores of the entry's periods. */
  private async apply(em: EntityManager, userId: string, action: PointsAction, member: Membership, periodAt: Date, amount: number) {
    if (amount === 0) return;
    await this.repo.addToBalance(em, userId, amount);
    if (SPENDING_ACTIONS.includes(action)) return;
    await this.repo.addToTallies(em, userId, action, capPeriods(periodAt), amount);
    await this.repo.addToScores(em, userId, member, rankingPeriods(periodAt), amount);
  }

  /** The deepest override on the way from the root to the node, else the built-in default. */
  private async ruleFor(em: EntityManager, action: PointsAction, member: Membership): Promise<{ rule: PointsRule; ruleNodeId: string | null }> {
    const overrides = await this.repo.ruleOverrides(em, action, member.pathIds);
    let best: { rule: PointsRule; ruleNodeId: string | null; depth: number } = { rule: DEFAULT_POINTS_RULES[action], ruleNodeId: null, depth: -1 };
    for (const o of overrides) {
      const depth = member.pathIds.indexOf(o.nodeId);
      if (depth > best.depth) {
        best = {
          rule: { points: Number(o.points), dailyCap: nullableNumber(o.dailyCap), weeklyCap: nullableNumber(o.weeklyCap), yearlyCap: nullableNumber(o.yearlyCap), active: !!Number(o.active) },
          ruleNodeId: o.nodeId,
          depth,
        };
      }
    }
    return best;
  }

  private duplicateOf(entry: LedgerEntry, userId: string): CreditResult {
    // The same key for someone else is a caller bug, not a retry: refuse rather than hide it.
    if (entry.userId !== userId) throw new AppError('POINTS_KEY_REUSED');
    return { entryId: entry.id, awarded: entry.amount, capped: entry.capped, capReason: entry.capReason, duplicate: true };
  }
}

const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
