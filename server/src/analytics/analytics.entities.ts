import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * One figure of one metric at one org node on one Beijing day. A source cell (keyed by a leaf path)
 * is stored at its node and added into every ancestor, so a dashboard reads a node's figures and its
 * children's by primary key, never by scanning a subtree.
 */
@Entity('analytics_rollups')
@Index(['metric', 'day'])
export class AnalyticsRollup {
  @PrimaryColumn({ type: 'varchar', length: 60 }) metric: string;
  @PrimaryColumn({ type: 'varchar', length: 300 }) path: string;
  @PrimaryColumn({ type: 'varchar', length: 10 }) day: string;
  @Column({ type: 'int' }) num: number;
  @Column({ type: 'int' }) den: number;
}

/** Where each metric's incremental feed stands: rows changed after `watermark` are not counted yet. */
@Entity('analytics_feed')
export class AnalyticsFeedState {
  @PrimaryColumn({ type: 'varchar', length: 60 }) metric: string;
  @TimeColumn() watermark: Date;
  @TimeColumn() refreshedAt: Date;
}

/** A day a domain marked for recount in the transaction of a change no timestamp shows (a deletion). */
@Entity('analytics_dirty_days')
export class AnalyticsDirtyDay {
  @PrimaryColumn({ type: 'varchar', length: 60 }) metric: string;
  @PrimaryColumn({ type: 'varchar', length: 10 }) day: string;
  @CreatedAt() createdAt: Date;
}

/** A read-only 大屏 link: the token is shown once, only its hash is kept. */
@Entity('analytics_kiosk_links')
@Index(['tokenHash'], { unique: true })
@Index(['createdBy'])
export class KioskLink {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  @RefColumn() nodeId: string;
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) title: string | null;
  @RefColumn() createdBy: string;
  @TimeColumn() expiresAt: Date;
  @TimeColumn({ nullable: true }) revokedAt: Date | null;
  @RefColumn({ nullable: true }) revokedBy: string | null;
  @CreatedAt() createdAt: Date;
}

export const ANALYTICS_ENTITIES = [AnalyticsRollup, AnalyticsFeedState, AnalyticsDirtyDay, KioskLink];
