import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, RefColumn } from '../database/columns.js';

/** One rating per attendee per activity; the comment has passed WeChat's content check. */
@Entity('activity_ratings')
@Index(['activityId', 'userId'], { unique: true })
export class ActivityRating {
  @IdColumn() id: string;
  @RefColumn() activityId: string;
  @RefColumn() userId: string;
  @Column({ type: 'int' }) stars: number;
  @Column({ type: 'varchar', length: 300 }) comment: string;
  /** visible: passed the content check; held: WeChat could not judge it, so a person must look first. */
  @Column({ type: 'simple-enum', enum: ['none', 'visible', 'held'], default: 'none' }) commentStatus: 'none' | 'visible' | 'held';
  @CreatedAt() createdAt: Date;
}
