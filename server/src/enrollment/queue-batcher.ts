import { Injectable } from '@nestjs/common';
import type { Companion } from '@honglin/shared';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentHooks } from './enrollment-hooks.js';
import { EnrollmentNotices } from './enrollment-notices.js';
import type { Enrollment } from './enrollment.entity.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { clock } from '../common/clock.js';

interface Waiting {
  userId: string;
  companions: Companion[];
  done: (queued: Queued | null) => void;
  fail: (error: unknown) => void;
}

/** A person put on the queue by a batch, with their place counted for the answer. */
export interface Queued {
  enrollment: Enrollment;
  position: number;
}

/** How long the first sign-up of a batch waits for others, and the most one batch takes. */
const WINDOW_MS = 3;
const MAX_BATCH = 100;
/** A slot seen full is batched for this long (a routing hint only: every batch re-reads the slot). */
const FULL_HINT_MS = 5_000;

/**
 * The queue side of a sign-up burst. When hundreds of people sign up for a slot that is already full,
 * each one would cost its own transaction (slot read, insert, notice, commit) just to join the queue.
 * Self sign-ups arriving within a few milliseconds for the same slot are gathered and, if the slot is
 * full, queued together: one transaction with one locked slot read, one insert and one notice insert
 * for all of them. Anything the batch is not sure about — a slot with free places, an eligibility rule
 * or owner hook, a person already enrolled, a closed window — answers null, and that sign-up takes the
 * engine's ordinary path, which applies every rule and gives the precise refusal. So batching changes
 * how many statements a queue place costs, never who gets one.
 */
@Injectable()
export class QueueBatcher {
  private readonly pending = new Map<string, Waiting[]>();
  private readonly seenFull = new Map<string, number>();

  constructor(
    private readonly repo: EnrollmentRepository,
    private readonly notices: EnrollmentNotices,
    private readonly hooks: EnrollmentHooks,
    private readonly tx: TransactionRunner,
  ) {}

  /** Whether sign-ups for this slot are worth gathering: it was full a moment ago. */
  looksFull(owner: { type: string; id: string }): boolean {
    return (this.seenFull.get(`${owner.type}:${owner.id}`) ?? 0) > clock.nowMs();
  }

  /** The ordinary path just queued someone here. */
  sawFull(owner: { type: string; id: string }): void {
    this.seenFull.set(`${owner.type}:${owner.id}`, clock.nowMs() + FULL_HINT_MS);
    if (this.seenFull.size > 10_000) this.seenFull.clear(); // a hint, not state: forgetting is safe
  }

  /** Resolves with the queue place, or null: not queued here, use the ordinary sign-up. */
  join(owner: { type: string; id: string }, userId: string, companions: Companion[]): Promise<Queued | null> {
    const key = `${owner.type}:${owner.id}`;
    return new Promise((done, fail) => {
      let batch = this.pending.get(key);
      if (!batch) {
        batch = [];
        this.pending.set(key, batch);
        setTimeout(() => this.flush(key, owner), WINDOW_MS);
      }
      batch.push({ userId, companions, done, fail });
      if (batch.length >= MAX_BATCH) this.flush(key, owner);
    });
  }

  private flush(key: string, owner: { type: string; id: string }): void {
    const batch = this.pending.get(key);
    if (!batch || !batch.length) return;
    this.pending.delete(key);
    this.queue(owner, batch).then(
      (placed) => batch.forEach((w, i) => w.done(placed[i])),
      (error: unknown) => batch.forEach((w) => w.fail(error)),
    );
  }

  private async queue(owner: { type: string; id: string }, batch: Waiting[]): Promise<(Queued | null)[]> {
    const now = clock.now();
    const rows = await this.tx.run(async (em) => {
      // Latest committed state, share-locked: a cancellation in flight waits for this batch (and then
      // finds its rows), or has committed and the slot reads as not open.
      const slot = await this.repo.slotByOwnerLocked(owner.type, owner.id, em);
      if (!slot || slot.status !== 'open' || now >= slot.endsAt || now < slot.signupOpensAt || now > slot.signupClosesAt) return null;
      if (slot.eligibility || this.hooks.of(slot.ownerType).beforeEnrol) return null;
      if (slot.capacity - slot.reserved - slot.taken > 0) {
        this.seenFull.delete(`${owner.type}:${owner.id}`); // places left: the ordinary path seats people
        return null;
      }
      const queued = batch.map((w) => {
        const seats = 1 + w.companions.length;
        if (w.companions.length > slot.maxCompanions || seats > slot.capacity - slot.reserved) return null;
        return {
          id: newId(), slotId: slot.id, userId: w.userId, companions: w.companions, seats, status: 'waitlisted', fromReserve: false, waitlistedAt: now,
          offerExpiresAt: null, enteredBy: null, enteredReason: null, decidedBy: null, cancelReason: null, attendedAt: null, createdAt: now,
        } as Enrollment;
      });
      const candidates = queued.filter((e): e is Enrollment => e !== null);
      if (!candidates.length) return null;
      // One row per person and slot: someone already enrolled (or twice in this batch) is skipped here
      // and gets the ordinary path's answer.
      await this.repo.insertEnrollmentsIgnoring(em, candidates);
      const inserted = new Set(await this.repo.existingIds(em, candidates.map((e) => e.id)));
      const kept = queued.map((e) => (e && inserted.has(e.id) ? e : null));
      const notify = kept.filter((e): e is Enrollment => e !== null);
      if (notify.length) await this.notices.sendEach(em, 'waitlisted', slot, notify, now);
      return kept;
    });
    if (!rows) return batch.map(() => null);
    // Places: everyone queued before this batch, then the batch in id order (they joined in the same millisecond).
    const ordered = rows.filter((e): e is Enrollment => e !== null).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (!ordered.length) return batch.map(() => null);
    const first = await this.repo.waitlistPosition(ordered[0]);
    const place = new Map(ordered.map((e, i) => [e.id, first + i]));
    return rows.map((e) => (e ? { enrollment: e, position: place.get(e.id)! } : null));
  }
}
