import { Column, Entity, Index } from 'typeorm';
import { ENROLLMENT_STATUSES, type Companion, type EnrollmentStatus } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/** One person's place (or place in the queue) on a slot, with the household members they bring. */
@Entity('enrollments')
@Index(['slotId', 'userId'], { unique: true })
@Index(['slotId', 'status', 'waitlistedAt'])
@Index(['userId', 'status'])
@Index(['status', 'offerExpiresAt'])
export class Enrollment {
  @IdColumn() id: string;
  @RefColumn() slotId: string;
  @RefColumn() userId: string;
  @Column({ type: 'simple-json' }) companions: Companion[];
  /** The person plus companions: what counts against capacity. */
  @Column({ type: 'int' }) seats: number;
  @Column({ type: 'simple-enum', enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  /** The seats came out of the reserved pool (organiser-entered). */
  @Column({ type: 'boolean', default: false }) fromReserve: boolean;
  @TimeColumn({ nullable: true }) waitlistedAt: Date | null;
  @TimeColumn({ nullable: true }) offerExpiresAt: Date | null;
  /** Organiser who entered this enrollment for someone without a phone, and why. */
  @RefColumn({ nullable: true }) enteredBy: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) enteredReason: string | null;
  @RefColumn({ nullable: true }) decidedBy: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) cancelReason: string | null;
  @TimeColumn({ nullable: true }) attendedAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
