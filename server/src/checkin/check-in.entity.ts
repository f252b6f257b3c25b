import { Column, Entity, Index } from 'typeorm';
import { CHECKIN_METHODS, CHECKIN_STATUSES, type CheckInMethod, type CheckInStatus } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * One person present at one target (meeting, activity, shift). One row per person and target;
 * the client nonce is unique per person so a retried scan finds its first answer.
 */
@Entity('check_ins')
@Index(['targetType', 'targetId', 'userId'], { unique: true })
@Index(['userId', 'nonce'], { unique: true })
export class CheckIn {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 16 }) targetType: string;
  @RefColumn() targetId: string;
  @RefColumn() userId: string;
  @Column({ type: 'simple-enum', enum: CHECKIN_STATUSES }) status: CheckInStatus;
  @Column({ type: 'simple-enum', enum: CHECKIN_METHODS }) method: CheckInMethod;
  /** Null for assisted check-ins (entered by an organiser, not scanned). */
  @Column({ type: 'varchar', length: 64, nullable: true }) nonce: string | null;
  @TimeColumn() checkedInAt: Date;
  /** Who marked the person present, and why (assisted only). */
  @RefColumn({ nullable: true }) assistedBy: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) reason: string | null;
  /** Geofence check-ins keep the distance only, never the coordinates. */
  @Column({ type: 'int', nullable: true }) distanceM: number | null;
  @CreatedAt() createdAt: Date;
}

/** The signing key of one target's rotating QR codes: in the database so every server instance verifies alike. */
@Entity('check_in_keys')
@Index(['targetType', 'targetId'], { unique: true })
export class CheckInKey {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 16 }) targetType: string;
  @RefColumn() targetId: string;
  @Column({ type: 'varchar', length: 64 }) secret: string;
  @CreatedAt() createdAt: Date;
}
