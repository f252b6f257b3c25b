import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn } from '../database/columns.js';

/**
 * What a 举报投诉 about misuse of personal data says beyond its case (same id, kind privacy_complaint):
 * who or what it is about. Status, deadline, answer and history live in the case workflow (ADR 0017).
 */
@Entity('complaints')
@Index(['accusedUserId'])
export class Complaint {
  @IdColumn() id: string;
  /** Who or what it is about, in the complainant's words. */
  @Column({ type: 'varchar', length: 100, nullable: true }) subject: string | null;
  @RefColumn({ nullable: true }) accusedUserId: string | null;
}
