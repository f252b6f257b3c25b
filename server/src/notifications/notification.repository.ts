import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { newId } from '../common/ids.js';
import { insertRows } from '../database/fast-sql.js';
import { User } from '../members/user.entity.js';
import { InboxItem } from './inbox-item.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { SubscriptionGrant } from './subscription-grant.entity.js';

/** The only place that builds queries over the outbox, the inbox and subscription grants. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly ds: DataSource) {}

  /** Insert unless a row with the same dedupe key exists (a repeat is ignored). */
  /** Every business change writes here (plain SQL: database/fast-sql.ts); a repeated dedupe key is skipped. */
  insertOutbox(em: EntityManager, rows: Partial<OutboxMessage>[]): Promise<void> {
    return insertRows(em, OutboxMessage, rows, { ignore: true });
  }

  /**
   * Finds the rows with a plain read, then updates them by primary key (still only if pending and
   * unclaimed). An UPDATE … WHERE groupKey = ? that matches nothing gap-locks the groupKey index on
   * MariaDB, and two such transactions that then insert outbox rows deadlock each other: twenty
   * payments landing at once (bench crash) ran out of retries that way.
   */
  async cancelGroup(em: EntityManager, groupKey: string): Promise<void> {
    const where = 'groupKey = :groupKey AND status = :pending AND leaseOwner IS NULL';
    const rows = await em.createQueryBuilder(OutboxMessage, 'o').select('o.id', 'id').where(where, { groupKey, pending: 'pending' }).getRawMany<{ id: string }>();
    if (!rows.length) return;
    await em
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'cancelled' })
      .where('id IN (:...ids) AND status = :pending AND leaseOwner IS NULL', { ids: rows.map((r) => r.id), pending: 'pending' })
      .execute();
  }

  async dueIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.ds.manager
      .createQueryBuilder(OutboxMessage, 'o')
      .select('o.id', 'id')
      .where('o.status = :pending AND o.notBefore <= :now', { pending: 'pending', now })
      .andWhere('(o.leaseUntil IS NULL OR o.leaseUntil < :now)', { now })
      .orderBy('o.notBefore', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /**
   * Conditional claim of a batch: only rows still pending and unleased are taken, so only one worker
   * (of any instance) wins each row until its lease runs out. Returns the ids this worker now holds.
   */
  async claim(ids: string[], owner: string, now: Date, leaseUntil: Date): Promise<string[]> {
    if (!ids.length) return [];
    await this.ds.manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ leaseOwner: owner, leaseUntil, attempts: () => 'attempts + 1' })
      .where('id IN (:...ids) AND status = :pending AND notBefore <= :now', { ids, pending: 'pending', now })
      .andWhere('(leaseUntil IS NULL OR leaseUntil < :now)', { now })
      .execute();
    const held = await this.ds.manager
      .createQueryBuilder(OutboxMessage, 'o')
      .select('o.id', 'id')
      .where('o.id IN (:...ids) AND o.leaseOwner = :owner AND o.leaseUntil = :leaseUntil AND o.status = :pending', { ids, owner, leaseUntil, pending: 'pending' })
      .getRawMany<{ id: string }>();
    return held.map((r) => r.id);
  }

  findOutboxMany(em: EntityManager, ids: string[]): Promise<OutboxMessage[]> {
    return ids.length ? em.find(OutboxMessage, { where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** The same patch on every listed row `owner` still holds (a batch of inbox-only deliveries). */
  async updateHeldMany(em: EntityManager, ids: string[], owner: string, patch: Partial<OutboxMessage>): Promise<void> {
    if (!ids.length) return;
    await em
      .createQueryBuilder()
      .update(OutboxMessage)
      .set(patch)
      .where('id IN (:...ids) AND leaseOwner = :owner AND status = :pending', { ids, owner, pending: 'pending' })
      .execute();
  }

  /** Updates a row only while `owner` still holds it; false when the lease was lost. */
  async updateHeld(em: EntityManager, id: string, owner: string, patch: Partial<OutboxMessage>): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(OutboxMessage)
      .set(patch)
      .where('id = :id AND leaseOwner = :owner AND status = :pending', { id, owner, pending: 'pending' })
      .execute();
    return res.affected === 1;
  }

  openidOf(em: EntityManager, userId: string): Promise<string | null> {
    return em.findOne(User, { where: { id: userId }, select: { id: true, openid: true } }).then((u) => u?.openid ?? null);
  }

  /** One statement for a batch; a row whose outbox message already reached the inbox is ignored. */
  async insertInbox(em: EntityManager, messages: OutboxMessage[]): Promise<void> {
    if (!messages.length) return;
    await em
      .createQueryBuilder()
      .insert()
      .into(InboxItem)
      .values(messages.map((m) => ({ id: newId(), userId: m.userId, outboxId: m.id, kind: m.kind, title: m.title, body: m.body, link: m.link, readAt: null })))
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  inbox(userId: string, limit: number, cursor?: string): Promise<InboxItem[]> {
    const qb = this.ds.manager.createQueryBuilder(InboxItem, 'i').where('i.userId = :userId', { userId });
    if (cursor) qb.andWhere('i.id < :cursor', { cursor });
    return qb.orderBy('i.id', 'DESC').limit(limit).getMany();
  }

  unreadCount(userId: string): Promise<number> {
    return this.ds.manager.createQueryBuilder(InboxItem, 'i').where('i.userId = :userId AND i.readAt IS NULL', { userId }).getCount();
  }

  async markRead(em: EntityManager, userId: string, ids: string[] | undefined, now: Date): Promise<void> {
    if (ids?.length === 0) return; // an empty list names no item (undefined means all)
    const qb = em.createQueryBuilder().update(InboxItem).set({ readAt: now }).where('userId = :userId AND readAt IS NULL', { userId });
    if (ids) qb.andWhere('id IN (:...ids)', { ids });
    await qb.execute();
  }

  async addGrants(em: EntityManager, userId: string, templateKey: string, n: number): Promise<void> {
    await em.createQueryBuilder().insert().into(SubscriptionGrant).values({ id: newId(), userId, templateKey, remaining: 0 }).orIgnore().execute();
    await em
      .createQueryBuilder()
      .update(SubscriptionGrant)
      .set({ remaining: () => `remaining + ${Number(n)}` })
      .where('userId = :userId AND templateKey = :templateKey', { userId, templateKey })
      .execute();
  }

  /** Spends one grant if there is one left; the condition makes concurrent spends safe. */
  async spendGrant(em: EntityManager, userId: string, templateKey: string): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(SubscriptionGrant)
      .set({ remaining: () => 'remaining - 1' })
      .where('userId = :userId AND templateKey = :templateKey AND remaining > 0', { userId, templateKey })
      .execute();
    return res.affected === 1;
  }

  grantsOf(userId: string): Promise<SubscriptionGrant[]> {
    return this.ds.manager.find(SubscriptionGrant, { where: { userId } });
  }
}
