import { Column, Entity, Index } from 'typeorm';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, type ComplaintCategory, type ComplaintStatus } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/**
 * 举报投诉 about misuse of personal data. Filed under the complainant's community (`orgPath`), so the
 * admins above it answer; rows are never deleted, they are the record that a complaint was handled.
 */
@Entity('complaints')
@Index(['complainantId', 'status'])
@Index(['status', 'dueAt'])
@Index(['orgPath'])
export class Complaint {
  @IdColumn() id: string;
  @RefColumn() complainantId: string;
  @Column({ type: 'simple-enum', enum: COMPLAINT_CATEGORIES }) category: ComplaintCategory;
  @Column({ type: 'varchar', length: 1000 }) text: string;
  /** Who or what it is about, in the complainant's words. */
  @Column({ type: 'varchar', length: 100, nullable: true }) subject: string | null;
  @RefColumn({ nullable: true }) accusedUserId: string | null;
  /** The complainant asked that the accused not learn who complained. */
  @Column({ type: 'boolean', default: false }) anonymous: boolean;
  @Column({ type: 'simple-enum', enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @RefColumn() communityId: string;
  /** Path of the complainant's community when filed: the scope that decides which admins answer. */
  @Column({ type: 'varchar', length: 300 }) orgPath: string;
  @TimeColumn() dueAt: Date;
  @Column({ type: 'varchar', length: 1000, nullable: true }) answer: string | null;
  @RefColumn({ nullable: true }) answeredBy: string | null;
  @TimeColumn({ nullable: true }) answeredAt: Date | null;
  @TimeColumn({ nullable: true }) closedAt: Date | null;
  @TimeColumn({ nullable: true }) withdrawnAt: Date | null;
  /** Set when the admins were reminded; the job reminds at most once per complaint per kind. */
  @TimeColumn({ nullable: true }) dueSoonRemindedAt: Date | null;
  @TimeColumn({ nullable: true }) overdueRemindedAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
