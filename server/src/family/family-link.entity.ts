import { Column, Entity, Index } from 'typeorm';
import { FAMILY_CONSENTS, FAMILY_LINK_STATUSES, type FamilyConsent, type FamilyLinkStatus } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/**
 * 亲情账号: a family member may act for an older resident while the link is active. Revoked links
 * stay as the record of the consent earlier acting-for entries relied on; a new request is a new row.
 */
@Entity('family_links')
@Index(['elderUserId', 'status'])
@Index(['familyUserId', 'status'])
@Index(['liveKey'], { unique: true })
export class FamilyLink {
  @IdColumn() id: string;
  @RefColumn() elderUserId: string;
  @RefColumn() familyUserId: string;
  @Column({ type: 'simple-enum', enum: FAMILY_LINK_STATUSES }) status: FamilyLinkStatus;
  /** `elder:family` while pending or active, null once revoked: one live link per pair, even under races. */
  @Column({ type: 'varchar', length: 53, nullable: true }) liveKey: string | null;
  /** Null while pending. */
  @Column({ type: 'simple-enum', enum: FAMILY_CONSENTS, nullable: true }) consent: FamilyConsent | null;
  /** The elder themselves, or the organiser who witnessed the elder's consent at the door. */
  @RefColumn({ nullable: true }) confirmedBy: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) witnessReason: string | null;
  @TimeColumn({ nullable: true }) confirmedAt: Date | null;
  @RefColumn({ nullable: true }) revokedBy: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) revokeReason: string | null;
  @TimeColumn({ nullable: true }) revokedAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/**
 * A short-lived code the older resident's screen shows (or an organiser's, at the door). Only its keyed
 * hash is stored; it is deleted when used or replaced, so a code works once.
 */
@Entity('family_invites')
@Index(['codeHash'], { unique: true })
@Index(['elderUserId'])
@Index(['expiresAt'])
export class FamilyInvite {
  @IdColumn() id: string;
  @RefColumn() elderUserId: string;
  @Column({ type: 'varchar', length: 64 }) codeHash: string;
  @TimeColumn() expiresAt: Date;
  /** The elder, or the organiser who issued it at the door (then `witnessReason` is set). */
  @RefColumn() createdBy: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) witnessReason: string | null;
  @CreatedAt() createdAt: Date;
}
