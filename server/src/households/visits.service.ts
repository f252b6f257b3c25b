import { Injectable } from '@nestjs/common';
import {
  addDays,
  chinaDay,
  chinaMidnight,
  chinaWeekStart,
  daysBetween,
  DUE_AHEAD_DAYS,
  PERSON_TAG_LABELS,
  VISIT_BACKDATE_DAYS,
  VISIT_CLOCK_SKEW_MS,
  type RecordVisitRequest,
  type TodayVisitsView,
  type VisitView,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CareRepository } from './care.repository.js';
import { CareSchedule } from './care-schedule.js';
import { CareViews, label } from './care-views.js';
import type { CareVisit } from './care-visit.entity.js';
import { assertGridStaff, assertInGrid } from './grid-scope.js';
import type { Household } from './household.entity.js';
import { HouseholdsRepository, isDuplicate } from './households.repository.js';
import { HouseholdsService } from './households.service.js';
import { RiskEngine } from './risk-engine.js';
import { clock } from '../common/clock.js';
import { VisitMedia } from './visit-media.js';

const DAY_MS = 86_400_000;

/** 走访: recording visits (append-only), the day's list, and the follow-up tasks a visit raises. */
@Injectable()
export class VisitsService {
  constructor(
    private readonly households: HouseholdsRepository,
    private readonly ledger: HouseholdsService,
    private readonly care: CareRepository,
    private readonly schedule: CareSchedule,
    private readonly views: CareViews,
    private readonly risk: RiskEngine,
    private readonly tx: TransactionRunner,
    private readonly media: VisitMedia,
  ) {}

  async record(actor: Actor, householdId: string, dto: RecordVisitRequest, now = clock.now()): Promise<VisitView> {
    const h = await this.ledger.inGrid(actor, householdId);
    const visitedAt = dto.visitedAt ? new Date(dto.visitedAt) : now;
    if (visitedAt.getTime() > now.getTime() + VISIT_CLOCK_SKEW_MS) throw new AppError('VISIT_IN_FUTURE');
    if (visitedAt.getTime() < now.getTime() - VISIT_BACKDATE_DAYS * DAY_MS) throw new AppError('VISIT_TOO_OLD');
    const members = new Set((await this.households.members([h.id], false)).map((m) => m.userId));
    if (dto.seenUserIds.some((id) => !members.has(id))) throw new AppError('VISIT_SEEN_NOT_MEMBER');
    if (dto.correctsVisitId) {
      const old = await this.care.visit(dto.correctsVisitId);
      if (!old || old.householdId !== h.id) throw new AppError('VISIT_CORRECTION_INVALID');
    }
    const seenUserIds = [...new Set(dto.seenUserIds)];
    const media = await this.media.prepare(dto, seenUserIds);
    const v: CareVisit = {
      id: newId(),
      householdId: h.id,
      visitorId: actor.userId,
      visitedAt,
      method: dto.method,
      situation: dto.situation,
      seenUserIds,
      notes: dto.notes || null,
      needs: dto.needs,
      correctsVisitId: dto.correctsVisitId ?? null,
      ...media,
      createdAt: now,
    };
    try {
      await this.tx.run(async (em) => {
        await this.care.insertVisit(em, v);
        await this.care.insertTasks(
          em,
          dto.needs.map((text) => ({ id: newId(), householdId: h.id, visitId: v.id, text, status: 'open' as const, createdBy: actor.userId, doneBy: null, doneAt: null, createdAt: now })),
        );
        await this.schedule.recompute(em, h, now);
      });
    } catch (e) {
      // The unique key on correctsVisitId: someone corrected the same entry first.
      if (dto.correctsVisitId && isDuplicate(e)) throw new AppError('VISIT_CORRECTION_INVALID');
      throw e;
    }
    // Incremental: the rules look at this household again now (two 无人应答 in a row warn at once).
    await this.risk.scan(now, [h.id]);
    return (await this.views.visits([v]))[0];
  }

  async today(actor: Actor, now = clock.now()): Promise<TodayVisitsView> {
    const paths = assertGridStaff(actor);
    const today = chinaDay(now);
    const [overdue, due, done] = await Promise.all([
      this.households.list(paths, { filter: 'overdue', limit: 200 }, today),
      this.households.list(paths, { filter: 'due', limit: 200 }, today),
      this.care.visitsUnder(paths, chinaMidnight(chinaWeekStart(now))),
    ]);
    const all = [...overdue, ...due];
    const doneHouseholds = await this.households.households(done.map((v) => v.householdId));
    const known = new Map([...all, ...doneHouseholds].map((h) => [h.id, h]));
    const buildings = new Map((await this.households.nodes([...known.values()].map((h) => h.buildingId))).map((n) => [n.id, n.name]));
    const members = await this.households.members(all.map((h) => h.id), true);
    const tags = await this.schedule.memberTags(undefined, members.map((m) => m.userId), today);
    const names = new Map((await this.households.users(members.map((m) => m.userId))).map((u) => [u.id, u.name]));
    const lbl = (h: Household) => label(h.unit, h.room, buildings.get(h.buildingId));
    const row = (h: Household) => {
      const mine = members.filter((m) => m.householdId === h.id);
      return {
        id: h.id,
        label: lbl(h),
        names: mine.map((m) => names.get(m.userId) ?? ''),
        tags: [...new Set(mine.flatMap((m) => (tags.get(m.userId) ?? []).map((t) => PERSON_TAG_LABELS[t.tag])))],
      };
    };
    const seen = new Set<string>();
    return {
      today,
      overdue: overdue.map((h) => ({ ...row(h), daysOverdue: daysBetween(h.nextDueOn, today) })).sort((a, b) => b.daysOverdue - a.daysOverdue),
      due: due.filter((h) => h.nextDueOn <= addDays(today, DUE_AHEAD_DAYS)).map((h) => ({ ...row(h), daysLeft: daysBetween(today, h.nextDueOn) })),
      doneThisWeek: done
        .filter((v) => known.has(v.householdId) && !seen.has(v.householdId) && seen.add(v.householdId))
        .map((v) => ({ id: v.householdId, label: lbl(known.get(v.householdId)!), visitedAt: v.visitedAt.toISOString(), situation: v.situation })),
    };
  }

  async completeTask(actor: Actor, id: string): Promise<void> {
    assertGridStaff(actor);
    const t = await this.care.task(id);
    const h = t ? await this.households.household(t.householdId) : null;
    if (!t || !h) throw AppError.notFound();
    assertInGrid(actor, h.path);
    if (t.status === 'done') throw new AppError('TASK_ALREADY_DONE');
    await this.tx.run(async (em) => {
      if (!(await this.care.completeTask(em, id, actor.userId, clock.now()))) throw new AppError('TASK_ALREADY_DONE');
    });
  }
}
