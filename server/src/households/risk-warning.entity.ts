import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { WARNING_LEVELS, WARNING_STATUSES, type Cadence, type WarningLevel, type WarningStatus } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/**
 * 风险预警. `openKey` is `rule:subject` until resolved and NULL after: its unique key means never two
 * open warnings for one rule and subject, whatever scans race. `(rule, subjectId, factKey)` is unique
 * too: a resolved warning comes back only when the facts behind it are new.
 */
@Entity('risk_warnings')
@Index(['openKey'], { unique: true })
@Index(['rule', 'subjectId', 'factKey'], { unique: true })
@Index(['status', 'escalateAt'])
@Index(['path'])
export class RiskWarning {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 40 }) rule: string;
  @Column({ type: 'simple-enum', enum: WARNING_LEVELS }) level: WarningLevel;
  @Column({ type: 'simple-enum', enum: WARNING_STATUSES }) status: WarningStatus;
  @RefColumn() subjectId: string;
  @RefColumn({ nullable: true }) subjectUserId: string | null;
  @RefColumn({ nullable: true }) householdId: string | null;
  @RefColumn() communityId: string;
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'varchar', length: 500 }) sentence: string;
  @Column({ type: 'varchar', length: 120 }) factKey: string;
  @Column({ type: 'varchar', length: 80, nullable: true }) openKey: string | null;
  @TimeColumn() raisedAt: Date;
  @TimeColumn() ackDueAt: Date;
  /** 0 none, 1 told the community's organisers, 2 told the street. */
  @Column({ type: 'int', default: 0 }) escalation: number;
  /** When the next escalation step is due while unacknowledged; NULL once acknowledged or at the street. */
  @TimeColumn({ nullable: true }) escalateAt: Date | null;
  @RefColumn({ nullable: true }) acknowledgedBy: string | null;
  @TimeColumn({ nullable: true }) acknowledgedAt: Date | null;
  @RefColumn({ nullable: true }) resolvedBy: string | null;
  @TimeColumn({ nullable: true }) resolvedAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) resolutionNote: string | null;
  @CreatedAt() createdAt: Date;
}

/** A community's own visit cadence and rule thresholds; absent keys fall back to the defaults. */
@Entity('care_settings')
export class CareSettings {
  @PrimaryColumn({ type: 'varchar', length: 26 }) communityId: string;
  @Column({ type: 'simple-json' }) cadence: Partial<Cadence>;
  @Column({ type: 'simple-json' }) thresholds: Record<string, number>;
  @RefColumn() updatedBy: string;
  @UpdatedAt() updatedAt: Date;
}
