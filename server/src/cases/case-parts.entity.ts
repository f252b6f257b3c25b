import { Column, Entity, Index, Unique } from 'typeorm';
import { CASE_EVENT_TYPES, type CaseEventType } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/** One step on a case's timeline, visible to the parties. Append-only. */
@Entity('case_events')
@Index(['caseId', 'at'])
export class CaseEvent {
  @IdColumn() id: string;
  @RefColumn() caseId: string;
  @TimeColumn() at: Date;
  /** Null for the system (the deadline clock). */
  @RefColumn({ nullable: true }) actorId: string | null;
  @Column({ type: 'simple-enum', enum: CASE_EVENT_TYPES }) type: CaseEventType;
  @Column({ type: 'varchar', length: 1000, nullable: true }) text: string | null;
}

/** Who is told of every step: the reporter, neighbours who joined, the reporters of merged duplicates. */
@Entity('case_followers')
@Unique(['caseId', 'userId'])
@Index(['userId'])
export class CaseFollower {
  @IdColumn() id: string;
  @RefColumn() caseId: string;
  @RefColumn() userId: string;
  @CreatedAt() createdAt: Date;
}

/** The routing table organisers edit: grid + category → the responsible person (grid worker when absent). */
@Entity('case_routes')
@Unique(['gridId', 'category'])
export class CaseRoute {
  @IdColumn() id: string;
  @RefColumn() gridId: string;
  @Column({ type: 'varchar', length: 30 }) category: string;
  @RefColumn() handlerUserId: string;
  @RefColumn() updatedBy: string;
  @UpdatedAt() updatedAt: Date;
}

/** A community's deadline and anonymity setting for one category (defaults: CASE_DEFAULT_DEADLINES). */
@Entity('case_category_settings')
@Unique(['communityId', 'category'])
export class CaseCategorySetting {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @Column({ type: 'varchar', length: 30 }) category: string;
  @Column({ type: 'int', nullable: true }) acceptHours: number | null;
  @Column({ type: 'int' }) resolveDays: number;
  @Column({ type: 'boolean', default: false }) anonymousAllowed: boolean;
  @RefColumn() updatedBy: string;
  @UpdatedAt() updatedAt: Date;
}

/** A photo of a report (uploaded before filing, attached when filed) or the handler's after-photo. */
@Entity('case_photos')
@Index(['caseId'])
@Index(['uploadedBy', 'caseId'])
export class CasePhoto {
  @IdColumn() id: string;
  /** Null until the report it was uploaded for is filed. */
  @RefColumn({ nullable: true }) caseId: string | null;
  @RefColumn() uploadedBy: string;
  @Column({ type: 'varchar', length: 10 }) phase: 'report' | 'after';
  @Column({ type: 'varchar', length: 40 }) fileName: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) thumbFileName: string | null;
  @Column({ type: 'int' }) bytes: number;
  @CreatedAt() createdAt: Date;
}
