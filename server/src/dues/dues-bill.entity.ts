import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/** One member's dues for one Beijing month. The unique key makes generation idempotent. */
@Entity('dues_bills')
@Index(['userId', 'month'], { unique: true })
@Index(['branchId', 'month'])
@Index(['month', 'status'])
@Index(['path'])
export class DuesBill {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn() branchId: string;
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'varchar', length: 7 }) month: string;
  @Column({ type: 'int' }) amountFen: number;
  /** What the rate table gave before any adjustment. */
  @Column({ type: 'int' }) originalFen: number;
  @Column({ type: 'simple-enum', enum: ['unpaid', 'paid'] }) status: 'unpaid' | 'paid';
  /** The one pending order that may pay this bill (null when none): "one open order per bill". */
  @RefColumn({ nullable: true }) openOrderId: string | null;
  @RefColumn({ nullable: true }) paidOrderId: string | null;
  @TimeColumn({ nullable: true }) paidAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** Audit of a treasurer's change to a bill amount; never edited. */
@Entity('dues_bill_adjustments')
@Index(['billId'])
export class DuesBillAdjustment {
  @IdColumn() id: string;
  @RefColumn() billId: string;
  @Column({ type: 'int' }) fromFen: number;
  @Column({ type: 'int' }) toFen: number;
  @Column({ type: 'varchar', length: 200 }) reason: string;
  @RefColumn() actorId: string;
  @CreatedAt() createdAt: Date;
}
