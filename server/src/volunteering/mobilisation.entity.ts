import { Column, Entity, Index } from 'typeorm';
import type { MobilisationAnswer, MobilisationStatus, PartyTargeting } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

export interface CallTarget {
  gridIds: string[];
  branchIds: string[];
  skills: string[];
  availableOnly: boolean;
  party: PartyTargeting;
}

/** An urgent call (一键动员) for `needed` people; acceptances become enrollments on its own shift. */
@Entity('mobilisation_calls')
@Index(['nodePath'])
@Index(['status', 'remindAt'])
export class MobilisationCall {
  @IdColumn() id: string;
  @RefColumn() campaignId: string;
  @RefColumn() shiftId: string;
  @Column({ type: 'varchar', length: 300 }) nodePath: string;
  @Column({ type: 'varchar', length: 40 }) title: string;
  @Column({ type: 'int' }) needed: number;
  @Column({ type: 'simple-json' }) target: CallTarget;
  @TimeColumn() deadline: Date;
  @TimeColumn() remindAt: Date;
  @TimeColumn({ nullable: true }) remindedAt: Date | null;
  @Column({ type: 'simple-enum', enum: ['open', 'filled', 'closed'], default: 'open' }) status: MobilisationStatus;
  @Column({ type: 'int' }) targeted: number;
  @TimeColumn({ nullable: true }) filledAt: Date | null;
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
}

/**
 * One person called, and their answer. Delivery and reading are NOT kept here: the board reads them
 * from the notification outbox and inbox through `noticeKey` (the outbox row's dedupe key).
 */
@Entity('mobilisation_answers')
@Index(['callId', 'userId'], { unique: true })
@Index(['callId', 'answer'])
@Index(['userId'])
export class MobilisationAnswerRow {
  @IdColumn() id: string;
  @RefColumn() callId: string;
  @RefColumn() userId: string;
  @RefColumn({ nullable: true }) gridId: string | null;
  @RefColumn({ nullable: true }) branchId: string | null;
  @Column({ type: 'boolean', default: false }) partyMember: boolean;
  @Column({ type: 'varchar', length: 120 }) noticeKey: string;
  @Column({ type: 'simple-enum', enum: ['none', 'accepted', 'declined', 'full'], default: 'none' }) answer: MobilisationAnswer;
  @TimeColumn({ nullable: true }) answeredAt: Date | null;
  @RefColumn({ nullable: true }) enrollmentId: string | null;
  @CreatedAt() createdAt: Date;
}
