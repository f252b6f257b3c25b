import { Column, Entity, Index } from 'typeorm';
import { ACTIVITY_CATEGORIES, type ActivityCategory } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/** A neighbourhood activity (社区活动). Places, window and eligibility live on its enrollment slot. */
@Entity('activities')
@Index(['communityId', 'startsAt'])
@Index(['startsAt'])
export class Activity {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  /** Path of the community node: the organiser scope filter. */
  @Column({ type: 'varchar', length: 300 }) communityPath: string;
  @Column({ type: 'varchar', length: 40 }) title: string;
  @Column({ type: 'simple-enum', enum: ACTIVITY_CATEGORIES }) category: ActivityCategory;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) coverImage: string | null;
  @Column({ type: 'varchar', length: 100 }) place: string;
  @TimeColumn() startsAt: Date;
  @TimeColumn() endsAt: Date;
  @RefColumn() slotId: string;
  @Column({ type: 'simple-enum', enum: ['published', 'cancelled'], default: 'published' }) status: 'published' | 'cancelled';
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
