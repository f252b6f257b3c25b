import { Injectable } from '@nestjs/common';
import { roundedHalfHours, type HoursCorrectionRequest, type HoursEntryView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManager, manages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { HoursRepository } from './hours.repository.js';
import { HoursService } from './hours.service.js';

const MINUTE = 60_000;

/**
 * An organiser sets the real minutes of an entry the 24 h auto check-out closed, before deciding on
 * it. The entry stays pending and flagged (approval is unchanged); its hours are rounded again by the
 * same rule, check-out moves to check-in + minutes, and every correction is kept with its reason.
 */
@Injectable()
export class HoursCorrections {
  constructor(
    private readonly repo: HoursRepository,
    private readonly hours: HoursService,
    private readonly tx: TransactionRunner,
  ) {}

  async correct(actor: Actor, id: string, req: HoursCorrectionRequest): Promise<HoursEntryView> {
    assertManager(actor);
    const [h] = await this.repo.entries([id]);
    if (!h || !manages(actor, h.nodePath)) throw AppError.notFound();
    if (!h.autoCheckout || h.status !== 'pending') throw new AppError('VOLUNTEER_HOURS_NOT_CORRECTABLE');
    const halfHours = roundedHalfHours(req.minutes);
    await this.tx.run(async (em) => {
      const patch = { minutes: req.minutes, halfHours, checkOutAt: new Date(h.checkInAt.getTime() + req.minutes * MINUTE) };
      // Decided or corrected by someone else since it was read: nothing changes, the caller reloads.
      if (!(await this.repo.correct(em, h.id, h.minutes, patch))) throw new AppError('CONFLICT');
      await this.repo.insertCorrection(em, { id: newId(), hoursId: h.id, fromMinutes: h.minutes, toMinutes: req.minutes, fromHalfHours: h.halfHours, toHalfHours: halfHours, reason: req.reason, correctedBy: actor.userId });
    });
    return (await this.hours.views(await this.repo.entries([id])))[0];
  }
}
