import { Injectable } from '@nestjs/common';
import { dueDuesReminders, formatYuan, monthDueAt, type DuesReminderKind } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationService, type NewNotification } from '../notifications/notification.service.js';
import type { DuesBill } from './dues-bill.entity.js';
import { DuesRepository } from './dues.repository.js';
import { clock } from '../common/clock.js';

const BATCH = 200;
const MAX_BATCHES = 500;
const DUES_LINK = '/packages/dues/pages/index/index';

/** Every reminder about one bill shares a group, so paying the bill withdraws those not yet delivered. */
export const duesReminderGroup = (billId: string) => `dues:${billId}`;

const TEXT: Record<DuesReminderKind, { title: (m: string) => string; body: (b: DuesBill) => string }> = {
  due: {
    title: (m) => `${m} 党费待缴`,
    body: (b) => `您${b.month}的党费 ${formatYuan(b.amountFen)} 元尚未缴纳，请在本月底前在小程序"我的—党费"中缴纳。`,
  },
  overdue: {
    title: (m) => `${m} 党费已逾期`,
    body: (b) => `您${b.month}的党费 ${formatYuan(b.amountFen)} 元已逾期未缴，请尽快在小程序"我的—党费"中缴纳，如有困难请联系支部。`,
  },
};

/**
 * Automatic reminders for unpaid bills through the one outbox, on the cadence of `dueDuesReminders`
 * (shared): the 20th of the month and again when a bill has just become overdue, in Beijing daytime.
 * At most once per bill per kind (a `dues_reminders` row and the outbox dedupe key); withdrawn by
 * `withdraw` when the bill is paid before delivery. Safe on several instances.
 */
@Injectable()
export class DuesReminders {
  constructor(
    private readonly repo: DuesRepository,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
  ) {}

  /** One pass of the job; returns how many reminders were queued. */
  async run(now = clock.now()): Promise<number> {
    let queued = 0;
    for (const w of dueDuesReminders(now)) {
      // Bounded: a batch whose rows were not recorded would otherwise come back forever.
      for (let pass = 0; pass < MAX_BATCHES; pass++) {
        const batch = await this.repo.billsToRemind(w.month, w.kind, BATCH);
        if (!batch.length) break;
        queued += await this.tx.run(async (em) => {
          // Locked and re-read: a bill paid meanwhile is skipped, and a payment committing after this
          // transaction finds the reminder in the outbox and withdraws it.
          const unpaid = (await this.repo.lockBills(em, batch.map((b) => b.id))).filter((b) => b.status === 'unpaid');
          await this.repo.insertReminders(em, unpaid.map((b) => ({ id: newId(), billId: b.id, kind: w.kind, notBefore: w.at })));
          await this.notifications.enqueueMany(em, unpaid.map((b) => this.notice(b, w.kind, w.at)));
          return unpaid.length;
        });
        if (batch.length < BATCH) break;
      }
    }
    return queued;
  }

  notice(b: DuesBill, kind: DuesReminderKind | 'manual', at: Date, dedupeKey = `dues-auto:${b.id}:${kind}`): NewNotification {
    const text = TEXT[kind === 'manual' ? (at >= monthDueAt(b.month) ? 'overdue' : 'due') : kind];
    return {
      userId: b.userId,
      kind: `dues_reminder${kind === 'manual' ? '' : `_${kind}`}`,
      title: text.title(b.month),
      body: text.body(b),
      link: DUES_LINK,
      dedupeKey,
      groupKey: duesReminderGroup(b.id),
      notBefore: at,
    };
  }

  /** Withdraws the bills' reminders no worker has picked up yet (called in the paying transaction). */
  async withdraw(em: EntityManager, billIds: string[]): Promise<void> {
    for (const id of billIds) await this.notifications.cancelGroup(em, duesReminderGroup(id));
  }
}
