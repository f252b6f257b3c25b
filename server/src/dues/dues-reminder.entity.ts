import { Column, Entity, Index } from 'typeorm';
import { DUES_REMINDER_KINDS, type DuesReminderKind } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * An automatic reminder sent (queued in the outbox) for one bill. The unique key is the "at most
 * once per bill per kind" rule, and lets the job find the bills still to remind cheaply.
 */
@Entity('dues_reminders')
@Index(['billId', 'kind'], { unique: true })
export class DuesReminder {
  @IdColumn() id: string;
  @RefColumn() billId: string;
  @Column({ type: 'simple-enum', enum: DUES_REMINDER_KINDS }) kind: DuesReminderKind;
  /** When the outbox may deliver it (never in quiet hours). */
  @TimeColumn() notBefore: Date;
  @CreatedAt() createdAt: Date;
}
