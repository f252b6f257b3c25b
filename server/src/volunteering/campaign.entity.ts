import { Column, Entity, Index } from 'typeorm';
import { CAMPAIGN_CATEGORIES, type CampaignCategory } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/** A volunteer drive (志愿项目 / 动员任务) run by a community or a Party branch; shifts hang under it. */
@Entity('volunteer_campaigns')
@Index(['nodePath'])
@Index(['endsAt'])
export class VolunteerCampaign {
  @IdColumn() id: string;
  @RefColumn() nodeId: string;
  /** Path of the running node: the organiser scope filter. */
  @Column({ type: 'varchar', length: 300 }) nodePath: string;
  @Column({ type: 'varchar', length: 40 }) title: string;
  @Column({ type: 'simple-enum', enum: CAMPAIGN_CATEGORIES }) category: CampaignCategory;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'varchar', length: 200 }) goal: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) impactMeasure: string | null;
  @Column({ type: 'int', nullable: true }) impactTarget: number | null;
  /** Named people who lead the drive (shown; authority still comes from the organiser scope). */
  @Column({ type: 'simple-json' }) managerIds: string[];
  @TimeColumn() startsAt: Date;
  @TimeColumn() endsAt: Date;
  @Column({ type: 'simple-enum', enum: ['open', 'closed'], default: 'open' }) status: 'open' | 'closed';
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/**
 * One shift of a campaign: an enrollment slot (ownerType 'shift') holds its places, waitlist and
 * eligibility; this row holds what volunteering needs besides (place, required skills for listing).
 */
@Entity('volunteer_shifts')
@Index(['campaignId', 'startsAt'])
@Index(['startsAt'])
export class VolunteerShift {
  @IdColumn() id: string;
  @RefColumn() campaignId: string;
  @Column({ type: 'varchar', length: 300 }) nodePath: string;
  @Column({ type: 'varchar', length: 40 }) title: string;
  @Column({ type: 'varchar', length: 100 }) place: string;
  @TimeColumn() startsAt: Date;
  @TimeColumn() endsAt: Date;
  @RefColumn() slotId: string;
  @Column({ type: 'simple-json' }) skills: string[];
  /** Set when the shift was created by an urgent call (一键动员). */
  @RefColumn({ nullable: true }) callId: string | null;
  @Column({ type: 'simple-enum', enum: ['open', 'cancelled'], default: 'open' }) status: 'open' | 'cancelled';
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
}
