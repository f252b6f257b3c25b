import { Column, Entity, Index } from 'typeorm';
import type { Eligibility } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/**
 * A thing with places that people enrol in: an activity, a volunteer shift, a meeting's invitation list.
 * `taken` counts public seats held and `reservedTaken` the organiser-only ones; both only ever change by
 * conditional UPDATEs in the same transaction as the enrollment row, and `EnrollmentService.checkCounters`
 * proves they equal the sum over enrollments.
 */
@Entity('enrollment_slots')
@Index(['ownerType', 'ownerId'], { unique: true })
@Index(['nodePath'])
export class EnrollmentSlot {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 20 }) ownerType: string;
  @RefColumn() ownerId: string;
  /** The org node the slot belongs to (a community for activities); its path drives organiser scope. */
  @RefColumn() nodeId: string;
  @Column({ type: 'varchar', length: 300 }) nodePath: string;
  /** Shown in notices; kept here so the engine can speak without asking the owner. */
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) link: string | null;
  @TimeColumn() startsAt: Date;
  @TimeColumn() endsAt: Date;
  @TimeColumn() signupOpensAt: Date;
  @TimeColumn() signupClosesAt: Date;
  @TimeColumn() cancelDeadline: Date;
  @Column({ type: 'int' }) capacity: number;
  /** Held back for organiser-entered people (elders without phones); not offered to self sign-up. */
  @Column({ type: 'int', default: 0 }) reserved: number;
  @Column({ type: 'int', default: 0 }) taken: number;
  @Column({ type: 'int', default: 0 }) reservedTaken: number;
  @Column({ type: 'int', default: 0 }) maxCompanions: number;
  @Column({ type: 'boolean', default: false }) needsApproval: boolean;
  @Column({ type: 'simple-json', nullable: true }) eligibility: Eligibility | null;
  @Column({ type: 'simple-enum', enum: ['open', 'cancelled'], default: 'open' }) status: 'open' | 'cancelled';
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
