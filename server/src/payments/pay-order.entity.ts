import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/** A WeChat Pay JSAPI order for one or more bills of one member (plus a voluntary extra). */
@Entity('pay_orders')
@Index(['outTradeNo'], { unique: true })
@Index(['status', 'createdAt'])
@Index(['memberUserId'])
@Index(['paidAt'])
export class PayOrder {
  @IdColumn() id: string;
  /** 32 random characters: unguessable, and never reused across orders. */
  @Column({ type: 'varchar', length: 32 }) outTradeNo: string;
  @RefColumn() memberUserId: string;
  @RefColumn() payerUserId: string;
  /** Paid by someone else for the member (代缴: family member or organiser). */
  @Column({ type: 'boolean', default: false }) onBehalf: boolean;
  @RefColumn() branchId: string;
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'int' }) totalFen: number;
  @Column({ type: 'int', default: 0 }) extraFen: number;
  @Column({ type: 'int', default: 0 }) refundedFen: number;
  @Column({ type: 'simple-enum', enum: ['pending', 'paid', 'closed'] }) status: 'pending' | 'paid' | 'closed';
  @Column({ type: 'varchar', length: 64, nullable: true }) prepayId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) transactionId: string | null;
  /** Paid at WeChat after we had moved on (closed locally, or its bills paid by another order): needs a refund. */
  @Column({ type: 'boolean', default: false }) conflict: boolean;
  @TimeColumn() expiresAt: Date;
  @TimeColumn({ nullable: true }) paidAt: Date | null;
  @TimeColumn({ nullable: true }) lastQueriedAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

@Entity('pay_order_bills')
@Index(['orderId', 'billId'], { unique: true })
@Index(['billId'])
export class PayOrderBill {
  @IdColumn() id: string;
  @RefColumn() orderId: string;
  @RefColumn() billId: string;
  @Column({ type: 'varchar', length: 7 }) month: string;
  @Column({ type: 'int' }) amountFen: number;
}

/** 电子收据: one per paid order, checkable by anyone with its code. */
@Entity('dues_receipts')
@Index(['orderId'], { unique: true })
@Index(['code'], { unique: true })
export class DuesReceipt {
  @IdColumn() id: string;
  @RefColumn() orderId: string;
  @Column({ type: 'varchar', length: 12 }) code: string;
  @CreatedAt() createdAt: Date;
}

@Entity('pay_refunds')
@Index(['outRefundNo'], { unique: true })
@Index(['orderId', 'requestKey'], { unique: true })
export class PayRefund {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 32 }) outRefundNo: string;
  @RefColumn() orderId: string;
  @Column({ type: 'varchar', length: 64 }) requestKey: string;
  @Column({ type: 'int' }) amountFen: number;
  @Column({ type: 'varchar', length: 80 }) reason: string;
  @Column({ type: 'simple-enum', enum: ['processing', 'success', 'failed'] }) status: 'processing' | 'success' | 'failed';
  @Column({ type: 'varchar', length: 64, nullable: true }) refundId: string | null;
  @RefColumn() actorId: string;
  @TimeColumn({ nullable: true }) succeededAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
