import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, UpdatedAt } from '../database/columns.js';

/** How many one-time subscription messages a person has granted for a template and we have not yet spent. */
@Entity('subscription_grants')
@Index(['userId', 'templateKey'], { unique: true })
export class SubscriptionGrant {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Column({ type: 'varchar', length: 40 }) templateKey: string;
  @Column({ type: 'int', default: 0 }) remaining: number;
  @UpdatedAt() updatedAt: Date;
}
