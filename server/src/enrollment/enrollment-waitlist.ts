import { Injectable } from '@nestjs/common';
import { offerExpiry, type EnrollmentStatus } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentNotices } from './enrollment-notices.js';
import type { EnrollmentSlot } from './enrollment-slot.entity.js';
import type { Enrollment } from './enrollment.entity.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { clock } from '../common/clock.js';

/**
 * The waitlist rule: freed places are offered first in, first out; an offer is taken before it lapses,
 * and the sweeper passes lapsed offers on. EnrollmentService is the public face.
 */
@Injectable()
export class EnrollmentWaitlist {
  constructor(
    private readonly repo: EnrollmentRepository,
    private readonly notices: EnrollmentNotices,
    private readonly tx: TransactionRunner,
  ) {}

  /** The waiting person takes the place they were offered, before the offer lapses. */
  async acceptOffer(em: EntityManager, enrollmentId: string, userId: string): Promise<Enrollment> {
    const now = clock.now();
    const e = await this.repo.enrollment(enrollmentId, em);
    if (!e || e.userId !== userId) throw AppError.notFound();
    if (e.status !== 'offered') throw new AppError('ENROLLMENT_NO_OFFER');
    if (!e.offerExpiresAt || e.offerExpiresAt < now) throw new AppError('ENROLLMENT_OFFER_EXPIRED');
    const slot = await this.repo.requireSlot(em, e.slotId);
    const status: EnrollmentStatus = slot.needsApproval ? 'registered' : 'confirmed';
    if (!(await this.repo.transition(em, e.id, 'offered', { status, offerExpiresAt: null, waitlistedAt: null }))) throw new AppError('ENROLLMENT_NO_OFFER');
    const accepted = { ...e, status, offerExpiresAt: null, waitlistedAt: null };
    await this.notices.send(em, status, slot, accepted, now, status === 'confirmed');
    return accepted;
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
  async sweep(now = clock.now()): Promise<number> {
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
}
