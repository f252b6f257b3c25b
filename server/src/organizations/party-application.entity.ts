import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

export const PARTY_APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type PartyApplicationStatus = (typeof PARTY_APPLICATION_STATUSES)[number];

/** A resident's request to be recognised as a Party member of a branch. */
@Entity('party_applications')
@Index(['userId', 'status'])
@Index(['branchId', 'status'])
export class PartyApplication {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn() branchId: string;
  @Column({ type: 'simple-enum', enum: PARTY_APPLICATION_STATUSES, default: 'pending' }) status: PartyApplicationStatus;
  @Column({ type: 'varchar', length: 200, nullable: true }) note: string | null;
  @RefColumn({ nullable: true }) decidedBy: string | null;
  @TimeColumn({ nullable: true }) decidedAt: Date | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) decisionReason: string | null;
  @CreatedAt() createdAt: Date;
}
