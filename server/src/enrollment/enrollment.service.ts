import { Injectable } from '@nestjs/common';
import type { Companion, Eligibility, EnrollmentView, SlotCounters } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentDecisions } from './enrollment-decisions.js';
import { EnrollmentHooks } from './enrollment-hooks.js';
import { EnrollmentSignUps, type EnteredBy } from './enrollment-signup.js';
import type { EnrollmentSlot } from './enrollment-slot.entity.js';
import { EnrollmentWaitlist } from './enrollment-waitlist.js';
import type { Enrollment } from './enrollment.entity.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { QueueBatcher } from './queue-batcher.js';
import { clock } from '../common/clock.js';

export type { EnteredBy } from './enrollment-signup.js';

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

/**
 * The one enrollment engine (activities now; volunteer shifts and meeting invitations next). Every
 * method taking an EntityManager runs inside the caller's transaction; capacity is held by
 * conditional UPDATEs on the slot's counters (see EnrollmentRepository.takeSeats). The rules live in
 * their own files: sign-up with companions and capacity (enrollment-signup.ts), waitlist offers and
 * expiry (enrollment-waitlist.ts), approval and cancellation (enrollment-decisions.ts); this class is
 * their one public face, with the slot's own terms, attendance and counters.
 */
@Injectable()
export class EnrollmentService {
  constructor(
    private readonly repo: EnrollmentRepository,
    private readonly hooks: EnrollmentHooks,
    private readonly tx: TransactionRunner,
    private readonly batcher: QueueBatcher,
    private readonly signUps: EnrollmentSignUps,
    private readonly waitlist: EnrollmentWaitlist,
    private readonly decisions: EnrollmentDecisions,
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
    await this.promote(em, (await this.repo.slot(slotId, em))!, clock.now());
  }

  /**
   * Calls the whole slot off: every active enrollment is cancelled (reminders withdrawn) and told why,
   * and the counters go to zero with them, so counter = enrollments still holds. Returns how many.
   */
  cancelSlot(em: EntityManager, slotId: string, reason: string): Promise<number> {
    return this.decisions.cancelSlot(em, slotId, reason);
  }

  /**
   * Self sign-up: window, eligibility, one per person; a full slot puts the person on the waitlist.
   * `onBehalf`: a family member signing the person up on their consent — the same rules as the
   * person's own sign-up, with who entered it recorded.
   */
  signUp(em: EntityManager, slotId: string, userId: string, companions: Companion[], onBehalf?: EnteredBy): Promise<Enrollment> {
    return this.signUps.enrol(em, slotId, userId, companions, null, onBehalf);
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
    return this.signUps.enrol(em, slot, userId, companions, null, onBehalf);
  }

  /** An organiser enters someone (an elder without a phone): reserved places first, window not enforced. */
  organiserEnrol(em: EntityManager, slotId: string, userId: string, companions: Companion[], organiser: { userId: string; reason: string }): Promise<Enrollment> {
    return this.signUps.enrol(em, slotId, userId, companions, organiser);
  }

  /** The person leaves (or an organiser removes them); their places go to the head of the waitlist. */
  cancel(em: EntityManager, enrollmentId: string, by: { userId: string; organiser?: boolean; reason?: 'account_deleted' }): Promise<Enrollment> {
    return this.decisions.cancel(em, enrollmentId, by);
  }

  /** The waiting person takes the place they were offered, before the offer lapses. */
  acceptOffer(em: EntityManager, enrollmentId: string, userId: string): Promise<Enrollment> {
    return this.waitlist.acceptOffer(em, enrollmentId, userId);
  }

  approve(em: EntityManager, enrollmentId: string, deciderId: string): Promise<Enrollment> {
    return this.decisions.approve(em, enrollmentId, deciderId);
  }

  reject(em: EntityManager, enrollmentId: string, deciderId: string, reason?: string): Promise<Enrollment> {
    return this.decisions.reject(em, enrollmentId, deciderId, reason);
  }

  /** Attended or no-show; attending runs the owner's hook (activities credit points) in the same transaction. */
  async markAttendance(em: EntityManager, enrollmentId: string, attended: boolean): Promise<Enrollment> {
    const e = await this.repo.enrollment(enrollmentId, em);
    if (!e) throw AppError.notFound();
    if (!['registered', 'confirmed', 'attended', 'missed'].includes(e.status)) throw new AppError('ENROLLMENT_NOT_ATTENDABLE');
    const status = attended ? 'attended' : 'missed';
    if (e.status === status) return e;
    const patch = { status, attendedAt: attended ? clock.now() : null } as const;
    if (!(await this.repo.transition(em, e.id, e.status, patch))) throw new AppError('ENROLLMENT_NOT_ATTENDABLE');
    const marked = { ...e, ...patch };
    if (attended) {
      const slot = await this.requireSlot(em, e.slotId);
      await this.hooks.of(slot.ownerType).onAttended?.(em, marked, slot);
    }
    return marked;
  }

  /** Offers freed places to the waitlist, first in, first out (see EnrollmentWaitlist.promote). */
  promote(em: EntityManager, slot: EnrollmentSlot, now: Date): Promise<void> {
    return this.waitlist.promote(em, slot, now);
  }

  /** Passes lapsed offers on to the next in line; also retries promotions missed under contention. Each in its own transaction. */
  sweep(now = clock.now()): Promise<number> {
    return this.waitlist.sweep(now);
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
      createdAt: (e.createdAt ?? clock.now()).toISOString(),
    };
  }

  requireSlot(em: EntityManager, slotId: string): Promise<EnrollmentSlot> {
    return this.repo.requireSlot(em, slotId);
  }
}
