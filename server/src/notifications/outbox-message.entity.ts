import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

export const OUTBOX_STATUSES = ['pending', 'delivered', 'cancelled'] as const;
/** none: inbox only; pending: a WeChat send is still to be tried; sending: tried, outcome not yet recorded. */
export const WECHAT_STATES = ['none', 'pending', 'sending', 'sent', 'skipped', 'failed', 'unknown'] as const;

/**
 * One notice to one person, written in the same transaction as the business change that caused it.
 * The worker claims rows with a lease (conditional UPDATE), so two instances never deliver the same one.
 */
@Entity('outbox_messages')
@Index(['dedupeKey'], { unique: true })
@Index(['status', 'notBefore'])
@Index(['groupKey'])
export class OutboxMessage {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Column({ type: 'varchar', length: 40 }) kind: string;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 500 }) body: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) link: string | null;
  @Column({ type: 'boolean', default: false }) urgent: boolean;
  @Column({ type: 'varchar', length: 40, nullable: true }) templateKey: string | null;
  @Column({ type: 'simple-json', nullable: true }) data: Record<string, string> | null;
  @Column({ type: 'varchar', length: 120 }) dedupeKey: string;
  /** Rows sharing a group (e.g. one enrollment's reminders) can be withdrawn together before delivery. */
  @Column({ type: 'varchar', length: 80, nullable: true }) groupKey: string | null;
  @Column({ type: 'simple-enum', enum: OUTBOX_STATUSES, default: 'pending' }) status: (typeof OUTBOX_STATUSES)[number];
  @Column({ type: 'simple-enum', enum: WECHAT_STATES, default: 'none' }) wechat: (typeof WECHAT_STATES)[number];
  /** A subscription grant was spent for this row and not yet used or refunded. */
  @Column({ type: 'boolean', default: false }) grantHeld: boolean;
  @Column({ type: 'boolean', default: false }) inboxDone: boolean;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @TimeColumn() notBefore: Date;
  @TimeColumn({ nullable: true }) leaseUntil: Date | null;
  @Column({ type: 'varchar', length: 26, nullable: true }) leaseOwner: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) lastError: string | null;
  @TimeColumn({ nullable: true }) deliveredAt: Date | null;
  @CreatedAt() createdAt: Date;
}
