import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CampaignsRepository } from './campaigns.repository.js';

/**
 * The per-person mutex that makes "no two overlapping shifts" hold under concurrency. The overlap
 * check reads the person's shifts and then inserts, so two parallel sign-ups of one person to two
 * overlapping shifts could both pass it. Every shift sign-up therefore locks the person's volunteer
 * profile row as the FIRST statement of its transaction: a second sign-up waits for the first to
 * commit, and because MariaDB takes a transaction's snapshot at its first plain read (after the
 * lock), its overlap read then sees the first one's enrollment. SQLite transactions are serialised
 * by TransactionRunner; the same calls run there and cost nothing.
 */
@Injectable()
export class VolunteerLocks {
  /** Transactions whose first statement was `hold`, and for whom: the overlap check refuses to run in any other. */
  private readonly held = new WeakMap<EntityManager, string>();

  constructor(
    private readonly repo: CampaignsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Before the sign-up's transaction: creates the (empty) profile row if the person has none, in its
   * own short transaction, so that `hold` only ever locks an existing row by its unique key (a
   * record lock; a missing row would take a gap lock that parallel first-time volunteers deadlock on).
   */
  async prepare(userId: string): Promise<void> {
    if (await this.repo.profile(userId)) return;
    await this.tx.run((em) => this.repo.ensureProfile(em, userId, newId()));
  }

  /** The first statement of a shift sign-up's transaction. */
  async hold(em: EntityManager, userId: string): Promise<void> {
    if (!(await this.repo.lockProfile(em, userId))) {
      await this.repo.ensureProfile(em, userId, newId());
      await this.repo.lockProfile(em, userId);
    }
    this.held.set(em, userId);
  }

  /** A programming error, not bad input: a sign-up path that forgot `hold` would reopen the race. */
  assertHeld(em: EntityManager, userId: string): void {
    if (this.held.get(em) !== userId) throw new Error('shift sign-up without VolunteerLocks.hold as its first statement');
  }
}
