import { Column, Entity, Index } from 'typeorm';
import { POINTS_ACTIONS, type CapReason, type PointsAction } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * One line of the append-only points ledger. Never updated or deleted: a reversal is a new entry
 * pointing at the one it compensates. A capped credit is kept (amount 0 or partial) so the member
 * can see why.
 */
@Entity('points_entries')
@Index(['idempotencyKey'], { unique: true })
@Index(['reversesEntryId'], { unique: true })
@Index(['userId', 'id'])
@Index(['sourceType', 'sourceId'])
export class LedgerEntry {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Column({ type: 'simple-enum', enum: POINTS_ACTIONS }) action: PointsAction;
  /** Points actually credited (negative for a debit or a reversal). */
  @Column({ type: 'int' }) amount: number;
  /** Points asked for before caps. */
  @Column({ type: 'int' }) requested: number;
  @Column({ type: 'boolean', default: false }) capped: boolean;
  @Column({ type: 'varchar', length: 16, nullable: true }) capReason: CapReason | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) note: string | null;
  @Column({ type: 'varchar', length: 32 }) sourceType: string;
  @Column({ type: 'varchar', length: 64 }) sourceId: string;
  @Column({ type: 'varchar', length: 160 }) idempotencyKey: string;
  /** Where the action happened (a branch, a community); rules are looked up from here. */
  @RefColumn({ nullable: true }) nodeId: string | null;
  /** The node whose rule applied; null for the built-in default. */
  @RefColumn({ nullable: true }) ruleNodeId: string | null;
  @RefColumn({ nullable: true }) reversesEntryId: string | null;
  /** When it happened. */
  @TimeColumn() at: Date;
  /** Whose periods (day, week, …) it counts in: `at`, or for a reversal the reversed entry's time. */
  @TimeColumn() periodAt: Date;
  @CreatedAt() createdAt: Date;
}
