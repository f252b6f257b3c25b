import { createHash } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import type { AppConfig } from '../config/config.js';

/**
 * The REDIS_URL path of the outbox: a BullMQ job scheduler emits one "drain" job per poll interval for
 * all instances together, and whichever instance's worker takes it delivers. Rows are still claimed
 * with a lease in the database, so even overlapping drains never send a row twice; Redis only spreads
 * the polling. Instances sharing a database share a queue (the prefix is derived from the database).
 */
export class OutboxQueue {
  private readonly queue: Queue;
  private readonly worker: Worker;

  constructor(config: AppConfig, drain: () => Promise<unknown>) {
    const connection = { url: config.REDIS_URL!, maxRetriesPerRequest: null };
    const db = config.database.type === 'mariadb' ? config.database.url : config.database.path;
    const prefix = `honglin:${createHash('sha256').update(db).digest('hex').slice(0, 12)}`;
    this.queue = new Queue('outbox', { connection, prefix });
    this.worker = new Worker('outbox', async () => void (await drain()), { connection, prefix, concurrency: 1 });
  }

  async start(everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler('drain', { every: everyMs }, { name: 'drain', opts: { removeOnComplete: 50, removeOnFail: 50 } });
  }

  async stop(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
  }
}
