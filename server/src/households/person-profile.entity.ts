import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ASSIGNABLE_TAGS, FIELD_SOURCES, GENDERS, type AssignableTag, type FieldSource, type Gender, type Provenance } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/**
 * What the grid knows about a person beyond the account, 1:1 with `users` (keyed by the user id: the
 * user row stays THE person record). ID number, extra phones, emergency contact and the staff notes
 * are encrypted; the ID number also has a keyed hash so a duplicate is found without the plaintext.
 */
@Entity('person_profiles')
@Index(['idNumberHash'], { unique: true })
export class PersonProfile {
  @PrimaryColumn({ type: 'varchar', length: 26 }) userId: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) idNumberCipher: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) idNumberHash: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) birthDate: string | null;
  @Column({ type: 'simple-enum', enum: GENDERS, nullable: true }) gender: Gender | null;
  @Column({ type: 'varchar', length: 600, nullable: true }) phonesCipher: string | null;
  @Column({ type: 'varchar', length: 400, nullable: true }) emergencyCipher: string | null;
  /** Health and situation notes: grid staff only, never shown to the resident's family or in lists. */
  @Column({ type: 'varchar', length: 1500, nullable: true }) notesCipher: string | null;
  @Column({ type: 'simple-json' }) provenance: Record<string, Provenance>;
  @UpdatedAt() updatedAt: Date;
}

/** An assigned tag (the closed set minus the derived ones). Removal is a date, so the history stays. */
@Entity('person_tags')
@Index(['userId', 'tag'], { unique: true })
@Index(['tag', 'removedAt'])
export class PersonTagRow {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Column({ type: 'simple-enum', enum: ASSIGNABLE_TAGS }) tag: AssignableTag;
  @Column({ type: 'simple-enum', enum: FIELD_SOURCES }) source: FieldSource;
  @Column({ type: 'varchar', length: 40, nullable: true }) sourceName: string | null;
  @TimeColumn() verifiedAt: Date;
  @RefColumn() setBy: string;
  @TimeColumn({ nullable: true }) removedAt: Date | null;
  @RefColumn({ nullable: true }) removedBy: string | null;
  @CreatedAt() createdAt: Date;
}
