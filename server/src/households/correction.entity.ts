import { Column, Entity, Index } from 'typeorm';
import { CORRECTION_FIELDS, CORRECTION_STATUSES, type CorrectionField, type CorrectionStatus } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * 更正申请 (PIPL art. 46: people may have their information corrected). `openKey` is `user:field`
 * while open, NULL once decided: one open request per person and item, even under double taps.
 */
@Entity('correction_requests')
@Index(['openKey'], { unique: true })
@Index(['userId', 'createdAt'])
@Index(['status', 'createdAt'])
@Index(['path'])
export class CorrectionRequestRow {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn() householdId: string;
  @RefColumn() communityId: string;
  /** The household's building path when filed: decides which grid staff answer. */
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'simple-enum', enum: CORRECTION_FIELDS }) field: CorrectionField;
  @Column({ type: 'varchar', length: 200 }) proposed: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) reason: string | null;
  @Column({ type: 'simple-enum', enum: CORRECTION_STATUSES }) status: CorrectionStatus;
  @Column({ type: 'varchar', length: 60, nullable: true }) openKey: string | null;
  @RefColumn({ nullable: true }) decidedBy: string | null;
  @TimeColumn({ nullable: true }) decidedAt: Date | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) decisionReason: string | null;
  @CreatedAt() createdAt: Date;
}
