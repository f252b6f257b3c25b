import { Injectable } from '@nestjs/common';
import type { EnrollmentStatus } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { EnrollmentNotices } from './enrollment-notices.js';
import type { Enrollment } from './enrollment.entity.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { EnrollmentWaitlist } from './enrollment-waitlist.js';
import { clock } from '../common/clock.js';

const ACTIVE: EnrollmentStatus[] = ['registered', 'confirmed', 'waitlisted', 'offered'];
const pool = (e: Pick<Enrollment, 'fromReserve'>) => (e.fromReserve ? 'reserve' : 'public');

/**
 * Approval and cancellation: an organiser approves or rejects a held place, a person (or an organiser)
 * cancels, a whole slot is called off; freed places go to the waitlist. EnrollmentService is the public face.
 */
@Injectable()
export class EnrollmentDecisions {
  constructor(
    private readonly repo: EnrollmentRepository,
    private readonly notices: EnrollmentNotices,
    private readonly waitlist: EnrollmentWaitlist,
  ) {}

  /**
   * Calls the whole slot off: every active enrollment is cancelled (reminders withdrawn) and told why,
   * and the counters go to zero with them, so counter = enrollments still holds. Returns how many.
   */
  async cancelSlot(em: EntityManager, slotId: string, reason: string): Promise<number> {
    const now = clock.now();
    const slot = await this.repo.requireSlot(em, slotId);
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

  /** The person leaves (or an organiser removes them); their places go to the head of the waitlist. */
  async cancel(em: EntityManager, enrollmentId: string, by: { userId: string; organiser?: boolean; reason?: 'account_deleted' }): Promise<Enrollment> {
    const now = clock.now();
    const e = await this.repo.enrollment(enrollmentId, em);
    if (!e || (!by.organiser && e.userId !== by.userId)) throw AppError.notFound();
    if (!ACTIVE.includes(e.status)) throw new AppError('ENROLLMENT_NOT_CANCELLABLE');
    const slot = await this.repo.requireSlot(em, e.slotId);
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
      await this.waitlist.promote(em, slot, now);
    }
    return { ...e, status: 'cancelled' };
  }

  async approve(em: EntityManager, enrollmentId: string, deciderId: string): Promise<Enrollment> {
    const e = await this.requirePending(em, enrollmentId);
    const slot = await this.repo.requireSlot(em, e.slotId);
    if (!(await this.repo.transition(em, e.id, 'registered', { status: 'confirmed', decidedBy: deciderId }))) throw new AppError('ENROLLMENT_NOT_PENDING');
    const now = clock.now();
    const approved = { ...e, status: 'confirmed' as const, decidedBy: deciderId };
    await this.notices.send(em, 'approved', slot, approved, now, true);
    return approved;
  }

  async reject(em: EntityManager, enrollmentId: string, deciderId: string, reason?: string): Promise<Enrollment> {
    const now = clock.now();
    const e = await this.requirePending(em, enrollmentId);
    const slot = await this.repo.requireSlot(em, e.slotId);
    const patch = { status: 'cancelled' as const, decidedBy: deciderId, cancelReason: `rejected${reason ? `: ${reason}` : ''}`.slice(0, 100) };
    if (!(await this.repo.transition(em, e.id, 'registered', patch))) throw new AppError('ENROLLMENT_NOT_PENDING');
    await this.notices.send(em, 'rejected', slot, e, now);
    await this.repo.releaseSeats(em, slot.id, e.seats, pool(e));
    await this.waitlist.promote(em, slot, now);
    return { ...e, ...patch };
  }

  private async requirePending(em: EntityManager, id: string): Promise<Enrollment> {
    const e = await this.repo.enrollment(id, em);
    if (!e) throw AppError.notFound();
    if (e.status !== 'registered') throw new AppError('ENROLLMENT_NOT_PENDING');
    return e;
  }
}
