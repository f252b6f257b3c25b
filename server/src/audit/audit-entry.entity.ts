import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * One audited act: an organiser/admin write, or a read of someone else's personal data. Append-only and
 * hash-chained (`hash = sha256(prevHash + canonical JSON of the other fields)`), so an edited, deleted
 * or inserted row is found by `npm run audit:verify`. Only ids and action names, never the personal
 * values themselves: deleting an account never has to touch the chain.
 */
@Entity('audit_entries')
@Index(['seq'], { unique: true })
@Index(['subjectUserId', 'seq'])
@Index(['actorId', 'seq'])
export class AuditEntry {
  @IdColumn() id: string;
  /** Position in the chain: 1, 2, 3 … with no gaps. */
  @Column({ type: 'int' }) seq: number;
  @TimeColumn() at: Date;
  @RefColumn() actorId: string;
  /** The role grant used ('treasurer'), the managing roles held when that is unknown ('organiser,treasurer'), or 'family'. */
  @Column({ type: 'varchar', length: 64, nullable: true }) actorRole: string | null;
  /** 'resident.phone.read', or for writes the method and route pattern: 'POST /api/activities/:id/cancel'. */
  @Column({ type: 'varchar', length: 160 }) action: string;
  /** Whose data it was, when one person's. */
  @RefColumn({ nullable: true }) subjectUserId: string | null;
  @RefColumn({ nullable: true }) resourceId: string | null;
  /** The organisation node path it concerns, for the admins' search scope. */
  @Column({ type: 'varchar', length: 300, nullable: true }) orgPath: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) requestId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @Column({ type: 'varchar', length: 64 }) prevHash: string;
  @Column({ type: 'varchar', length: 64 }) hash: string;
}

/** The chain's last link, one row: locked by every append so the chain can never fork. */
@Entity('audit_head')
export class AuditHead {
  @PrimaryColumn({ type: 'varchar', length: 16 }) id: string;
  @Column({ type: 'int' }) seq: number;
  @Column({ type: 'varchar', length: 64 }) hash: string;
}
