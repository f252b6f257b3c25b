import { Column, Entity, Index } from 'typeorm';
import { ATTENDANCE_STATUSES, LEAVE_STATUSES, MEETING_STATUSES, type AttendanceStatus, type LeaveStatus, type MeetingStatus } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/** One meeting of 三会一课 / 主题党日 held by a branch or one of its Party groups. */
@Entity('meetings')
@Index(['nodePath'])
@Index(['branchId', 'startsAt'])
export class Meeting {
  @IdColumn() id: string;
  /** The branch or group holding it; `nodePath` is that node's path, for the authorisation scope. */
  @RefColumn() nodeId: string;
  @Column({ type: 'varchar', length: 300 }) nodePath: string;
  @RefColumn() branchId: string;
  /** Set when a Party group holds it (counts towards that group's cadence). */
  @RefColumn({ nullable: true }) groupId: string | null;
  /** A key of MEETING_TYPES; varchar so adding a type needs no migration. */
  @Column({ type: 'varchar', length: 32 }) type: string;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'simple-enum', enum: MEETING_STATUSES }) status: MeetingStatus;
  @TimeColumn() startsAt: Date;
  @TimeColumn() endsAt: Date;
  @Column({ type: 'varchar', length: 120 }) address: string;
  @Column({ type: 'double', nullable: true }) lat: number | null;
  @Column({ type: 'double', nullable: true }) lng: number | null;
  @Column({ type: 'int', nullable: true }) radiusM: number | null;
  @Column({ type: 'boolean' }) allowGeofence: boolean;
  /** Check-ins later than startsAt + this many minutes count as late. */
  @Column({ type: 'int' }) lateGraceMinutes: number;
  @RefColumn({ nullable: true }) hostUserId: string | null;
  @RefColumn({ nullable: true }) recorderUserId: string | null;
  @Column({ type: 'text' }) agenda: string;
  @Column({ type: 'text' }) minutes: string;
  @Column({ type: 'text' }) resolutions: string;
  @TimeColumn({ nullable: true }) closedAt: Date | null;
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** One invited person and how they ended up: present, late, on leave or absent. */
@Entity('meeting_invitees')
@Index(['meetingId', 'userId'], { unique: true })
@Index(['userId'])
export class MeetingInvitee {
  @IdColumn() id: string;
  @RefColumn() meetingId: string;
  @RefColumn() userId: string;
  @Column({ type: 'simple-enum', enum: ATTENDANCE_STATUSES }) attendance: AttendanceStatus;
  @Column({ type: 'simple-enum', enum: LEAVE_STATUSES }) leaveStatus: LeaveStatus;
  @Column({ type: 'varchar', length: 200, nullable: true }) leaveReason: string | null;
  @RefColumn({ nullable: true }) leaveDecidedBy: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) leaveNote: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** A photo of the meeting, stored as a file with a random name under the server's data directory. */
@Entity('meeting_photos')
@Index(['meetingId'])
export class MeetingPhoto {
  @IdColumn() id: string;
  @RefColumn() meetingId: string;
  @Column({ type: 'varchar', length: 64 }) fileName: string;
  @Column({ type: 'varchar', length: 16 }) mime: string;
  @Column({ type: 'int' }) bytes: number;
  @RefColumn() uploadedBy: string;
  @CreatedAt() createdAt: Date;
}
