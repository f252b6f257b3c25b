import { Column, Entity, PrimaryColumn } from 'typeorm';
import { POINTS_ACTIONS, type PointsAction } from '@honglin/shared';

/** Points awarded per member, action and period (day / week / year key): what the caps are checked against. */
@Entity('points_tallies')
export class PointsTally {
  @PrimaryColumn({ type: 'varchar', length: 26 }) userId: string;
  @PrimaryColumn({ type: 'simple-enum', enum: POINTS_ACTIONS }) action: PointsAction;
  @PrimaryColumn({ type: 'varchar', length: 12 }) periodKey: string;
  @Column({ type: 'int', default: 0 }) awarded: number;
}
