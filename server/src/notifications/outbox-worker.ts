import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { afterQuietHours, SUBSCRIPTION_TEMPLATES, type TemplateKey } from '@honglin/shared';
import { clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { EntityManager } from 'typeorm';
import { WechatClient, type SubscribeMessage } from '../wechat/wechat.client.js';
import { NotificationRepository } from './notification.repository.js';
import type { OutboxMessage } from './outbox-message.entity.js';
import { OutboxQueue } from './outbox-queue.js';

const LEASE_MS = 60_000;
/** Rows per claim: inbox-only rows of a batch are delivered with a handful of statements in all. */
const BATCH = 200;
export const MAX_ATTEMPTS = 6;
/** WeChat says the user holds no grant for the template: nothing was spent on their side, nothing to refund. */
const NO_GRANT_ERRCODE = 43101;

/**
 * Delivers outbox rows: always to the in-app inbox, and as a WeChat subscription message when the user
 * holds a grant for the row's template. Each row is claimed with a lease (conditional UPDATE), so
 * several instances may run this side by side. WeChat is called outside any transaction; a row whose
 * send outcome was lost in a crash (`sending` with an expired lease) is never sent again.
 */
@Injectable()
export class OutboxWorker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('OutboxWorker');
  readonly id = newId();
  private readonly job: PeriodicJob;
  private stopped = false;
  private queue: OutboxQueue | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: NotificationRepository,
    private readonly tx: TransactionRunner,
    private readonly wechat: WechatClient,
  ) {
    this.job = new PeriodicJob('outbox delivery', config.OUTBOX_POLL_MS, () => this.drain(), this.logger);
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.OUTBOX_WORKER) return;
    if (this.config.REDIS_URL) {
      this.queue = new OutboxQueue(this.config, () => this.drain());
      await this.queue.start(this.config.OUTBOX_POLL_MS);
    } else {
      this.job.start();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.job.stop();
    await this.queue?.stop();
  }

  /** Delivers every due row; returns how many it handled. Tests call it directly. */
  async drain(now = () => clock.now()): Promise<number> {
    let handled = 0;
    while (!this.stopped) {
      const t = now();
      const ids = await this.repo.claim(await this.repo.dueIds(t, BATCH), this.id, t, new Date(t.getTime() + LEASE_MS));
      if (ids.length === 0) return handled;
      handled += ids.length;
      // One transaction prepares the whole batch (inbox rows, grants); WeChat is called after it.
      const sends = await this.tx.run((em) => this.prepare(em, ids, t));
      for (const send of sends) await this.send(send, now);
    }
    return handled;
  }

  /** Claims and delivers one row (tests simulate a worker that dies half way with claim + prepare). */
  async deliver(id: string, now = () => clock.now()): Promise<void> {
    const t = now();
    if (!(await this.repo.claim([id], this.id, t, new Date(t.getTime() + LEASE_MS))).length) return;
    const [send] = await this.tx.run((em) => this.prepare(em, [id], t));
    if (send) await this.send(send, now);
  }

  private async send({ id, message, row }: Send, now: () => Date): Promise<void> {
    const result = await this.wechat.sendSubscribeMessage(message).catch((e: unknown) => {
      this.logger.warn(`subscribe send threw: ${(e as Error).message}`);
      return { ok: false as const, errcode: -1, retryable: true };
    });
    await this.tx.run(async (em) => {
      if (result.ok) {
        await this.repo.updateHeld(em, id, this.id, { wechat: 'sent', grantHeld: false, status: 'delivered', deliveredAt: now(), leaseOwner: null, leaseUntil: null });
        return;
      }
      const error = `errcode ${result.errcode}`;
      if (result.retryable && row.attempts < MAX_ATTEMPTS) {
        const delay = Math.min(this.config.OUTBOX_BACKOFF_MS * 2 ** (row.attempts - 1), 3_600_000);
        await this.repo.updateHeld(em, id, this.id, { wechat: 'pending', lastError: error, notBefore: new Date(now().getTime() + delay), leaseOwner: null, leaseUntil: null });
        return;
      }
      // Given up: the notice is in the inbox already; give the grant back unless WeChat says there was none.
      if (result.errcode !== NO_GRANT_ERRCODE) await this.repo.addGrants(em, row.userId, row.templateKey!, 1);
      await this.repo.updateHeld(em, id, this.id, { wechat: 'failed', grantHeld: false, lastError: error, status: 'delivered', deliveredAt: now(), leaseOwner: null, leaseUntil: null });
    });
  }

  /**
   * Every held row reaches the inbox (one insert for the batch); rows with nothing for WeChat are done
   * then (one update for the batch); the rest get a grant spent and a message to send after commit.
   */
  private async prepare(em: EntityManager, ids: string[], now: Date): Promise<Send[]> {
    const rows = (await this.repo.findOutboxMany(em, ids)).filter((r) => r.leaseOwner === this.id && r.status === 'pending');
    await this.repo.insertInbox(em, rows.filter((r) => !r.inboxDone));
    const forWechat = rows.filter((r) => r.wechat === 'sending' || r.wechat === 'pending');
    const inboxOnly = rows.filter((r) => !forWechat.includes(r)).map((r) => r.id);
    await this.repo.updateHeldMany(em, inboxOnly, this.id, { inboxDone: true, status: 'delivered', deliveredAt: now, leaseOwner: null, leaseUntil: null });
    const sends: Send[] = [];
    for (const row of forWechat) {
      const send = await this.prepareWechat(em, row, now);
      if (send) sends.push(send);
    }
    return sends;
  }

  private async prepareWechat(em: EntityManager, row: OutboxMessage, now: Date): Promise<Send | null> {
    const patch: Partial<OutboxMessage> = { inboxDone: true };
    let message: SubscribeMessage | null = null;
    const pushAt = row.urgent ? now : afterQuietHours(now);
    if (row.wechat === 'pending' && pushAt > now) {
      // Quiet hours hold the phone's buzz, not the inbox: the item is in the inbox now (inboxDone), and
      // the row comes due again at 07:00 for its push alone. No grant is spent, and no attempt counted.
      const held = { inboxDone: true, notBefore: pushAt, attempts: Math.max(0, row.attempts - 1), leaseOwner: null, leaseUntil: null };
      return this.repo.updateHeld(em, row.id, this.id, held).then(() => null);
    }
    if (row.wechat === 'sending') {
      // A previous holder crashed between sending and recording: it may have gone out. Never send twice.
      patch.wechat = 'unknown';
      patch.grantHeld = false;
    } else {
      const openid = await this.repo.openidOf(em, row.userId);
      const template = SUBSCRIPTION_TEMPLATES[row.templateKey as TemplateKey];
      const granted = row.grantHeld || (openid && template ? await this.repo.spendGrant(em, row.userId, row.templateKey!) : false);
      if (granted && openid && template && row.data) {
        patch.wechat = 'sending';
        patch.grantHeld = true;
        message = { openid, templateId: template.id, page: row.link?.replace(/^\//, '') ?? undefined, data: row.data };
      } else {
        patch.wechat = 'skipped';
      }
    }
    if (!message) Object.assign(patch, { status: 'delivered', deliveredAt: now, leaseOwner: null, leaseUntil: null });
    if (!(await this.repo.updateHeld(em, row.id, this.id, patch))) return null;
    return message ? { id: row.id, message, row: { ...row, ...patch } as OutboxMessage } : null;
  }
}

interface Send {
  id: string;
  message: SubscribeMessage;
  row: OutboxMessage;
}
