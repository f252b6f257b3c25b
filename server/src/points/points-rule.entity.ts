import { Column, Entity, Index } from 'typeorm';
import { POINTS_ACTIONS, type PointsAction } from '@honglin/shared';
import { IdColumn, RefColumn, UpdatedAt } from '../database/columns.js';

/** An organisation's override of one action's rule; it applies to the node's whole subtree. */
@Entity('points_rules')
@Index(['nodeId', 'action'], { unique: true })
export class PointsRuleOverride {
  @IdColumn() id: string;
  @RefColumn() nodeId: string;
  @Column({ type: 'simple-enum', enum: POINTS_ACTIONS }) action: PointsAction;
  @Column({ type: 'int' }) points: number;
  @Column({ type: 'int', nullable: true }) dailyCap: number | null;
  @Column({ type: 'int', nullable: true }) weeklyCap: number | null;
  @Column({ type: 'int', nullable: true }) yearlyCap: number | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @RefColumn() updatedBy: string;
  @UpdatedAt() updatedAt: Date;
}
