import { Injectable } from '@nestjs/common';
import { AUTO_CHECKOUT_AFTER_MS, pointUnitsForHalfHours, roundedHalfHours, starProgress, toChinaParts, type HoursDecisionRequest, type HoursEntryView, type HoursListQuery, type MyHoursView } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManager, manages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { LedgerService } from '../points/ledger.service.js';
import { CampaignsRepository } from './campaigns.repository.js';
import type { VolunteerShift } from './campaign.entity.js';
import type { VolunteerHours } from './hours.entity.js';
import { HoursRepository, SHIFT_IN } from './hours.repository.js';
import { clock } from '../common/clock.js';

const lastId = (path: string) => path.split('/').filter(Boolean).pop() ?? null;

/** Hours: written at sign-out (or by the 24 h auto check-out), approved or declined, credited once. */
@Injectable()
export class HoursService {
  constructor(
    private readonly repo: HoursRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly ledger: LedgerService,
    private readonly tx: TransactionRunner,
  ) {}

  /** Pending hours from check-in to `outAt`, rounded by the shared rule; in the caller's transaction. */
  async recordCheckOut(em: EntityManager, s: VolunteerShift, userId: string, outAt: Date, auto: boolean): Promise<VolunteerHours> {
    const checkIn = await this.repo.checkIn(SHIFT_IN, s.id, userId, em);
    if (!checkIn) throw new AppError('VOLUNTEER_NOT_CHECKED_IN');
    const minutes = Math.max(0, (outAt.getTime() - checkIn.checkedInAt.getTime()) / 60_000);
    const entry: VolunteerHours = {
      id: newId(),
      userId,
      shiftId: s.id,
      campaignId: s.campaignId,
      nodePath: s.nodePath,
      checkInAt: checkIn.checkedInAt,
      checkOutAt: outAt,
      minutes: Math.floor(minutes),
      halfHours: roundedHalfHours(minutes),
      status: 'pending',
      autoCheckout: auto,
      decidedBy: null,
      decidedAt: null,
      declineReason: null,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    };
    if (!(await this.repo.insertOnce(em, entry))) throw new AppError('VOLUNTEER_ALREADY_CHECKED_OUT');
    return entry;
  }

  /**
   * Closes check-ins left open 24 h: the hours run to the shift's planned end (never past 24 h after
   * check-in) and are flagged for the organiser to review. Safe on several instances (unique key).
   */
  async autoCheckOut(now = clock.now()): Promise<number> {
    let n = 0;
    for (const c of await this.repo.openCheckIns(new Date(now.getTime() - AUTO_CHECKOUT_AFTER_MS), 200)) {
      const s = await this.campaigns.shift(c.targetId);
      if (!s) continue;
      const cap = c.checkedInAt.getTime() + AUTO_CHECKOUT_AFTER_MS;
      const outAt = new Date(Math.min(cap, Math.max(c.checkedInAt.getTime(), s.endsAt.getTime())));
      await this.tx.run((em) => this.recordCheckOut(em, s, c.userId, outAt, true)).then(
        () => n++,
        (e: unknown) => {
          if (!(e instanceof AppError)) throw e;
        },
      );
    }
    return n;
  }

  async list(actor: Actor, q: HoursListQuery): Promise<HoursEntryView[]> {
    return this.views(await this.repo.list({ paths: assertManager(actor), status: q.status, campaignId: q.campaignId, limit: q.limit }));
  }

  /**
   * Bulk approve or decline. All or nothing: an entry out of scope makes the batch not found, one
   * already decided makes it a conflict. Approval credits points through the ledger, once per entry.
   */
  async decide(actor: Actor, req: HoursDecisionRequest): Promise<HoursEntryView[]> {
    assertManager(actor);
    const found = await this.repo.entries(req.ids);
    if (found.length !== req.ids.length || found.some((h) => !manages(actor, h.nodePath))) throw AppError.notFound();
    if (found.some((h) => h.status !== 'pending')) throw new AppError('VOLUNTEER_HOURS_NOT_PENDING');
    const now = clock.now();
    const approve = req.decision === 'approve';
    await this.tx.run(async (em) => {
      const patch = { status: approve ? ('approved' as const) : ('declined' as const), decidedBy: actor.userId, decidedAt: now, declineReason: approve ? null : (req.reason ?? null) };
      if ((await this.repo.decide(em, req.ids, patch)) !== req.ids.length) throw new AppError('VOLUNTEER_HOURS_NOT_PENDING');
      if (!approve) return;
      for (const h of found) {
        const units = pointUnitsForHalfHours(h.halfHours);
        if (units === 0) continue;
        await this.ledger.credit(em, { userId: h.userId, action: 'volunteer_hours', amount: units, source: { type: 'volunteer_hours', id: h.id }, idempotencyKey: `volunteer_hours:${h.id}`, nodeId: lastId(h.nodePath), note: '志愿服务时长' });
      }
    });
    return this.views(await this.repo.entries(req.ids));
  }

  async mine(actor: Actor): Promise<MyHoursView> {
    const rows = await this.repo.mine(actor.userId);
    const approved = rows.filter((h) => h.status === 'approved');
    const sum = (list: VolunteerHours[]) => list.reduce((n, h) => n + h.halfHours, 0) / 2;
    const total = (await this.repo.approvedHalfHours(actor.userId)) / 2;
    const progress = starProgress(total);
    const campaigns = new Map((await this.campaigns.campaigns([...new Set(approved.map((h) => h.campaignId))])).map((c) => [c.id, c.title]));
    const byCampaign = [...new Set(approved.map((h) => h.campaignId))].map((id) => ({ campaignId: id, title: campaigns.get(id) ?? '', hours: sum(approved.filter((h) => h.campaignId === id)) }));
    const yearOf = (h: VolunteerHours) => toChinaParts(h.checkInAt).year;
    const years = [...new Set(approved.map(yearOf))].sort((a, b) => b - a);
    return {
      approvedHours: total,
      pendingHours: sum(rows.filter((h) => h.status === 'pending')),
      stars: progress.stars,
      nextStarAt: progress.nextAt,
      hoursToNextStar: progress.remaining,
      byCampaign,
      byYear: years.map((year) => ({ year, hours: sum(approved.filter((h) => yearOf(h) === year)) })),
      entries: await this.views(rows.slice(0, 100)),
    };
  }

  async views(rows: VolunteerHours[]): Promise<HoursEntryView[]> {
    const corrections = await this.repo.correctionsOf(rows.filter((h) => h.autoCheckout).map((h) => h.id));
    const [users, shifts, campaigns] = await Promise.all([
      this.campaigns.users([...rows.map((h) => h.userId), ...corrections.map((c) => c.correctedBy)]),
      Promise.all([...new Set(rows.map((h) => h.shiftId))].map((id) => this.campaigns.shift(id))),
      this.campaigns.campaigns([...new Set(rows.map((h) => h.campaignId))]),
    ]);
    const name = new Map(users.map((u) => [u.id, u.name]));
    // Oldest first, so the last one set per entry is its latest correction.
    const latest = new Map(corrections.map((c) => [c.hoursId, c]));
    const shift = new Map(shifts.filter((s): s is VolunteerShift => !!s).map((s) => [s.id, s]));
    const title = new Map(campaigns.map((c) => [c.id, c.title]));
    return rows.map((h) => {
      const c = latest.get(h.id);
      return {
        id: h.id,
        user: { id: h.userId, name: name.get(h.userId) ?? '' },
        shift: { id: h.shiftId, title: shift.get(h.shiftId)?.title ?? '', startsAt: shift.get(h.shiftId)?.startsAt.toISOString() ?? h.checkInAt.toISOString() },
        campaign: { id: h.campaignId, title: title.get(h.campaignId) ?? '' },
        checkInAt: h.checkInAt.toISOString(),
        checkOutAt: h.checkOutAt.toISOString(),
        minutes: h.minutes,
        hours: h.halfHours / 2,
        status: h.status,
        autoCheckout: h.autoCheckout,
        declineReason: h.declineReason,
        correction: c ? { fromMinutes: c.fromMinutes, reason: c.reason, by: name.get(c.correctedBy) ?? '', at: c.createdAt.toISOString() } : null,
      };
    });
  }
}
