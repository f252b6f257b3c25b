import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatChinaDateTime, maskPhone, type EnrollmentView, type MyShiftView, type ShiftListQuery, type ShiftRosterEntry, type ShiftView } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { assertManages, manages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentHooks } from '../enrollment/enrollment-hooks.js';
import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import { EnrollmentService } from '../enrollment/enrollment.service.js';
import type { EnrollmentSlot } from '../enrollment/enrollment-slot.entity.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService, SHIFT_OWNER } from './campaigns.service.js';
import type { VolunteerShift } from './campaign.entity.js';
import { HoursRepository, SHIFT_IN, SHIFT_OUT } from './hours.repository.js';
import { ShiftViews } from './shift-views.js';
import { VolunteerLocks } from './volunteer-locks.js';

/**
 * Signing up for shifts through the enrollment engine. Registers the shift owner's hook (no two
 * overlapping shifts per person) and the skills provider the engine's eligibility check reads.
 */
@Injectable()
export class ShiftsService implements OnModuleInit {
  constructor(
    private readonly repo: CampaignsRepository,
    private readonly hours: HoursRepository,
    private readonly campaigns: CampaignsService,
    private readonly engine: EnrollmentService,
    private readonly enrollments: EnrollmentRepository,
    private readonly hooks: EnrollmentHooks,
    private readonly views: ShiftViews,
    private readonly locks: VolunteerLocks,
    private readonly crypto: FieldCrypto,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.hooks.provideSkills(async (em, userId) => (await this.repo.profile(userId, em))?.skills ?? []);
    this.hooks.register(SHIFT_OWNER, { beforeEnrol: (em, slot, userId) => this.beforeEnrol(em, slot, userId) });
  }

  /**
   * In the sign-up's transaction, under the person's lock (VolunteerLocks): the campaign must still
   * be recruiting (a shared lock on its row, so a close in flight is waited for), and a volunteer
   * holds one shift at a time: the other one is named so they know what to cancel.
   */
  private async beforeEnrol(em: EntityManager, slot: EnrollmentSlot, userId: string): Promise<void> {
    this.locks.assertHeld(em, userId);
    const shift = await this.repo.shift(slot.ownerId, em);
    const campaign = shift ? await this.repo.lockedCampaign(em, shift.campaignId, 'pessimistic_read') : null;
    if (campaign?.status !== 'open') throw new AppError('VOLUNTEER_CAMPAIGN_NOT_RECRUITING');
    const other = await this.repo.overlapping(em, userId, slot);
    if (other) throw new AppError('VOLUNTEER_SHIFT_OVERLAP', undefined, `您在这个时间段已报名“${other.title}”（${formatChinaDateTime(other.startsAt)}开始），同一时间只能参加一个岗位`);
  }

  /** Upcoming shifts of campaigns that reach the caller; `matching` keeps those whose skills they have. */
  async open(actor: Actor, q: ShiftListQuery): Promise<ShiftView[]> {
    let campaignIds: string[];
    if (q.campaignId) campaignIds = [(await this.campaigns.require(q.campaignId)).id];
    else campaignIds = (await this.repo.listCampaigns({ above: await this.campaigns.homePaths(actor.userId), includePast: false })).map((c) => c.id);
    const shifts = (await this.repo.shiftsOf(campaignIds, true)).filter((s) => !s.callId);
    const views = await this.views.of(shifts, actor.userId);
    return q.matching === 'true' ? views.filter((v) => v.skillsMatch) : views;
  }

  async detail(actor: Actor, id: string): Promise<ShiftView & { canManage: boolean }> {
    const s = await this.require(id);
    const [view] = await this.views.of([s], actor.userId);
    return { ...view, canManage: manages(actor, s.nodePath) };
  }

  async signUp(actor: Actor, id: string): Promise<EnrollmentView> {
    const s = await this.require(id);
    if (s.status === 'cancelled') throw new AppError('VOLUNTEER_SHIFT_CANCELLED');
    await this.locks.prepare(actor.userId);
    const e = await this.tx.run(async (em) => {
      await this.locks.hold(em, actor.userId);
      return this.engine.signUpFor(em, { type: SHIFT_OWNER, id: s.id }, actor.userId, []);
    });
    return this.engine.view(e);
  }

  /** 我的岗位: my enrollments on shifts with check-in, check-out and hours. */
  async mine(actor: Actor): Promise<MyShiftView[]> {
    const enrolled = (await this.enrollments.mine(actor.userId)).filter((e) => e.status !== 'cancelled');
    const shifts = await this.repo.shiftsBySlots(enrolled.map((e) => e.slotId));
    const ids = shifts.map((s) => s.id);
    const [views, ins, outs, entries] = await Promise.all([
      this.views.of(shifts, actor.userId),
      this.hours.checkInsOf(SHIFT_IN, ids, actor.userId),
      this.hours.checkInsOf(SHIFT_OUT, ids, actor.userId),
      this.hours.entriesOfShifts(ids),
    ]);
    return views
      .map((v) => {
        const h = entries.find((x) => x.shiftId === v.id && x.userId === actor.userId);
        return {
          ...v,
          checkedInAt: ins.find((c) => c.targetId === v.id)?.checkedInAt.toISOString() ?? null,
          checkedOutAt: h?.checkOutAt.toISOString() ?? outs.find((c) => c.targetId === v.id)?.checkedInAt.toISOString() ?? null,
          hours: h ? h.halfHours / 2 : null,
          hoursStatus: h?.status ?? null,
        };
      })
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  }

  async roster(actor: Actor, id: string): Promise<{ shift: ShiftView; entries: ShiftRosterEntry[] }> {
    const s = await this.managed(actor, id);
    const rows = await this.enrollments.roster(s.slotId);
    const [people, profiles, ins, entries] = await Promise.all([
      this.repo.users(rows.map((e) => e.userId)),
      this.repo.profiles(rows.map((e) => e.userId)),
      this.hours.checkInsOf(SHIFT_IN, [s.id]),
      this.hours.entriesOfShifts([s.id]),
    ]);
    const byId = new Map(people.map((u) => [u.id, u]));
    return {
      shift: (await this.views.of([s], actor.userId))[0],
      entries: rows.map((e) => {
        const u = byId.get(e.userId);
        return {
          enrollmentId: e.id,
          user: { id: e.userId, name: u?.name ?? '', phoneMasked: u?.phoneCipher ? maskPhone(this.crypto.decrypt(u.phoneCipher)) : null },
          status: e.status,
          skills: profiles.find((p) => p.userId === e.userId)?.skills ?? [],
          checkedInAt: ins.find((c) => c.userId === e.userId)?.checkedInAt.toISOString() ?? null,
          checkedOutAt: entries.find((h) => h.userId === e.userId)?.checkOutAt.toISOString() ?? null,
        };
      }),
    };
  }

  async managed(actor: Actor, id: string): Promise<VolunteerShift> {
    const s = await this.require(id);
    assertManages(actor, s.nodePath);
    return s;
  }

  async require(id: string): Promise<VolunteerShift> {
    const s = await this.repo.shift(id);
    if (!s) throw AppError.notFound();
    return s;
  }
}
