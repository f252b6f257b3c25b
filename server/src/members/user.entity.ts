import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/**
 * A person: resident, Party member, organiser. Some (older residents without a phone) never log in
 * and have no openid. The phone number is stored only encrypted, with a keyed hash for lookup.
 */
@Entity('users')
@Index(['openid'], { unique: true })
@Index(['phoneHash'])
@Index(['residenceNodeId'])
@Index(['branchNodeId'])
@Index(['demoPersona'], { unique: true })
export class User {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) openid: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) unionid: string | null;
  @Column({ type: 'varchar', length: 32 }) name: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) phoneCipher: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) phoneHash: string | null;
  @Column({ type: 'int', nullable: true }) birthYear: number | null;
  /** The lowest residence node known: a building, else a grid, else a community. */
  @RefColumn({ nullable: true }) residenceNodeId: string | null;
  /** Party branch or group the member belongs to (null for non-members). */
  @RefColumn({ nullable: true }) branchNodeId: string | null;
  @Column({ type: 'boolean', default: false }) elderMode: boolean;
  @Column({ type: 'varchar', length: 32, nullable: true }) privacyVersion: string | null;
  @TimeColumn({ nullable: true }) privacyAcceptedAt: Date | null;
  @Column({ type: 'boolean', default: false }) disabled: boolean;
  /** Set when the person deleted their account: personal fields erased, login refused (issue #9). */
  @TimeColumn({ nullable: true }) deletedAt: Date | null;
  /** Key of the demo persona this user stands for (demo database only). */
  @Column({ type: 'varchar', length: 32, nullable: true }) demoPersona: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
