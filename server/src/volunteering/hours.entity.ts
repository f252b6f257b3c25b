import { Column, Entity, Index } from 'typeorm';
import { HOURS_STATUSES, type HoursStatus } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/**
 * Hours served on one shift, written at check-out (or by the 24 h auto check-out). Pending until an
 * organiser approves or declines; never deleted. Kept as half-hours so sums are exact.
 */
// Analytics finds changed hours since its last refresh and reads them by day.
@Entity('volunteer_hours')
@Index(['shiftId', 'userId'], { unique: true })
@Index(['userId', 'status'])
@Index(['status', 'nodePath'])
@Index(['updatedAt'])
@Index(['checkInAt'])
export class VolunteerHours {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn() shiftId: string;
  @RefColumn() campaignId: string;
  @Column({ type: 'varchar', length: 300 }) nodePath: string;
  @TimeColumn() checkInAt: Date;
  @TimeColumn() checkOutAt: Date;
  @Column({ type: 'int' }) minutes: number;
  @Column({ type: 'int' }) halfHours: number;
  @Column({ type: 'simple-enum', enum: HOURS_STATUSES, default: 'pending' }) status: HoursStatus;
  /** Closed by the system 24 h after check-in, flagged for review. */
  @Column({ type: 'boolean', default: false }) autoCheckout: boolean;
  @RefColumn({ nullable: true }) decidedBy: string | null;
  @TimeColumn({ nullable: true }) decidedAt: Date | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) declineReason: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** A 志愿服务证明 as issued: a snapshot anyone can verify by its code (name masked, hours, stars). */
@Entity('volunteer_certificates')
@Index(['code'], { unique: true })
@Index(['userId'])
export class VolunteerCertificate {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 12 }) code: string;
  @RefColumn() userId: string;
  @Column({ type: 'varchar', length: 32 }) nameMasked: string;
  @Column({ type: 'int' }) halfHours: number;
  @Column({ type: 'int' }) stars: number;
  @TimeColumn() issuedAt: Date;
  @CreatedAt() createdAt: Date;
}

/** One organiser correction of a flagged entry's minutes (the audit trail; the entry holds the result). */
@Entity('volunteer_hours_corrections')
@Index(['hoursId', 'createdAt'])
export class VolunteerHoursCorrection {
  @IdColumn() id: string;
  @RefColumn() hoursId: string;
  @Column({ type: 'int' }) fromMinutes: number;
  @Column({ type: 'int' }) toMinutes: number;
  @Column({ type: 'int' }) fromHalfHours: number;
  @Column({ type: 'int' }) toHalfHours: number;
  @Column({ type: 'varchar', length: 100 }) reason: string;
  @RefColumn() correctedBy: string;
  @CreatedAt() createdAt: Date;
}
