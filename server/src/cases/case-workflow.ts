import { Injectable } from '@nestjs/common';
import { canCase, nextCaseStatus, type CaseAction, type CaseEventType, type CaseKind } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CaseKinds } from './case-kinds.js';
import { CaseNotices } from './case-notices.js';
import type { CaseEvent } from './case-parts.entity.js';
import { CasePlaces, type CasePlace } from './case-places.js';
import type { Case } from './case.entity.js';
import { CasesRepository } from './cases.repository.js';
import { addWorkingDays, dueSoonAt } from './working-days.js';

export interface OpenCase {
  kind: CaseKind;
  category: string;
  text: string;
  reporterId: string;
  filedById?: string | null;
  anonymous?: boolean;
  place: CasePlace;
  handlerId: string | null;
}

/** A step: the action, who did it, what it changes beyond the status, the timeline text, who else must hear. */
export interface CaseStep {
  action: CaseAction;
  actorId: string | null;
  event: CaseEventType;
  text?: string | null;
  patch?: Partial<Case>;
  /** Staff to tell (the handler of a reassigned case, organisers on an escalation). */
  staff?: string[];
  /** Extra work in the same transaction (a merge moves followers). */
  also?: (em: EntityManager, moved: Case) => Promise<void>;
}

/**
 * The one case workflow (ADR 0017): opening a case with its deadline clock, and every step after it —
 * status check, conditional update, timeline entry and notices in one transaction. Reports, disputes,
 * visit follow-ups and privacy complaints all go through here; the deadline code exists once.
 */
@Injectable()
export class CaseWorkflow {
  constructor(
    private readonly repo: CasesRepository,
    private readonly places: CasePlaces,
    private readonly notices: CaseNotices,
    private readonly kinds: CaseKinds,
    private readonly tx: TransactionRunner,
  ) {}

  /** The accept clock: clock hours for safety hazards (around the clock), else one working day. */
  async acceptClock(communityId: string, category: string, from: Date): Promise<Pick<Case, 'acceptDueAt' | 'dueAt' | 'dueSoonAt' | 'escalateAt'>> {
    const rule = await this.places.rule(communityId, category);
    const due = rule.acceptHours ? new Date(from.getTime() + rule.acceptHours * 3_600_000) : addWorkingDays(from, 1);
    return { acceptDueAt: due, dueAt: due, dueSoonAt: dueSoonAt(from, due), escalateAt: due };
  }

  /** The resolve clock from `from` (acceptance or a reopen); no escalation beyond the street. */
  async resolveClock(c: Pick<Case, 'kind' | 'communityId' | 'category' | 'escalationLevel'>, from: Date, level = c.escalationLevel): Promise<Partial<Case>> {
    const rule = await this.places.rule(c.communityId, c.category);
    const due = addWorkingDays(from, rule.resolveDays);
    return { resolveDueAt: due, dueAt: due, dueSoonAt: dueSoonAt(from, due), escalateAt: level < this.kinds.maxEscalation(c.kind) ? due : null };
  }

  /** Builds a new case (not yet written): `insert` writes it in the caller's transaction. */
  async build(spec: OpenCase, now = clock.now()): Promise<Case> {
    const place = spec.place;
    return {
      id: newId(),
      kind: spec.kind,
      category: spec.category,
      status: 'pending',
      text: spec.text,
      reporterId: spec.reporterId,
      filedById: spec.filedById ?? null,
      anonymous: spec.anonymous ?? false,
      communityId: place.community.id,
      gridId: place.grid?.id ?? null,
      buildingId: place.building?.id ?? null,
      orgPath: place.path,
      handlerId: spec.handlerId,
      ...(await this.acceptClock(place.community.id, spec.category, now)),
      resolveDueAt: null,
      escalationLevel: 0,
      acceptedAt: null,
      resolvedAt: null,
      closedAt: null,
      rating: null,
      reopenCount: 0,
      mergedIntoId: null,
      exitReason: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** Writes a built case, its reporter as first follower, the 'filed' step, and tells the handler. */
  async insert(em: EntityManager, c: Case): Promise<CaseEvent> {
    await this.repo.insert(em, c);
    await this.repo.follow(em, c.id, [c.reporterId]);
    const e = await this.repo.event(em, { caseId: c.id, at: c.createdAt, actorId: c.filedById ?? c.reporterId, type: 'filed', text: null });
    if (c.handlerId && !this.kinds.get(c.kind)?.ownNotices) await this.notices.staff(em, c, e, [c.handlerId], c.acceptDueAt.getTime() - c.createdAt.getTime() < 12 * 3_600_000);
    return e;
  }

  /** One step on a case the caller already loaded and authorised. */
  async step(c: Case, s: CaseStep, now = clock.now()): Promise<Case> {
    if (!canCase(s.action, c.status)) throw new AppError('CASE_WRONG_STATUS');
    const moved: Case = { ...c, ...s.patch, status: nextCaseStatus(s.action, c.status), updatedAt: now };
    await this.tx.run(async (em) => {
      if (!(await this.repo.transition(em, c.id, c.status, { ...s.patch, status: moved.status }))) throw new AppError('CASE_WRONG_STATUS');
      await this.record(em, moved, s, now);
    });
    return moved;
  }

  /** The timeline entry and notices of a step, inside the step's transaction (also used by the clock job). */
  async record(em: EntityManager, c: Case, s: Pick<CaseStep, 'actorId' | 'event' | 'text' | 'staff' | 'also'>, now: Date): Promise<void> {
    const e = await this.repo.event(em, { caseId: c.id, at: now, actorId: s.actorId, type: s.event, text: s.text ?? null });
    await s.also?.(em, c);
    if (this.kinds.get(c.kind)?.ownNotices) return;
    await this.notices.parties(em, c, e, await this.repo.followers(c.id, em));
    if (s.staff?.length) await this.notices.staff(em, c, e, s.staff, s.event === 'escalated' || s.event === 'due_soon');
  }
}
