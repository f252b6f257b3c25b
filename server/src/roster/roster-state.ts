import type { Cadence, PersonTag, RosterOutcome } from '@honglin/shared';
import type { Household } from '../households/household.entity.js';
import type { OrgNode } from '../organizations/org-node.entity.js';
import type { RosterRecord } from './roster-parse.js';
import type { RosterSource, RowEffects } from './roster.entities.js';

export interface ApplyRow {
  rowId: string;
  recordKey: string;
  idHash: string | null;
  record: RosterRecord;
}
export interface RowResult {
  rowId: string;
  outcome: RosterOutcome;
  userId: string | null;
  effects: RowEffects | null;
  /** Why a row ended as it did (unknown address …), shown in the preview. */
  note?: { code: string; message: string };
}
/** One import's run: what it already created, so later rows in the file find it. */
export interface RunState {
  importId: string;
  actorId: string;
  source: RosterSource;
  community: { id: string; path: string };
  buildings: Map<string, OrgNode>;
  cadence: Cadence;
  now: Date;
  write: boolean;
  households: Map<string, Household>;
  /** Buildings whose households are in `households` already. */
  loadedBuildings: Set<string>;
  newHouseholdTags: Map<string, Set<PersonTag>>;
  touchedHouseholds: Set<string>;
  /** Rows to insert, flushed once per chunk (a 50,000-row file is a few hundred statements, not 300,000). */
  pending: Map<Function, object[]>;
}

/** Queues an insert of the commit (nothing in a preview). */
export function put<T extends object>(st: RunState, entity: new () => T, row: T): void {
  if (!st.write) return;
  const list = st.pending.get(entity) ?? [];
  list.push(row);
  st.pending.set(entity, list);
}

