import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UpdatedAt } from '../database/columns.js';

/**
 * Running balance per member, changed in the same transaction as every entry. Its row is also the
 * per-member lock that serialises credits (caps and idempotency checks see each other's writes).
 */
@Entity('points_balances')
export class PointsBalance {
  @PrimaryColumn({ type: 'varchar', length: 26 }) userId: string;
  @Column({ type: 'int', default: 0 }) balance: number;
  @UpdatedAt() updatedAt: Date;
}
