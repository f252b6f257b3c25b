import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Earned points per member and ranking period (week / month / year key, or 'all'), with the member's
 * branch and community copied in so a top-N is one index scan and "my rank" a COUNT over an index range.
 */
@Entity('points_period_scores')
@Index('idx_score_branch', ['periodKey', 'branchId', 'points'])
@Index('idx_score_community', ['periodKey', 'communityId', 'points'])
export class PeriodScore {
  @PrimaryColumn({ type: 'varchar', length: 12 }) periodKey: string;
  @PrimaryColumn({ type: 'varchar', length: 26 }) userId: string;
  @Column({ type: 'varchar', length: 26, nullable: true }) branchId: string | null;
  @Column({ type: 'varchar', length: 26, nullable: true }) communityId: string | null;
  @Column({ type: 'int', default: 0 }) points: number;
}
