import { Column, Entity, Index } from 'typeorm';
import { HOUSEHOLD_RELATIONS, MEMBERSHIP_END_REASONS, RESIDENCE_TYPES, type HouseholdRelation, type MembershipEndReason, type Provenance, type ResidenceType } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/**
 * 户: one dwelling under a building node (单元 and 室 are fields, not org nodes). `path` is the
 * building's path, so the one authorisation scope (`path LIKE prefix%`) reaches it. The visit
 * schedule (cadence, next due day) is derived from the members' tags and the last visit, and kept
 * here so 今日走访 is one indexed query.
 */
@Entity('households')
@Index(['buildingId', 'unit', 'room'], { unique: true })
@Index(['path'])
@Index(['gridId', 'nextDueOn'])
export class Household {
  @IdColumn() id: string;
  @RefColumn() buildingId: string;
  @RefColumn() gridId: string;
  @RefColumn() communityId: string;
  @Column({ type: 'varchar', length: 300 }) path: string;
  /** '' when the building has no units: a unique key treats NULLs as different. */
  @Column({ type: 'varchar', length: 16, default: '' }) unit: string;
  @Column({ type: 'varchar', length: 16 }) room: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) address: string | null;
  /** Source and verification date per field (unit, room, address). */
  @Column({ type: 'simple-json' }) provenance: Record<string, Provenance>;
  @Column({ type: 'int' }) cadenceDays: number;
  @TimeColumn({ nullable: true }) lastVisitAt: Date | null;
  /** Asia/Shanghai day, 'YYYY-MM-DD'. */
  @Column({ type: 'varchar', length: 10 }) registeredOn: string;
  @Column({ type: 'varchar', length: 10 }) nextDueOn: string;
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/**
 * A person (an existing user) in a household. Leaving is an end date, never a delete. `activeUserId`
 * is the user id while the membership is open and NULL after: a unique key on it keeps anyone from
 * being in two households at once, even under concurrent requests.
 */
@Entity('household_members')
@Index(['householdId'])
@Index(['userId'])
@Index(['activeUserId'], { unique: true })
export class HouseholdMember {
  @IdColumn() id: string;
  @RefColumn() householdId: string;
  @RefColumn() userId: string;
  @RefColumn({ nullable: true }) activeUserId: string | null;
  @Column({ type: 'simple-enum', enum: HOUSEHOLD_RELATIONS }) relation: HouseholdRelation;
  @Column({ type: 'simple-enum', enum: RESIDENCE_TYPES }) residenceType: ResidenceType;
  @Column({ type: 'varchar', length: 10, nullable: true }) arrivedOn: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) endedOn: string | null;
  @Column({ type: 'simple-enum', enum: MEMBERSHIP_END_REASONS, nullable: true }) endReason: MembershipEndReason | null;
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
}
