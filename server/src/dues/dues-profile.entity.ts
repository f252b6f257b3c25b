import { Column, Entity, Index } from 'typeorm';
import { DUES_CATEGORIES, type DuesCategory } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, UpdatedAt } from '../database/columns.js';

/**
 * A Party member's dues basis. The income base is personal: stored only encrypted (FieldCrypto) and
 * shown only to the member and their branch treasurer. `monthlyFen` is what the rate table gives.
 */
@Entity('dues_profiles')
@Index(['userId'], { unique: true })
@Index(['path'])
export class DuesProfile {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  /** The member's branch (not group) and its path, for the treasurer's scope. */
  @RefColumn() branchId: string;
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'simple-enum', enum: DUES_CATEGORIES }) category: DuesCategory;
  @Column({ type: 'varchar', length: 200, nullable: true }) baseCipher: string | null;
  @Column({ type: 'int', nullable: true }) farmerFen: number | null;
  @Column({ type: 'int' }) monthlyFen: number;
  @RefColumn({ nullable: true }) updatedBy: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
