import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * Impact achieved on a campaign as an organiser recorded it (入户走访户数: 35). Rows are only added: the
 * latest per measure is the campaign's number, the earlier ones are its history.
 */
@Entity('volunteer_impact_records')
@Index(['campaignId', 'recordedAt'])
export class VolunteerImpactRecord {
  @IdColumn() id: string;
  @RefColumn() campaignId: string;
  @Column({ type: 'varchar', length: 30 }) measure: string;
  @Column({ type: 'int' }) achieved: number;
  @Column({ type: 'varchar', length: 100, nullable: true }) note: string | null;
  @RefColumn() recordedBy: string;
  @TimeColumn() recordedAt: Date;
  @CreatedAt() createdAt: Date;
}
