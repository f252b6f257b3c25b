import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * A server-side study session. `activeUserId` is the member's id while open and null once closed:
 * its unique index is what makes two open sessions of one member impossible.
 */
@Entity('study_sessions')
@Index(['activeUserId'], { unique: true })
@Index(['userId', 'startedAt'])
export class StudySession {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn({ nullable: true }) activeUserId: string | null;
  @RefColumn() contentId: string;
  @TimeColumn() startedAt: Date;
  @TimeColumn() lastBeatAt: Date;
  @Column({ type: 'int', default: 0 }) lastSeq: number;
  @Column({ type: 'int', nullable: true }) lastPosition: number | null;
  @Column({ type: 'int', default: 0 }) effectiveSeconds: number;
  @TimeColumn({ nullable: true }) closedAt: Date | null;
}

/** Effective study time per member and content, summed over sessions; `completedAt` once the minimum is reached. */
@Entity('study_progress')
@Index(['contentId'])
export class StudyProgress {
  @PrimaryColumn({ type: 'varchar', length: 26 }) userId: string;
  @PrimaryColumn({ type: 'varchar', length: 26 }) contentId: string;
  @Column({ type: 'int', default: 0 }) effectiveSeconds: number;
  @TimeColumn({ nullable: true }) completedAt: Date | null;
}
