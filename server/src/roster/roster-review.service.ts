import { Injectable } from '@nestjs/common';
import { maskPhone, normalizePhone, parseRosterDate, VERIFY_FIELD_LABELS, type PairDecisionRequest, type ResolveVerificationRequest, type SamePersonPairView, type VerificationListQuery, type VerificationValue, type VerificationView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { assertGridStaff, assertInGrid } from '../households/grid-scope.js';
import { RosterApplier, type RunState } from './roster-apply.js';
import { Conflicts } from './roster-conflicts.js';
import type { RosterRecord } from './roster-parse.js';
import type { SamePersonPair, VerificationTask } from './roster.entities.js';
import { RosterRepository } from './roster.repository.js';
import { RosterRun } from './roster-run.js';
import { communityPath } from './roster-sources.service.js';

/** The two queues a person answers: 可能同一人 (same / different) and 核验 (which value is right). */
@Injectable()
export class RosterReview {
  constructor(
    private readonly repo: RosterRepository,
    private readonly crypto: FieldCrypto,
    private readonly conflicts: Conflicts,
    private readonly applier: RosterApplier,
    private readonly run: RosterRun,
    private readonly tx: TransactionRunner,
  ) {}

  async pairs(actor: Actor): Promise<SamePersonPairView[]> {
    const rows = await this.repo.pairs(assertGridStaff(actor).map(communityPath), 'open');
    const staged = new Map((await this.repo.rowsById(rows.map((p) => p.rowId))).map((r) => [r.id, r]));
    const persons = await this.conflicts.load(this.repo.manager, rows.map((p) => p.userId));
    const imports = new Map<string, string>();
    for (const p of rows) if (!imports.has(p.importId)) imports.set(p.importId, (await this.repo.sourceOfImport(p.importId)) ?? '');
    return rows.flatMap((p) => {
      const row = staged.get(p.rowId);
      const person = persons.get(p.userId);
      if (!row || !person) return [];
      const rec = JSON.parse(this.crypto.decrypt(row.recordCipher)) as RosterRecord;
      return [{
        id: p.id, status: p.status, evidence: p.evidence, createdAt: p.createdAt.toISOString(),
        incoming: { name: rec.name, birthDate: rec.birthDate, phone: maskPhone(rec.phone), address: rec.address, source: imports.get(p.importId) ?? '' },
        existing: { userId: person.user.id, name: person.user.name, birthDate: person.profile?.birthDate ?? null, phone: maskPhone(person.phones[0]), address: person.householdLabel, source: '户档案' },
      }];
    });
  }

  /** Same → the row merges into that person (conflicts become tasks); different → remembered, and the row becomes a new person once no question about it is left. */
  async decide(actor: Actor, id: string, dto: PairDecisionRequest): Promise<{ ok: true; userId: string | null }> {
    const pair = await this.repo.pair(id);
    if (!pair) throw AppError.notFound();
    const paths = assertGridStaff(actor);
    if (!paths.some((p) => communityPath(p) === pair.path)) throw AppError.notFound();
    const imp = await this.repo.import(pair.importId);
    const source = imp ? await this.repo.source(imp.sourceId) : null;
    if (!imp || !source) throw AppError.notFound();
    let userId: string | null = null;
    await this.tx.run(async (em) => {
      if (!(await this.repo.decidePair(em, id, dto.decision, actor.userId, clock.now()))) throw new AppError('ROSTER_PAIR_DECIDED');
      const others = (await this.repo.pairsOfRow(pair.rowId, em)).filter((p: SamePersonPair) => p.id !== id);
      if (dto.decision === 'different' && others.some((p) => p.status === 'open' || p.status === 'same')) return;
      const [row] = await this.repo.rowsById([pair.rowId]);
      if (imp.status !== 'committed') return;
      const st: RunState = await this.run.stateFor(actor, imp, source, em);
      const [res] = await this.applier.chunk(em, st, [{ rowId: row.id, recordKey: row.recordKey, idHash: row.idHash, record: JSON.parse(this.crypto.decrypt(row.recordCipher)) }]);
      await this.applier.flush(em, st);
      await this.applier.finishHouseholds(em, st);
      userId = res.userId;
      await this.repo.saveRows(em, [{ ...row, outcome: res.outcome, userId: res.userId, effects: res.effects }]);
    });
    return { ok: true, userId };
  }

  async tasks(actor: Actor, q: VerificationListQuery): Promise<VerificationView[]> {
    return this.views(await this.repo.tasks(assertGridStaff(actor), { householdId: q.householdId, userId: q.userId, open: q.open === 'true' }));
  }

  /** The grid worker's answer becomes the person's value, stamped 网格员核实 with today's date. */
  async resolve(actor: Actor, id: string, dto: ResolveVerificationRequest): Promise<VerificationView> {
    const t = await this.repo.task(id);
    if (!t) throw AppError.notFound();
    assertInGrid(actor, t.path);
    if (t.status !== 'open') throw new AppError('ROSTER_VERIFICATION_CLOSED');
    const value = this.checked(t, dto.value);
    const now = clock.now();
    const prov = { source: 'grid_verified' as const, sourceName: null, verifiedAt: now.toISOString(), by: actor.userId };
    await this.tx.run(async (em) => {
      const patch = { status: 'resolved' as const, openKey: null, resolvedCipher: this.crypto.encrypt(value), resolvedBy: actor.userId, resolvedAt: now, seenKeys: [...t.seenKeys, this.crypto.hash(`${t.field}|${value}`)] };
      if (!(await this.repo.resolveTask(em, id, patch))) throw new AppError('ROSTER_VERIFICATION_CLOSED');
      if (t.field === 'address') return; // moving a person between households stays the ledger's own act (迁出 / 加入)
      if (t.field === 'name') await this.repo.updateUserName(em, t.userId, value);
      const [p] = await this.repo.profiles([t.userId], em);
      if (!p) return;
      const next = { ...p, provenance: { ...p.provenance, [t.field === 'phone' ? 'phones' : t.field]: prov } };
      if (t.field === 'phone') next.phonesCipher = this.crypto.encrypt(JSON.stringify([value]));
      if (t.field === 'birthDate') next.birthDate = value;
      if (t.field === 'gender') next.gender = value === '男' || value === 'male' ? 'male' : 'female';
      await this.repo.updateProfile(em, next);
    });
    return (await this.views([{ ...t, status: 'resolved', resolvedCipher: this.crypto.encrypt(value), resolvedAt: now, resolvedBy: actor.userId }]))[0];
  }

  private checked(t: VerificationTask, raw: string): string {
    if (t.field === 'phone') return normalizePhone(raw) ?? this.invalid();
    if (t.field === 'birthDate') return parseRosterDate(raw) ?? this.invalid();
    if (t.field === 'gender' && !['男', '女', 'male', 'female'].includes(raw)) this.invalid();
    return raw;
  }
  private invalid(): never {
    throw new AppError('ROSTER_VALUE_INVALID');
  }

  private async views(rows: VerificationTask[]): Promise<VerificationView[]> {
    const names = new Map((await this.repo.users(rows.map((r) => r.userId))).map((u) => [u.id, u.name]));
    return rows.map((t) => {
      const values = (JSON.parse(this.crypto.decrypt(t.valuesCipher)) as VerificationValue[]).map(({ value, source, at }) => ({ value, source, at }));
      const label = VERIFY_FIELD_LABELS[t.field];
      return {
        id: t.id, person: { id: t.userId, name: names.get(t.userId) ?? '' }, householdId: t.householdId, field: t.field, values,
        prompt: `${label}: ${values.map((v) => `${v.source} ${v.value}`).join('，')} — 以哪个为准?`,
        status: t.status, resolvedValue: t.resolvedCipher ? this.crypto.decrypt(t.resolvedCipher) : null, resolvedAt: t.resolvedAt?.toISOString() ?? null, createdAt: t.createdAt.toISOString(),
      };
    });
  }
}
