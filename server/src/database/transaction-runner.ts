import type { DataSource, EntityManager } from 'typeorm';
import { isSqlite } from './data-source.js';

const RETRYABLE_MARIADB = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 8;

/** Work that commits with a transaction: the audit entry of the organiser write it belongs to. */
export interface CommitHook {
  /** Runs last inside the transaction; true if it wrote something that must commit with it. */
  beforeCommit(em: EntityManager): Promise<boolean>;
  /** After a transaction the hook wrote in: committed, or rolled back (a MariaDB retry writes again). */
  settled(committed: boolean): void;
}

/**
 * The only way the server opens a transaction.
 *
 * SQLite: TypeORM shares one better-sqlite3 connection, so two overlapping transactions silently
 * become one (with a savepoint) and one can lose the other's rows. We queue them instead.
 * MariaDB: deadlocks under contention are normal; the whole unit is retried a few times.
 * Never await network I/O inside `fn`.
 */
export class TransactionRunner {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly sqlite: boolean;
  private hook?: CommitHook;

  constructor(private readonly dataSource: DataSource) {
    this.sqlite = isSqlite(dataSource);
  }

  /** The audit trail registers here so an organiser's write and its entry commit together. */
  setCommitHook(hook: CommitHook): void {
    this.hook = hook;
  }

  run<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.sqlite) {
      const next = this.tail.then(
        () => this.once(fn),
        () => this.once(fn),
      );
      this.tail = next.catch(() => undefined);
      return next;
    }
    return this.withRetry(fn);
  }

  private async once<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    const hook = this.hook;
    if (!hook) return this.dataSource.transaction(fn);
    let wrote = false;
    try {
      const result = await this.dataSource.transaction(async (em) => {
        const r = await fn(em);
        wrote = await hook.beforeCommit(em);
        return r;
      });
      if (wrote) hook.settled(true);
      return result;
    } catch (error) {
      if (wrote) hook.settled(false);
      throw error;
    }
  }

  private async withRetry<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(fn);
      } catch (error) {
        const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
        if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE_MARIADB.has(code)) throw error;
        // Full jitter, growing: many writers on one hot row (twenty payments of one member landing at
        // once) otherwise collide again in lock step and run out of attempts.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(400, 10 * 2 ** attempt)));
      }
    }
  }
}
