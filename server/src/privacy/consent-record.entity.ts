import { Column, Entity, Index } from 'typeorm';
import { CONSENT_KINDS, type ConsentKind } from '@honglin/shared';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * One consent given or withdrawn, append-only: the person's own history of what they agreed to and
 * when. It outlives the account on purpose — after a deletion it is the proof the deletion was asked for.
 */
@Entity('consent_records')
@Index(['userId', 'at'])
export class ConsentRecord {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Column({ type: 'simple-enum', enum: CONSENT_KINDS }) kind: ConsentKind;
  /** What the consent is about, when it is about something (a family link's id). */
  @RefColumn({ nullable: true }) subjectRef: string | null;
  /** The privacy agreement version in force at the time. */
  @Column({ type: 'varchar', length: 32 }) version: string;
  @TimeColumn() at: Date;
}
