import { Column, Entity, Index } from 'typeorm';
import type { RedemptionStatus } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/** Something in the points mall (积分超市) of an organisation node; stock only moves by conditional updates. */
@Entity('mall_items')
@Index(['nodeId'])
export class MallItem {
  @IdColumn() id: string;
  @RefColumn() nodeId: string;
  @Column({ type: 'varchar', length: 40 }) name: string;
  @Column({ type: 'varchar', length: 500, default: '' }) description: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) imageUrl: string | null;
  @Column({ type: 'int' }) pricePoints: number;
  @Column({ type: 'int' }) stock: number;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
}

@Entity('mall_redemptions')
@Index(['pickupCode'], { unique: true })
@Index(['userId', 'requestKey'], { unique: true })
@Index(['userId', 'id'])
@Index(['itemId'])
export class MallRedemption {
  @IdColumn() id: string;
  @RefColumn() itemId: string;
  @RefColumn() userId: string;
  @Column({ type: 'int' }) pricePoints: number;
  @Column({ type: 'simple-enum', enum: ['pending', 'picked_up', 'cancelled'] }) status: RedemptionStatus;
  @Column({ type: 'varchar', length: 8 }) pickupCode: string;
  @Column({ type: 'varchar', length: 64 }) requestKey: string;
  @RefColumn() debitEntryId: string;
  @TimeColumn({ nullable: true }) pickedUpAt: Date | null;
  @RefColumn({ nullable: true }) pickedUpBy: string | null;
  @TimeColumn({ nullable: true }) cancelledAt: Date | null;
  @CreatedAt() createdAt: Date;
}
