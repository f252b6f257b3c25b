import { Injectable } from '@nestjs/common';
import type { EnrollmentView, MobilisationAnswerResult } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import { EnrollmentService } from '../enrollment/enrollment.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { SHIFT_OWNER } from './campaigns.service.js';
import type { MobilisationAnswerRow, MobilisationCall } from './mobilisation.entity.js';
import { MobilisationRepository } from './mobilisation.repository.js';
import { callLink, laterWave } from './mobilisation.service.js';
import { VolunteerLocks } from './volunteer-locks.js';
import { clock } from '../common/clock.js';

/** Thrown inside the acceptance transaction when the engine could only waitlist: rolls the acceptance back. */
class CallFull extends Error {}

/**
 * Answers to an urgent call. An acceptance is a sign-up on the call's shift through the enrollment
 * engine, whose conditional UPDATE on the slot is what stops the call from overfilling; the call
 * closes when the slot is full, and later acceptors are told so and offered the waitlist.
 */
@Injectable()
export class MobilisationAnswers {
  constructor(
    private readonly repo: MobilisationRepository,
    private readonly engine: EnrollmentService,
    private readonly enrollments: EnrollmentRepository,
    private readonly notifications: NotificationService,
    private readonly locks: VolunteerLocks,
    private readonly tx: TransactionRunner,
  ) {}

  async answer(actor: Actor, callId: string, answer: 'accept' | 'decline'): Promise<MobilisationAnswerResult> {
    const { call, row } = await this.called(actor, callId);
    if (row.answer !== 'none') throw new AppError('MOBILISATION_ANSWERED');
    const now = clock.now();
    if (call.status === 'closed' || call.deadline.getTime() < now.getTime()) throw new AppError('MOBILISATION_CLOSED');
    if (answer === 'decline') {
      await this.tx.run(async (em) => {
        if (!(await this.repo.moveAnswer(em, row.id, 'none', { answer: 'declined', answeredAt: now }))) throw new AppError('MOBILISATION_ANSWERED');
      });
      return { outcome: 'declined', message: '已回复不参加，感谢您的关注', enrollmentId: null, canJoinWaitlist: false };
    }
    if (call.status === 'filled') return this.full(call, row, now);
    await this.locks.prepare(actor.userId);
    try {
      const e = await this.tx.run(async (em) => {
        await this.locks.hold(em, actor.userId);
        if (!(await this.repo.moveAnswer(em, row.id, 'none', { answer: 'accepted', answeredAt: now }))) throw new AppError('MOBILISATION_ANSWERED');
        const enrolled = await this.engine.signUpFor(em, { type: SHIFT_OWNER, id: call.shiftId }, actor.userId, []);
        if (enrolled.status === 'waitlisted') throw new CallFull();
        await this.repo.moveAnswer(em, row.id, 'accepted', { enrollmentId: enrolled.id });
        return enrolled;
      });
      await this.closeIfFull(call, now);
      return { outcome: 'enrolled', message: '报名成功，请按时到达集合地点', enrollmentId: e.id, canJoinWaitlist: false };
    } catch (err) {
      if (err instanceof CallFull) return this.full(call, row, now);
      throw err;
    }
  }

  /** Someone told the call was full takes a place in the queue (a cancelled place goes to them first). */
  async joinWaitlist(actor: Actor, callId: string): Promise<EnrollmentView> {
    const { call, row } = await this.called(actor, callId);
    if (row.answer !== 'full') throw new AppError('MOBILISATION_NOT_FULL');
    if (call.status === 'closed' || call.deadline.getTime() < clock.nowMs()) throw new AppError('MOBILISATION_CLOSED');
    await this.locks.prepare(actor.userId);
    const e = await this.tx.run(async (em) => {
      await this.locks.hold(em, actor.userId);
      const enrolled = await this.engine.signUpFor(em, { type: SHIFT_OWNER, id: call.shiftId }, actor.userId, []);
      await this.repo.moveAnswer(em, row.id, 'full', { enrollmentId: enrolled.id });
      return enrolled;
    });
    return this.engine.view(e);
  }

  private async full(call: MobilisationCall, row: MobilisationAnswerRow, now: Date): Promise<MobilisationAnswerResult> {
    await this.tx.run(async (em) => {
      if (!(await this.repo.moveAnswer(em, row.id, 'none', { answer: 'full', answeredAt: now }))) throw new AppError('MOBILISATION_ANSWERED');
      await this.notifications.enqueue(em, {
        userId: row.userId,
        kind: 'mobilisation_full',
        title: '召集已满员',
        body: `“${call.title}”已经招满，感谢您的响应！如愿意候补，可在召集页点“加入候补”，有人退出时会第一时间通知您。`,
        link: callLink(call.id),
        urgent: true,
        dedupeKey: `mobf:${call.id}:${row.userId}`,
      });
      // Only an acceptor who saw the call open closes it: the rest must not queue on the call's row lock.
      if (call.status === 'open') await this.markFilled(em, call, now);
    });
    return { outcome: 'full', message: '名额已满，感谢您的响应。可以加入候补，有人退出时会通知您', enrollmentId: null, canJoinWaitlist: true };
  }

  /** Read after our commit, so the last acceptor to commit always sees the slot full. */
  private async closeIfFull(call: MobilisationCall, now: Date): Promise<void> {
    const shiftSlot = await this.enrollments.slotByOwner(SHIFT_OWNER, call.shiftId);
    if (!shiftSlot || shiftSlot.taken + shiftSlot.reservedTaken < shiftSlot.capacity) return;
    await this.tx.run((em) => this.markFilled(em, call, now));
  }

  private async markFilled(em: EntityManager, call: MobilisationCall, now: Date): Promise<void> {
    if (await this.repo.moveCall(em, call.id, 'open', { status: 'filled', filledAt: now })) await this.notifications.cancelGroup(em, laterWave(call.id));
  }

  /** Only the people called may answer; to anyone else the call does not exist. */
  private async called(actor: Actor, callId: string): Promise<{ call: MobilisationCall; row: MobilisationAnswerRow }> {
    const [call, row] = await Promise.all([this.repo.call(callId), this.repo.answer(callId, actor.userId)]);
    if (!call || !row) throw AppError.notFound();
    return { call, row };
  }
}
