import { Column, Entity, Index } from 'typeorm';
import type { Availability } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, UpdatedAt } from '../database/columns.js';

/** What a volunteer offers: skills (fed to the enrollment engine's eligibility), availability, grids they serve. */
@Entity('volunteer_profiles')
@Index(['userId'], { unique: true })
export class VolunteerProfile {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Column({ type: 'simple-json' }) skills: string[];
  @Column({ type: 'simple-json' }) availability: Availability[];
  @Column({ type: 'simple-json' }) gridIds: string[];
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
