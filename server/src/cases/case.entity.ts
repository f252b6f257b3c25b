import { Column, Entity, Index } from 'typeorm';
import { CASE_KINDS, CASE_RATINGS, CASE_STATUSES, type CaseKind, type CaseRating, type CaseStatus } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/**
 * One case (工单) of the one workflow (ADR 0017). Rows are never deleted: they are the record that
 * somebody asked and somebody answered. The clock columns (`dueAt`, `dueSoonAt`, `escalateAt`) hold
 * the next thing the reminder job must do, so an idle pass is three indexed range queries.
 */
@Entity('cases')
@Index(['status', 'dueSoonAt'])
@Index(['status', 'escalateAt'])
@Index(['handlerId', 'status'])
@Index(['reporterId'])
@Index(['buildingId', 'category', 'status'])
@Index(['orgPath'])
export class Case {
  @IdColumn() id: string;
  @Column({ type: 'simple-enum', enum: CASE_KINDS }) kind: CaseKind;
  /** A report category (CASE_CATEGORIES) or, for other kinds, their own category. */
  @Column({ type: 'varchar', length: 30 }) category: string;
  @Column({ type: 'simple-enum', enum: CASE_STATUSES }) status: CaseStatus;
  @Column({ type: 'varchar', length: 1000 }) text: string;
  @RefColumn() reporterId: string;
  /** Filed on the reporter's behalf (代办) by this person. */
  @RefColumn({ nullable: true }) filedById: string | null;
  /** The reporter is hidden from the handler (never shown to neighbours in any case). */
  @Column({ type: 'boolean', default: false }) anonymous: boolean;
  @RefColumn() communityId: string;
  @RefColumn({ nullable: true }) gridId: string | null;
  @RefColumn({ nullable: true }) buildingId: string | null;
  /** Path of the place (building or grid): decides whose queue and scope it is in. */
  @Column({ type: 'varchar', length: 300 }) orgPath: string;
  @RefColumn({ nullable: true }) handlerId: string | null;
  @TimeColumn() acceptDueAt: Date;
  @TimeColumn({ nullable: true }) resolveDueAt: Date | null;
  /** The deadline running now (accept or resolve); null when no clock runs. */
  @TimeColumn({ nullable: true }) dueAt: Date | null;
  /** When the due-soon reminder is due; cleared by the pass that sends it. */
  @TimeColumn({ nullable: true }) dueSoonAt: Date | null;
  /** When the next escalation step is due; null when none is (done, or at the street already). */
  @TimeColumn({ nullable: true }) escalateAt: Date | null;
  @Column({ type: 'int', default: 0 }) escalationLevel: number;
  @TimeColumn({ nullable: true }) acceptedAt: Date | null;
  @TimeColumn({ nullable: true }) resolvedAt: Date | null;
  @TimeColumn({ nullable: true }) closedAt: Date | null;
  @Column({ type: 'simple-enum', enum: CASE_RATINGS, nullable: true }) rating: CaseRating | null;
  @Column({ type: 'int', default: 0 }) reopenCount: number;
  @RefColumn({ nullable: true }) mergedIntoId: string | null;
  /** The reason of a side exit (不予受理, 无法办理). */
  @Column({ type: 'varchar', length: 200, nullable: true }) exitReason: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
