import type { DataSource, EntityManager } from 'typeorm';
import { isSqlite } from './data-source.js';

const RETRYABLE_MARIADB = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

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

  constructor(private readonly dataSource: DataSource) {
    this.sqlite = isSqlite(dataSource);
  }

  run<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.sqlite) {
      const next = this.tail.then(
        () => this.dataSource.transaction(fn),
        () => this.dataSource.transaction(fn),
      );
      this.tail = next.catch(() => undefined);
      return next;
    }
    return this.withRetry(fn);
  }

  private async withRetry<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(fn);
      } catch (error) {
        const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
        if (attempt >= 5 || !code || !RETRYABLE_MARIADB.has(code)) throw error;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
      }
    }
  }
}
