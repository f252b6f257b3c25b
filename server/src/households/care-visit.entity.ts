import { Column, Entity, Index } from 'typeorm';
import { VISIT_METHODS, VISIT_SITUATIONS, type VisitMethod, type VisitSituation } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * 走访 record. Append-only: a correction is a new row naming the one it replaces (unique, so a
 * visit is corrected at most once and the chain stays a line).
 */
// Analytics reads visits by day across all households (the rollup refresh and rebuild).
@Entity('care_visits')
@Index(['householdId', 'visitedAt'])
@Index(['correctsVisitId'], { unique: true })
@Index(['visitedAt'])
export class CareVisit {
  @IdColumn() id: string;
  @RefColumn() householdId: string;
  @RefColumn() visitorId: string;
  @TimeColumn() visitedAt: Date;
  @Column({ type: 'simple-enum', enum: VISIT_METHODS }) method: VisitMethod;
  @Column({ type: 'simple-enum', enum: VISIT_SITUATIONS }) situation: VisitSituation;
  @Column({ type: 'simple-json' }) seenUserIds: string[];
  @Column({ type: 'varchar', length: 1000, nullable: true }) notes: string | null;
  @Column({ type: 'simple-json' }) needs: string[];
  @RefColumn({ nullable: true }) correctsVisitId: string | null;
  /** ImageStore file name of the visit's photo (re-encoded, EXIF/GPS stripped). */
  @Column({ type: 'varchar', length: 40, nullable: true }) photoFileName: string | null;
  /** Where the visit took place: only with the consent of everyone seen (checked when recorded). */
  @Column({ type: 'double', nullable: true }) lat: number | null;
  @Column({ type: 'double', nullable: true }) lng: number | null;
  @CreatedAt() createdAt: Date;
}

/** A need raised on a visit: a follow-up on the household until the case workflow takes these over. */
@Entity('household_tasks')
@Index(['householdId', 'status'])
export class HouseholdTask {
  @IdColumn() id: string;
  @RefColumn() householdId: string;
  @RefColumn({ nullable: true }) visitId: string | null;
  @Column({ type: 'varchar', length: 200 }) text: string;
  @Column({ type: 'simple-enum', enum: ['open', 'done'] }) status: 'open' | 'done';
  @RefColumn() createdBy: string;
  @RefColumn({ nullable: true }) doneBy: string | null;
  @TimeColumn({ nullable: true }) doneAt: Date | null;
  @CreatedAt() createdAt: Date;
}
