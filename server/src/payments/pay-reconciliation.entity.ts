import { Column, Entity, Index } from 'typeorm';
import { RECONCILE_MISMATCH_KINDS, type ReconcileMismatch } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/** One daily reconciliation of WeChat's trade bill against our paid orders: one per Beijing bill date. */
@Entity('pay_reconciliations')
@Index(['billDate'], { unique: true })
export class PayReconciliation {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 10 }) billDate: string;
  @Column({ type: 'int' }) billRows: number;
  @Column({ type: 'int' }) localPaid: number;
  @Column({ type: 'int' }) mismatchCount: number;
  @TimeColumn() ranAt: Date;
  @CreatedAt() createdAt: Date;
}

/** A difference a run found; `path` (the order's branch) scopes who sees it, null for orders we never made. */
@Entity('pay_reconciliation_mismatches')
@Index(['runId'])
export class PayReconciliationMismatch {
  @IdColumn() id: string;
  @RefColumn() runId: string;
  @Column({ type: 'simple-enum', enum: RECONCILE_MISMATCH_KINDS }) kind: ReconcileMismatch['kind'];
  @Column({ type: 'varchar', length: 32 }) outTradeNo: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) path: string | null;
  @Column({ type: 'int', nullable: true }) localFen: number | null;
  @Column({ type: 'int', nullable: true }) billFen: number | null;
}
