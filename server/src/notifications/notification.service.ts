import { Injectable } from '@nestjs/common';
import { afterQuietHours, SUBSCRIPTION_TEMPLATES, TEMPLATE_KEYS, type GrantsView, type InboxItemView, type Page, type SubscriptionGrantRequest, type TemplateKey } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationRepository } from './notification.repository.js';
import type { OutboxMessage } from './outbox-message.entity.js';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** Pushed to WeChat even in quiet hours (22:00–07:00 Beijing time); the inbox never waits. */
  urgent?: boolean;
  /** A key of SUBSCRIPTION_TEMPLATES: also sent as a WeChat subscription message when the user granted one. */
  templateKey?: string;
  /** Template fields (`thing1`, `time2`, …) for the WeChat message. */
  data?: Record<string, string>;
  /** Unique: enqueueing the same key again is ignored. */
  dedupeKey: string;
  /** A reminder for later: neither the inbox item nor the push goes out before then, nor in quiet hours. */
  notBefore?: Date;
  /** Withdraw every still-undelivered row of a group with `cancelGroup` (e.g. a cancelled enrollment's reminders). */
  groupKey?: string;
}

/** The one notification outbox: callers write rows in their own transaction; OutboxWorker delivers them. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly repo: NotificationRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** Writes an outbox row (and nothing else) in the CALLER's transaction; a worker delivers it later. dedupeKey unique: a repeat is ignored. */
  enqueue(em: EntityManager, n: NewNotification): Promise<void> {
    return this.enqueueMany(em, [n]);
  }

  /** Several rows in one statement (a sign-up writes its notice and its reminders together). */
  async enqueueMany(em: EntityManager, list: NewNotification[]): Promise<void> {
    if (!list.length) return;
    await this.repo.insertOutbox(em, list.map((n) => this.row(n)));
  }

  private row(n: NewNotification): Partial<OutboxMessage> {
    const at = n.notBefore ?? clock.now();
    return {
      id: newId(),
      userId: n.userId,
      kind: n.kind.slice(0, 40),
      title: n.title.slice(0, 60),
      body: n.body.slice(0, 500),
      link: n.link ?? null,
      urgent: n.urgent ?? false,
      templateKey: n.templateKey ?? null,
      data: n.data ?? null,
      dedupeKey: n.dedupeKey.slice(0, 120),
      groupKey: n.groupKey ?? null,
      status: 'pending',
      wechat: n.templateKey && n.data ? 'pending' : 'none',
      // What a person just did reaches the inbox at once, whatever the hour; the worker holds only its
      // WeChat push until morning. A reminder planned for later keeps to the daytime as a whole.
      notBefore: n.urgent || !n.notBefore ? at : afterQuietHours(at),
      attempts: 0,
    };
  }

  /** Withdraws the group's rows that no worker has picked up yet. */
  cancelGroup(em: EntityManager, groupKey: string): Promise<void> {
    return this.repo.cancelGroup(em, groupKey);
  }

  /** Records what `wx.requestSubscribeMessage` answered: each `accept` allows exactly one message. */
  async recordGrants(userId: string, req: SubscriptionGrantRequest): Promise<GrantsView> {
    await this.tx.run(async (em) => {
      for (const r of req.results) if (r.result === 'accept') await this.repo.addGrants(em, userId, r.templateKey, 1);
    });
    return this.grants(userId);
  }

  async grants(userId: string): Promise<GrantsView> {
    const rows = await this.repo.grantsOf(userId);
    return {
      grants: TEMPLATE_KEYS.map((k: TemplateKey) => ({
        templateKey: k,
        templateId: SUBSCRIPTION_TEMPLATES[k].id,
        remaining: rows.find((r) => r.templateKey === k)?.remaining ?? 0,
      })),
    };
  }

  async inbox(userId: string, limit: number, cursor?: string): Promise<Page<InboxItemView> & { unread: number }> {
    const rows = await this.repo.inbox(userId, limit + 1, cursor);
    const items = rows.slice(0, limit).map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      body: i.body,
      link: i.link,
      read: i.readAt !== null,
      createdAt: i.createdAt.toISOString(),
    }));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null, unread: await this.repo.unreadCount(userId) };
  }

  async unread(userId: string): Promise<{ unread: number }> {
    return { unread: await this.repo.unreadCount(userId) };
  }

  async markRead(userId: string, ids?: string[]): Promise<{ unread: number }> {
    await this.tx.run((em) => this.repo.markRead(em, userId, ids, clock.now()));
    return this.unread(userId);
  }
}
