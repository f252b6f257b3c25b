import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/**
 * Refresh tokens are stored as hashes. Each use rotates the token; a second use of a rotated token
 * means it was stolen, so the whole family (one login) is revoked.
 */
@Entity('refresh_tokens')
@Index(['tokenHash'], { unique: true })
@Index(['familyId'])
export class RefreshToken {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn() familyId: string;
  @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  @TimeColumn() expiresAt: Date;
  @TimeColumn({ nullable: true }) usedAt: Date | null;
  @TimeColumn({ nullable: true }) revokedAt: Date | null;
  @CreatedAt() createdAt: Date;
}
