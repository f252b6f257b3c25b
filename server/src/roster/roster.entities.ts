import { Column, Entity, Index } from 'typeorm';
import { ROSTER_IMPORT_STATUSES, ROSTER_OUTCOMES, VERIFY_FIELDS, type AssignableTag, type RosterCounts, type RosterField, type RosterFinding, type RosterImportStatus, type RosterOutcome, type VerifyField } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn, UpdatedAt } from '../database/columns.js';

/** 来源: a named list a community receives again and again (民政低保名单 …), with its remembered column mapping. */
@Entity('roster_sources')
@Index(['communityId', 'name'], { unique: true })
export class RosterSource {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  /** The community's path: the one authorisation scope reaches sources like households. */
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'varchar', length: 40 }) name: string;
  @Column({ type: 'simple-json' }) mapping: Record<string, RosterField>;
  @Column({ type: 'simple-json' }) impliedTags: AssignableTag[];
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** One uploaded file of a source, from upload through preview and commit to (perhaps) rollback. */
@Entity('roster_imports')
@Index(['sourceId', 'createdAt'])
export class RosterImport {
  @IdColumn() id: string;
  @RefColumn() sourceId: string;
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'varchar', length: 200 }) fileName: string;
  /** Name of the stored upload in the roster folder (unguessable). */
  @Column({ type: 'varchar', length: 60 }) storedName: string;
  @Column({ type: 'simple-enum', enum: ['xlsx', 'csv'] }) format: 'xlsx' | 'csv';
  @Column({ type: 'simple-json' }) sheets: string[];
  @Column({ type: 'varchar', length: 100, nullable: true }) sheet: string | null;
  @Column({ type: 'simple-json' }) headers: string[];
  @Column({ type: 'simple-json' }) mapping: Record<string, RosterField>;
  @Column({ type: 'simple-enum', enum: ROSTER_IMPORT_STATUSES }) status: RosterImportStatus;
  @Column({ type: 'int', default: 0 }) rowsTotal: number;
  @Column({ type: 'int', default: 0 }) rowsDone: number;
  @Column({ type: 'simple-json' }) counts: RosterCounts;
  @Column({ type: 'simple-json' }) fileFindings: RosterFinding[];
  @Column({ type: 'varchar', length: 300, nullable: true }) error: string | null;
  @RefColumn() createdBy: string;
  @CreatedAt() createdAt: Date;
  @TimeColumn({ nullable: true }) committedAt: Date | null;
  @TimeColumn({ nullable: true }) rolledBackAt: Date | null;
}

/**
 * A staging row of an import: what one spreadsheet line said (encrypted), its findings and what the
 * commit did with it. Not a person: persons are users + person_profiles; `userId` points there.
 * `effects` lists what the commit wrote for this row, so a rollback undoes exactly that.
 */
@Entity('roster_rows')
@Index(['importId', 'rowNo'], { unique: true })
@Index(['importId', 'outcome'])
@Index(['userId'])
export class RosterRow {
  @IdColumn() id: string;
  @RefColumn() importId: string;
  @Column({ type: 'int' }) rowNo: number;
  @Column({ type: 'varchar', length: 64 }) recordKey: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) idHash: string | null;
  @Column({ type: 'text' }) recordCipher: string;
  @Column({ type: 'simple-json' }) findings: RosterFinding[];
  @Column({ type: 'simple-enum', enum: ROSTER_OUTCOMES }) outcome: RosterOutcome;
  @RefColumn({ nullable: true }) userId: string | null;
  @Column({ type: 'simple-json', nullable: true }) effects: RowEffects | null;
}

/** What applying a row wrote: enough to undo it. */
export interface RowEffects {
  createdUser?: boolean;
  createdHouseholdId?: string;
  membershipId?: string;
  createdProfile?: boolean;
  /** Profile fields filled where they were empty, with the provenance they had (none). */
  filled?: string[];
  tagIds?: string[];
  taskIds?: string[];
  linkId?: string;
}

/** Which person a source's record is: a re-import of the same list finds its people again. */
@Entity('roster_links')
@Index(['sourceId', 'recordKey'], { unique: true })
@Index(['userId'])
export class RosterLink {
  @IdColumn() id: string;
  @RefColumn() sourceId: string;
  @Column({ type: 'varchar', length: 64 }) recordKey: string;
  @RefColumn() userId: string;
  @RefColumn() importId: string;
  @CreatedAt() createdAt: Date;
}

/** 可能是同一人: a row without an ID number that resembles a person; a human decides, once. */
@Entity('roster_pairs')
@Index(['recordKey', 'userId'], { unique: true })
@Index(['path', 'status'])
export class SamePersonPair {
  @IdColumn() id: string;
  @RefColumn() importId: string;
  @RefColumn() rowId: string;
  @Column({ type: 'varchar', length: 64 }) recordKey: string;
  @RefColumn() userId: string;
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'simple-json' }) evidence: string[];
  @Column({ type: 'simple-enum', enum: ['open', 'same', 'different'] }) status: 'open' | 'same' | 'different';
  @RefColumn({ nullable: true }) decidedBy: string | null;
  @TimeColumn({ nullable: true }) decidedAt: Date | null;
  @CreatedAt() createdAt: Date;
}

/**
 * 核验: two sources disagree on a field of one person. Both values are kept with their sources
 * (encrypted: phones) until a grid worker says which is right. `openKey` (user:field while open)
 * keeps one open task per person and field; `seenKey` remembers every value already raised so a
 * re-import never asks again.
 */
@Entity('verification_tasks')
@Index(['openKey'], { unique: true })
@Index(['householdId', 'status'])
@Index(['path', 'status'])
@Index(['userId'])
export class VerificationTask {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn({ nullable: true }) householdId: string | null;
  @RefColumn() communityId: string;
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'simple-enum', enum: VERIFY_FIELDS }) field: VerifyField;
  @Column({ type: 'text' }) valuesCipher: string;
  @Column({ type: 'simple-json' }) seenKeys: string[];
  @Column({ type: 'simple-enum', enum: ['open', 'resolved'] }) status: 'open' | 'resolved';
  @Column({ type: 'varchar', length: 60, nullable: true }) openKey: string | null;
  @RefColumn() importId: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) resolvedCipher: string | null;
  @RefColumn({ nullable: true }) resolvedBy: string | null;
  @TimeColumn({ nullable: true }) resolvedAt: Date | null;
  @CreatedAt() createdAt: Date;
}

export const ROSTER_ENTITIES = [RosterSource, RosterImport, RosterRow, RosterLink, SamePersonPair, VerificationTask];
