import { Injectable } from '@nestjs/common';
import { ageFromBirthYear, checkEligibility, offerExpiry, type Companion, type Eligibility, type EnrollmentStatus, type EnrollmentView, type ErrorCode, type IneligibleReason, type SlotCounters } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentHooks } from './enrollment-hooks.js';
import { EnrollmentNotices } from './enrollment-notices.js';
import type { Enrollment } from './enrollment.entity.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { QueueBatcher } from './queue-batcher.js';
import type { EnrollmentSlot } from './enrollment-slot.entity.js';

export interface SlotInput {
  ownerType: string;
  ownerId: string;
  nodeId: string;
  nodePath: string;
  title: string;
  link?: string | null;
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancelDeadline: Date;
  capacity: number;
  reserved?: number;
  maxCompanions?: number;
  needsApproval?: boolean;
  eligibility?: Eligibility | null;
}

const INELIGIBLE: Record<IneligibleReason, ErrorCode> = {
  AGE: 'ENROLLMENT_AGE_INELIGIBLE',
  RESIDENCE: 'ENROLLMENT_RESIDENCE_INELIGIBLE',
  PARTY_ONLY: 'ENROLLMENT_PARTY_ONLY',
  BRANCH_ONLY: 'ENROLLMENT_BRANCH_ONLY',
  SKILLS: 'ENROLLMENT_SKILLS_REQUIRED',
};
/** Someone who entered an enrollment for the person, and why (kept on the enrollment for rosters). */
export interface EnteredBy {
  userId: string;
  reason: string;
}

const ACTIVE: EnrollmentStatus[] = ['registered', 'confirmed', 'waitlisted', 'offered'];
const pool = (e: Pick<Enrollment, 'fromReserve'>) => (e.fromReserve ? 'reserve' : 'public');

/**
 * The one enrollment engine (activities now; volunteer shifts and meeting invitations next). Every
 * method taking an EntityManager runs inside the caller's transaction; capacity is held by
 * conditional UPDATEs on the slot's counters (see EnrollmentRepository.takeSeats).
 */
@Injectable()
export class EnrollmentService {
  constructor(
    private readonly repo: EnrollmentRepository,
    private readonly notices: EnrollmentNotices,
    private readonly hooks: EnrollmentHooks,
    private readonly tx: TransactionRunner,
    private readonly batcher: QueueBatcher,
  ) {}

  async createSlot(em: EntityManager, input: SlotInput): Promise<EnrollmentSlot> {
    const slot = {
      id: newId(),
      ...input,
      link: input.link ?? null,
      reserved: input.reserved ?? 0,
      maxCompanions: input.maxCompanions ?? 0,
      needsApproval: input.needsApproval ?? false,
      eligibility: input.eligibility ?? null,
      taken: 0,
      reservedTaken: 0,
      status: 'open' as const,
    };
    await this.repo.insertSlot(em, slot);
    return (await this.repo.slot(slot.id, em))!;
  }

  /** Changes a slot's terms; capacity may not drop below the places already held. Frees places go to the queue. */
  async updateSlot(em: EntityManager, slotId: string, patch: Partial<Omit<SlotInput, 'ownerType' | 'ownerId'>>): Promise<void> {
    const slot = await this.requireSlot(em, slotId);
    const capacity = patch.capacity ?? slot.capacity;
    const reserved = patch.reserved ?? slot.reserved;
    if (slot.taken > capacity - reserved || slot.reservedTaken > reserved) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'capacity', message: `已有${slot.taken + slot.reservedTaken}人报名，名额不能少于此数` }]);
    }
    await this.repo.updateSlot(em, slotId, patch);
    await this.promote(em, (await this.repo.slot(slotId, em))!, new Date());
  }

  /**
   * Calls the whole slot off: every active enrollment is cancelled (reminders withdrawn) and told why,
   * and the counters go to zero with them, so counter = enrollments still holds. Returns how many.
   */
  async cancelSlot(em: EntityManager, slotId: string, reason: string): Promise<number> {
    const now = new Date();
    const slot = await this.requireSlot(em, slotId);
    // The slot row first: sign-ups in flight wait on its lock and then find it closed.
    if (!(await this.repo.closeOpenSlot(em, slotId))) throw new AppError('ENROLLMENT_SLOT_CLOSED');
    const active = await this.repo.activeInSlot(em, slotId);
    for (const e of active) {
      await this.repo.transition(em, e.id, e.status, { status: 'cancelled', cancelReason: 'slot_cancelled', offerExpiresAt: null, waitlistedAt: null });
      await this.notices.cancelReminders(em, e.id);
    }
    await this.notices.slotCancelled(em, slot, active, now, reason);
    return active.length;
  }

  /**
   * Self sign-up: window, eligibility, one per person; a full slot puts the person on the waitlist.
   * `onBehalf`: a family member signing the person up on their consent — the same rules as the
   * person's own sign-up, with who entered it recorded.
   */
  signUp(em: EntityManager, slotId: string, userId: string, companions: Companion[], onBehalf?: EnteredBy): Promise<Enrollment> {
    return this.enrol(em, slotId, userId, companions, null, onBehalf);
  }

  /**
   * A person's own sign-up, in its own transaction. While the slot is full, sign-ups arriving together
   * join the queue in one batch (queue-batcher.ts); everything else takes the path below.
   */
  async signUpOwn(owner: { type: string; id: string }, userId: string, companions: Companion[]): Promise<EnrollmentView> {
    const queued = this.batcher.looksFull(owner) ? await this.batcher.join(owner, userId, companions) : null;
    if (queued) return this.view(queued.enrollment, queued.position);
    const e = await this.tx.run((em) => this.signUpFor(em, owner, userId, companions));
    if (e.status === 'waitlisted') this.batcher.sawFull(owner);
    return this.view(e);
  }

  /** The same, naming the slot by its owner (one read fewer on the hot path). */
  async signUpFor(em: EntityManager, owner: { type: string; id: string }, userId: string, companions: Companion[], onBehalf?: EnteredBy): Promise<Enrollment> {
    const slot = await this.repo.slotByOwner(owner.type, owner.id, em);
    if (!slot) throw AppError.notFound();
    return this.enrol(em, slot, userId, companions, null, onBehalf);
  }

  /** An organiser enters someone (an elder without a phone): reserved places first, window not enforced. */
  organiserEnrol(em: EntityManager, slotId: string, userId: string, companions: Companion[], organiser: { userId: string; reason: string }): Promise<Enrollment> {
    return this.enrol(em, slotId, userId, companions, organiser);
  }

  private async enrol(em: EntityManager, slotOrId: string | EnrollmentSlot, userId: string, companions: Companion[], organiser: EnteredBy | null, onBehalf?: EnteredBy): Promise<Enrollment> {
    const now = new Date();
    const slot = typeof slotOrId === 'string' ? await this.requireSlot(em, slotOrId) : slotOrId;
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

  /** The person leaves (or an organiser removes them); their places go to the head of the waitlist. */
  async cancel(em: EntityManager, enrollmentId: string, by: { userId: string; organiser?: boolean; reason?: 'account_deleted' }): Promise<Enrollment> {
    const now = new Date();
    const e = await this.repo.enrollment(enrollmentId, em);
    if (!e || (!by.organiser && e.userId !== by.userId)) throw AppError.notFound();
    if (!ACTIVE.includes(e.status)) throw new AppError('ENROLLMENT_NOT_CANCELLABLE');
    const slot = await this.requireSlot(em, e.slotId);
    const holdsSeats = e.status !== 'waitlisted';
    if (holdsSeats && !by.organiser && now > slot.cancelDeadline) throw new AppError('ENROLLMENT_CANCEL_DEADLINE_PASSED');
    const reason = by.reason ?? (by.organiser ? 'organiser' : 'self');
    if (!(await this.repo.transition(em, e.id, e.status, { status: 'cancelled', cancelReason: reason, offerExpiresAt: null, waitlistedAt: null }))) {
      throw new AppError('ENROLLMENT_NOT_CANCELLABLE');
    }
    await this.notices.cancelReminders(em, e.id);
    if (by.organiser && by.userId !== e.userId) await this.notices.send(em, 'cancelled_by_organiser', slot, e, now);
    if (holdsSeats) {
      await this.repo.releaseSeats(em, slot.id, e.seats, pool(e));
      await this.promote(em, slot, now);
    }
    return { ...e, status: 'cancelled' };
  }

  /** The waiting person takes the place they were offered, before the offer lapses. */
  async acceptOffer(em: EntityManager, enrollmentId: string, userId: string): Promise<Enrollment> {
    const now = new Date();
    const e = await this.repo.enrollment(enrollmentId, em);
    if (!e || e.userId !== userId) throw AppError.notFound();
    if (e.status !== 'offered') throw new AppError('ENROLLMENT_NO_OFFER');
    if (!e.offerExpiresAt || e.offerExpiresAt < now) throw new AppError('ENROLLMENT_OFFER_EXPIRED');
    const slot = await this.requireSlot(em, e.slotId);
    const status: EnrollmentStatus = slot.needsApproval ? 'registered' : 'confirmed';
    if (!(await this.repo.transition(em, e.id, 'offered', { status, offerExpiresAt: null, waitlistedAt: null }))) throw new AppError('ENROLLMENT_NO_OFFER');
    const accepted = { ...e, status, offerExpiresAt: null, waitlistedAt: null };
    await this.notices.send(em, status, slot, accepted, now, status === 'confirmed');
    return accepted;
  }

  async approve(em: EntityManager, enrollmentId: string, deciderId: string): Promise<Enrollment> {
    const e = await this.requirePending(em, enrollmentId);
    const slot = await this.requireSlot(em, e.slotId);
    if (!(await this.repo.transition(em, e.id, 'registered', { status: 'confirmed', decidedBy: deciderId }))) throw new AppError('ENROLLMENT_NOT_PENDING');
    const now = new Date();
    const approved = { ...e, status: 'confirmed' as const, decidedBy: deciderId };
    await this.notices.send(em, 'approved', slot, approved, now, true);
    return approved;
  }

  async reject(em: EntityManager, enrollmentId: string, deciderId: string, reason?: string): Promise<Enrollment> {
    const now = new Date();
    const e = await this.requirePending(em, enrollmentId);
    const slot = await this.requireSlot(em, e.slotId);
    const patch = { status: 'cancelled' as const, decidedBy: deciderId, cancelReason: `rejected${reason ? `: ${reason}` : ''}`.slice(0, 100) };
    if (!(await this.repo.transition(em, e.id, 'registered', patch))) throw new AppError('ENROLLMENT_NOT_PENDING');
    await this.notices.send(em, 'rejected', slot, e, now);
    await this.repo.releaseSeats(em, slot.id, e.seats, pool(e));
    await this.promote(em, slot, now);
    return { ...e, ...patch };
  }

  /** Attended or no-show; attending runs the owner's hook (activities credit points) in the same transaction. */
  async markAttendance(em: EntityManager, enrollmentId: string, attended: boolean): Promise<Enrollment> {
    const e = await this.repo.enrollment(enrollmentId, em);
    if (!e) throw AppError.notFound();
    if (!['registered', 'confirmed', 'attended', 'missed'].includes(e.status)) throw new AppError('ENROLLMENT_NOT_ATTENDABLE');
    const status = attended ? 'attended' : 'missed';
    if (e.status === status) return e;
    const patch = { status, attendedAt: attended ? new Date() : null } as const;
    if (!(await this.repo.transition(em, e.id, e.status, patch))) throw new AppError('ENROLLMENT_NOT_ATTENDABLE');
    const marked = { ...e, ...patch };
    if (attended) {
      const slot = await this.requireSlot(em, e.slotId);
      await this.hooks.of(slot.ownerType).onAttended?.(em, marked, slot);
    }
    return marked;
  }

  /**
   * Offers freed places to the waitlist, strictly first in, first out: stops at a head whose group does
   * not fit. Each offer is a conditional claim, so concurrent promotions never offer one place twice.
   */
  async promote(em: EntityManager, slot: EnrollmentSlot, now: Date): Promise<void> {
    if (slot.status !== 'open' || now >= slot.startsAt) return;
    const tried: string[] = [];
    for (let i = 0; i < 50; i++) {
      const head = await this.repo.waitlistHead(em, slot.id, tried);
      if (!head) return;
      tried.push(head.id);
      if (!(await this.repo.takeSeats(em, slot.id, head.seats, 'public'))) return;
      const offerExpiresAt = offerExpiry(now, slot.startsAt);
      if (!(await this.repo.transition(em, head.id, 'waitlisted', { status: 'offered', offerExpiresAt }))) {
        await this.repo.releaseSeats(em, slot.id, head.seats, 'public');
        continue;
      }
      await this.notices.send(em, 'offered', slot, { ...head, status: 'offered', offerExpiresAt }, now);
    }
  }

  /** Passes lapsed offers on to the next in line; also retries promotions missed under contention. Each in its own transaction. */
  async sweep(now = new Date()): Promise<number> {
    let n = 0;
    for (const lapsed of await this.repo.lapsedOffers(now, 100)) {
      await this.tx.run(async (em) => {
        const patch = { status: 'cancelled' as const, cancelReason: 'offer_expired', offerExpiresAt: null, waitlistedAt: null };
        if (!(await this.repo.transition(em, lapsed.id, 'offered', patch))) return;
        const slot = (await this.repo.slot(lapsed.slotId, em))!;
        await this.notices.send(em, 'offer_expired', slot, lapsed, now);
        await this.repo.releaseSeats(em, slot.id, lapsed.seats, 'public');
        await this.promote(em, slot, now);
        n++;
      });
    }
    for (const slotId of await this.repo.slotsWithStrandedWaitlist(20)) {
      await this.tx.run(async (em) => this.promote(em, (await this.repo.slot(slotId, em))!, now));
    }
    return n;
  }

  /** The counters as stored and as summed from the enrollments; `agree` must always be true. */
  async checkCounters(slotId: string, em?: EntityManager): Promise<{ stored: { taken: number; reservedTaken: number }; computed: { taken: number; reservedTaken: number }; agree: boolean }> {
    const m = this.repo.m(em);
    const slot = await this.requireSlot(m, slotId);
    const computed = await this.repo.seatSums(m, slotId);
    const stored = { taken: slot.taken, reservedTaken: slot.reservedTaken };
    return { stored, computed, agree: stored.taken === computed.taken && stored.reservedTaken === computed.reservedTaken };
  }

  /** Rewrites the counters from the enrollments (repair after manual data fixes). */
  rebuildCounters(slotId: string): Promise<{ taken: number; reservedTaken: number }> {
    return this.tx.run(async (em) => {
      const computed = await this.repo.seatSums(em, slotId);
      await this.repo.updateSlot(em, slotId, computed);
      return computed;
    });
  }

  counters(slot: EnrollmentSlot, waitlisted: number): SlotCounters {
    return { capacity: slot.capacity, reserved: slot.reserved, taken: slot.taken, reservedTaken: slot.reservedTaken, waitlisted, placesLeft: Math.max(0, slot.capacity - slot.reserved - slot.taken) };
  }

  /** `position`: the queue place when the caller already counted it. */
  async view(e: Enrollment, position?: number): Promise<EnrollmentView> {
    return {
      id: e.id,
      slotId: e.slotId,
      status: e.status,
      companions: e.companions,
      seats: e.seats,
      waitlistPosition: e.status === 'waitlisted' ? (position ?? (await this.repo.waitlistPosition(e))) : null,
      offerExpiresAt: e.offerExpiresAt ? e.offerExpiresAt.toISOString() : null,
      createdAt: (e.createdAt ?? new Date()).toISOString(),
    };
  }

  async requireSlot(em: EntityManager, slotId: string): Promise<EnrollmentSlot> {
    const slot = await this.repo.slot(slotId, em);
    if (!slot) throw AppError.notFound();
    return slot;
  }

  private async requirePending(em: EntityManager, id: string): Promise<Enrollment> {
    const e = await this.repo.enrollment(id, em);
    if (!e) throw AppError.notFound();
    if (e.status !== 'registered') throw new AppError('ENROLLMENT_NOT_PENDING');
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
      age: ageFromBirthYear(user.birthYear, new Date()),
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
