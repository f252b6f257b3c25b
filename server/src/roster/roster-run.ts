import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ROSTER_OUTCOMES, type RosterCounts } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CareSchedule } from '../households/care-schedule.js';
import { gridPaths } from '../households/grid-scope.js';
import { RosterApplier, type ApplyRow, type RowResult, type RunState } from './roster-apply.js';
import type { RosterRecord } from './roster-parse.js';
import { RosterUndo } from './roster-undo.js';
import type { RosterImport, RosterRow, RosterSource } from './roster.entities.js';
import { RosterRepository } from './roster.repository.js';

const CHUNK = 500;
const countOf = (rows: { outcome: RosterRow['outcome'] }[]): RosterCounts => Object.fromEntries(ROSTER_OUTCOMES.map((o) => [o, rows.filter((r) => r.outcome === o).length])) as RosterCounts;

/** Runs an import's rows through the applier: as a dry run for the preview, or as the commit job in one transaction. */
@Injectable()
export class RosterRun {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: RosterRepository,
    private readonly applier: RosterApplier,
    private readonly schedule: CareSchedule,
    private readonly crypto: FieldCrypto,
    private readonly tx: TransactionRunner,
    private readonly undo: RosterUndo,
  ) {}

  stateFor(actor: Actor, imp: RosterImport, source: RosterSource, em: EntityManager): Promise<RunState> {
    return this.state(actor, imp, source, true, em);
  }

  private async state(actor: Actor, imp: RosterImport, source: RosterSource, write: boolean, em?: EntityManager): Promise<RunState> {
    // Only buildings of the caller's grids: a row elsewhere is an unknown address, not someone else's household.
    const mine = gridPaths(actor);
    const buildings = (await this.repo.buildings(source.path)).filter((b) => mine.some((p) => b.path.startsWith(p)));
    return {
      importId: imp.id, actorId: actor.userId, source, community: { id: source.communityId, path: source.path }, buildings: new Map(buildings.map((b) => [b.name, b])),
      cadence: await this.schedule.cadence(source.communityId, em), now: clock.now(), write, households: new Map(), loadedBuildings: new Set(), newHouseholdTags: new Map(), touchedHouseholds: new Set(), pending: new Map(),
    };
  }

  async dryRun(actor: Actor, imp: RosterImport, source: RosterSource, rows: RosterRow[], records: Map<number, RosterRecord>): Promise<RosterCounts> {
    const st = await this.state(actor, imp, source, false);
    const todo = rows.filter((r) => r.outcome !== 'flag');
    for (let i = 0; i < todo.length; i += CHUNK) {
      const part = todo.slice(i, i + CHUNK);
      const results = await this.applier.chunk(this.ds.manager, st, part.map((r) => ({ rowId: r.id, recordKey: r.recordKey, idHash: r.idHash, record: records.get(r.rowNo)! })));
      this.note(part, results);
    }
    return countOf(rows);
  }

  private note(rows: RosterRow[], results: RowResult[]): void {
    const byId = new Map(results.map((r) => [r.rowId, r]));
    for (const row of rows) {
      const res = byId.get(row.id);
      if (!res) continue;
      row.outcome = res.outcome;
      row.userId = res.userId;
      row.effects = res.effects;
      if (res.note) row.findings = [...row.findings, res.note];
    }
  }

  /** The commit: every row in one transaction (all or nothing), progress written as it goes. */
  async commit(actor: Actor, imp: RosterImport, source: RosterSource): Promise<void> {
    await this.tx.run(async (em) => {
      const st = await this.state(actor, imp, source, true, em);
      const all: RosterRow[] = [];
      let after = 0;
      for (;;) {
        const page = await this.repo.rows(imp.id, after, CHUNK, em);
        if (!page.length) break;
        after = page[page.length - 1].rowNo;
        const todo = page.filter((r) => !r.findings.some((f) => ERROR_CODES.has(f.code)));
        const results = await this.applier.chunk(em, st, todo.map((r): ApplyRow => ({ rowId: r.id, recordKey: r.recordKey, idHash: r.idHash, record: JSON.parse(this.crypto.decrypt(r.recordCipher)) })));
        await this.applier.flush(em, st);
        this.note(todo, results);
        await this.repo.saveRows(em, page);
        all.push(...page.map((r) => ({ ...r, recordCipher: '' })));
        await this.repo.progress(imp.id, all.length);
      }
      const touched = await this.applier.finishHouseholds(em, st);
      for (const h of await this.repo.households(touched.filter((id) => !st.newHouseholdTags.has(id)), em)) await this.schedule.recompute(em, h, st.now);
      await this.repo.updateImport(em, imp.id, { status: 'committed', counts: countOf(all), rowsDone: all.length, committedAt: st.now });
    });
  }

  async rollback(actor: Actor, imp: RosterImport): Promise<void> {
    if (imp.status !== 'committed') throw new AppError('ROSTER_IMPORT_STATE');
    await this.tx.run(async (em) => {
      const blockers = await this.undo.blockers(em, imp);
      if (blockers.length) throw new AppError('ROSTER_ROLLBACK_BLOCKED', blockers.map((message) => ({ field: 'import', message })));
      if (!(await this.repo.claim(em, imp.id, ['committed'], 'rolled_back'))) throw new AppError('ROSTER_IMPORT_STATE');
      await this.undo.run(em, imp, actor);
      await this.repo.updateImport(em, imp.id, { rolledBackAt: clock.now() });
    });
  }
}

/** Findings that keep a row out of the ledger (the others only drop a value). */
export const ERROR_CODES = new Set(['name_missing', 'id_invalid', 'id_numeric', 'identity_thin', 'duplicate_in_file']);
