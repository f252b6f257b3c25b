import { Injectable } from '@nestjs/common';
import { ageFromBirthYear, checkEligibility, type Companion, type EnrollmentStatus, type ErrorCode, type IneligibleReason } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { EnrollmentHooks } from './enrollment-hooks.js';
import { EnrollmentNotices } from './enrollment-notices.js';
import type { EnrollmentSlot } from './enrollment-slot.entity.js';
import type { Enrollment } from './enrollment.entity.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { clock } from '../common/clock.js';

/** Someone who entered an enrollment for the person, and why (kept on the enrollment for rosters). */
export interface EnteredBy {
  userId: string;
  reason: string;
}

const INELIGIBLE: Record<IneligibleReason, ErrorCode> = {
  AGE: 'ENROLLMENT_AGE_INELIGIBLE',
  RESIDENCE: 'ENROLLMENT_RESIDENCE_INELIGIBLE',
  PARTY_ONLY: 'ENROLLMENT_PARTY_ONLY',
  BRANCH_ONLY: 'ENROLLMENT_BRANCH_ONLY',
  SKILLS: 'ENROLLMENT_SKILLS_REQUIRED',
};

/**
 * The sign-up rule of the enrollment engine: window, eligibility, one row per person and slot,
 * companions counted against capacity, reserved places for organisers, and the waitlist when full.
 * Runs inside the caller's transaction; EnrollmentService is the public face.
 */
@Injectable()
export class EnrollmentSignUps {
  constructor(
    private readonly repo: EnrollmentRepository,
    private readonly notices: EnrollmentNotices,
    private readonly hooks: EnrollmentHooks,
  ) {}

  async enrol(em: EntityManager, slotOrId: string | EnrollmentSlot, userId: string, companions: Companion[], organiser: EnteredBy | null, onBehalf?: EnteredBy): Promise<Enrollment> {
    const now = clock.now();
    const slot = typeof slotOrId === 'string' ? await this.repo.requireSlot(em, slotOrId) : slotOrId;
    const slotId = slot.id;
    if (slot.status !== 'open' || now >= slot.endsAt) throw new AppError('ENROLLMENT_SLOT_CLOSED');
    if (!organiser && now < slot.signupOpensAt) throw new AppError('ENROLLMENT_WINDOW_NOT_OPEN');
    if (!organiser && now > slot.signupClosesAt) throw new AppError('ENROLLMENT_WINDOW_CLOSED');
    const seats = 1 + companions.length;
    if (companions.length > slot.maxCompanions || seats > slot.capacity - (organiser ? 0 : slot.reserved)) {
      throw new AppError('ENROLLMENT_TOO_MANY_COMPANIONS', undefined, `本活动每人最多带${slot.maxCompanions}位同行人`);
    }
    await this.assertEligible(em, slot, userId);
    await this.hooks.of(slot.ownerType).beforeEnrol?.(em, slot, userId);

    const e = {
      id: newId(),
      slotId,
      userId,
      companions,
      seats,
      status: 'confirmed' as EnrollmentStatus,
      fromReserve: false,
      waitlistedAt: null as Date | null,
      offerExpiresAt: null,
      enteredBy: (organiser ?? onBehalf)?.userId ?? null,
      enteredReason: (organiser ?? onBehalf)?.reason ?? null,
      decidedBy: null,
      cancelReason: null,
      attendedAt: null,
      createdAt: now,
    } as Enrollment;
    // A slot that already looks full sends a self sign-up straight to the queue without touching (and
    // locking) the hot counter row. Safe both ways: a stale "full" only delays an offer (the sweeper
    // promotes), a stale "free" is caught by the conditional UPDATE below.
    const publicLeft = slot.capacity - slot.reserved - slot.taken;
    if (!organiser && publicLeft < seats) {
      if (publicLeft > 0) throw new AppError('ENROLLMENT_NOT_ENOUGH_PLACES');
      Object.assign(e, { status: 'waitlisted', waitlistedAt: now });
    }
    // The row first, the counter last: the hot slot row stays locked only until commit. One row per
    // person and slot (unique key): someone who cancelled earlier gets their old row back.
    // A queue place is inserted only while the slot is open, read under lock in the same statement: a
    // sign-up racing the activity's cancellation never leaves a waiting row in a cancelled slot.
    const insert = e.status === 'waitlisted' ? this.repo.insertQueuedIfOpen(em, e) : this.repo.insertEnrollment(em, e).then(() => true);
    const inserted = await insert.then(
      (open) => {
        if (!open) throw new AppError('ENROLLMENT_SLOT_CLOSED');
        return true;
      },
      (err: unknown) => {
        if (!isDuplicate(err)) throw err;
        return false;
      },
    );
    if (!inserted) {
      const existing = await this.repo.enrollmentOf(slotId, userId, em);
      if (existing?.status !== 'cancelled') throw new AppError('ENROLLMENT_EXISTS');
      Object.assign(e, { id: existing.id, createdAt: existing.createdAt });
      if (!(await this.repo.transition(em, existing.id, 'cancelled', e))) throw new AppError('ENROLLMENT_EXISTS');
      if (e.status === 'waitlisted' && !(await this.repo.slotOpenNow(em, slotId))) throw new AppError('ENROLLMENT_SLOT_CLOSED');
    }
    if (e.status === 'waitlisted') {
      await this.notices.send(em, 'waitlisted', slot, e, now);
      return e;
    }
    let seated = organiser && (await this.repo.takeSeats(em, slotId, seats, 'reserve'));
    if (seated) e.fromReserve = true;
    else seated = await this.repo.takeSeats(em, slotId, seats, 'public');

    if (seated) {
      e.status = slot.needsApproval && !organiser ? 'registered' : 'confirmed';
      if (e.status !== 'confirmed' || e.fromReserve) await this.repo.transition(em, e.id, 'confirmed', { status: e.status, fromReserve: e.fromReserve });
      await this.notices.send(em, e.status, slot, e, now, e.status === 'confirmed');
      return e;
    }
    // Some places but too few for the group? Probe with one seat: an UPDATE reads the current row even
    // under MariaDB's repeatable read, where a SELECT would see this transaction's stale snapshot.
    if (seats > 1 && (await this.repo.takeSeats(em, slotId, 1, 'public'))) throw new AppError('ENROLLMENT_NOT_ENOUGH_PLACES');
    // No seat: full, or called off meanwhile (takeSeats needs an open slot). Only a full one queues.
    if (!(await this.repo.slotOpenNow(em, slotId))) throw new AppError('ENROLLMENT_SLOT_CLOSED');
    Object.assign(e, { status: 'waitlisted', waitlistedAt: now });
    await this.repo.transition(em, e.id, 'confirmed', { status: 'waitlisted', waitlistedAt: now });
    await this.notices.send(em, 'waitlisted', slot, e, now);
    return e;
  }

  private async assertEligible(em: EntityManager, slot: EnrollmentSlot, userId: string): Promise<void> {
    const rule = slot.eligibility;
    if (!rule) return;
    const user = await this.repo.user(userId, em);
    if (!user) throw AppError.notFound();
    const node = rule.residenceNodeIds?.length && user.residenceNodeId ? await this.repo.node(user.residenceNodeId, em) : null;
    const party = rule.partyNodeIds?.length && user.branchNodeId ? await this.repo.node(user.branchNodeId, em) : null;
    const reason = checkEligibility(rule, {
      age: ageFromBirthYear(user.birthYear, clock.now()),
      residenceNodeIds: node ? node.path.split('/').filter(Boolean) : [],
      partyMember: user.branchNodeId !== null,
      partyNodeIds: party ? party.path.split('/').filter(Boolean) : [],
      skills: rule.skills?.length ? await this.hooks.skillsOf(em, userId) : [],
    });
    if (reason) throw new AppError(INELIGIBLE[reason]);
  }
}

function isDuplicate(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}
