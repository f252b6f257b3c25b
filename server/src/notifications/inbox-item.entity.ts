import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/** A notice in the person's 消息 inbox. One per outbox row (unique), so a redelivery cannot duplicate it. */
@Entity('inbox_items')
@Index(['outboxId'], { unique: true })
@Index(['userId', 'id'])
export class InboxItem {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn() outboxId: string;
  @Column({ type: 'varchar', length: 40 }) kind: string;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 500 }) body: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) link: string | null;
  @TimeColumn({ nullable: true }) readAt: Date | null;
  @CreatedAt() createdAt: Date;
}
