import { Inject, Injectable, Logger } from '@nestjs/common';
import { formatChinaDate, toChinaParts, type ReconcileMismatch, type ReconcileRunView, type ReconcileView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManager, hasRole, manages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DUES_ROLES, DuesService } from '../dues/dues.service.js';
import { PayGateway } from './pay-gateway.js';
import type { PayReconciliation } from './pay-reconciliation.entity.js';
import { PaymentsRepository } from './payments.repository.js';
import { ReconciliationRepository } from './reconciliation.repository.js';
import { clock } from '../common/clock.js';

/** One SUCCESS row of WeChat's trade bill. */
export interface BillRow {
  outTradeNo: string;
  fen: number;
}

/** Parses the trade bill CSV: a header, rows whose every field starts with a backtick, then a summary. */
export function parseTradeBill(csv: string): BillRow[] {
  const lines = csv.split(/\r?\n/).filter(Boolean);
  const header = lines[0]?.split(',') ?? [];
  const col = (name: string) => header.indexOf(name);
  const [no, state, amount] = [col('商户订单号'), col('交易状态'), col('应结订单金额')];
  if (no < 0 || state < 0 || amount < 0) return [];
  const rows: BillRow[] = [];
  for (const line of lines.slice(1)) {
    if (!line.startsWith('`')) continue;
    const f = line.split(',').map((x) => x.replace(/^`/, ''));
    if (f.length < header.length || f[state] !== 'SUCCESS') continue;
    rows.push({ outTradeNo: f[no], fen: Math.round(Number(f[amount]) * 100) });
  }
  return rows;
}

/** A mismatch with the branch path of our order (null when we never made it), for scoping. */
type FoundMismatch = ReconcileMismatch & { path: string | null };

/** WeChat builds a day's trade bill from 09:00 the next day and advises fetching it after 10:00 (Beijing). */
const BILL_READY_HOUR = 10;
/** Dates the daily pass still fills in when missing (downtime, a bill not ready): yesterday and two before. */
const CATCH_UP_DAYS = 3;
/** A date whose bill could not be had is tried again after this long. */
const RETRY_MS = 30 * 60_000;

/**
 * Daily reconciliation: WeChat's trade bill for a Beijing date against our paid orders of that date.
 * The payments sweeper stores one run per bill date (idempotent: the unique date, and a second
 * instance's insert is a no-op); treasurers see the stored runs, limited to their branch's orders.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger('Reconciliation');
  private readonly retryAt = new Map<string, number>();

  constructor(
    @Inject(PayGateway) private readonly gateway: PayGateway,
    private readonly repo: PaymentsRepository,
    private readonly runs: ReconciliationRepository,
    private readonly tx: TransactionRunner,
    private readonly dues: DuesService,
  ) {}

  /** A live check of any date (not stored), for the caller's branches. */
  async forActor(actor: Actor, date: string): Promise<ReconcileView> {
    assertManager(actor, DUES_ROLES);
    const all = await this.run(date);
    const admin = hasRole(actor, 'admin');
    // Orders outside the caller's branches stay invisible; orders we don't know at all only admins see.
    const visible = all.found.filter((m) => (m.path ? manages(actor, m.path, DUES_ROLES) : admin));
    return { ...all.view, mismatches: visible.map(plain) };
  }

  async run(date: string): Promise<{ view: ReconcileView; found: FoundMismatch[] }> {
    const r = await this.compute(date);
    if (!r) throw new AppError('PAY_UNAVAILABLE');
    return r;
  }

  /** The stored runs, newest first, with the mismatches of this branch's orders (and unknown orders for admins). */
  async recent(actor: Actor, branchId: string, limit: number): Promise<ReconcileRunView[]> {
    const branch = await this.dues.managedBranch(actor, branchId);
    const runs = await this.runs.recentRuns(limit);
    const mismatches = await this.runs.mismatchesOf(runs.map((r) => r.id), branch.path, hasRole(actor, 'admin'));
    return runs.map((r) => ({
      date: r.billDate,
      ranAt: new Date(r.ranAt).toISOString(),
      billRows: r.billRows,
      localPaid: r.localPaid,
      mismatches: mismatches.filter((m) => m.runId === r.id).map(plain),
    }));
  }

  /** For the sweeper: reconciles and stores each recent bill date that has no run yet; returns how many were stored. */
  async daily(now = clock.now()): Promise<number> {
    const ready = toChinaParts(now).hour >= BILL_READY_HOUR;
    const dates = Array.from({ length: CATCH_UP_DAYS }, (_, i) => formatChinaDate(new Date(now.getTime() - (i + 1) * 86_400_000))).slice(ready ? 0 : 1);
    const stored = await this.runs.storedDates(dates);
    let made = 0;
    for (const date of dates.filter((d) => !stored.has(d) && (this.retryAt.get(d) ?? 0) <= now.getTime())) {
      const r = await this.compute(date);
      if (!r) {
        this.retryAt.set(date, now.getTime() + RETRY_MS);
        continue;
      }
      this.retryAt.delete(date);
      if (await this.store(date, r.view, r.found, now)) made++;
      if (r.found.length) this.logger.warn(`reconciliation ${date}: ${r.found.length} mismatches ${JSON.stringify(r.found.slice(0, 20).map(plain))}`);
    }
    return made;
  }

  private store(date: string, view: ReconcileView, found: FoundMismatch[], now: Date): Promise<boolean> {
    return this.tx.run(async (em) => {
      const run: PayReconciliation = { id: newId(), billDate: date, billRows: view.billRows, localPaid: view.localPaid, mismatchCount: found.length, ranAt: now, createdAt: now };
      if (!(await this.runs.insertRun(em, run))) return false;
      await this.runs.insertMismatches(em, found.map((m) => ({ id: newId(), runId: run.id, ...m })));
      return true;
    });
  }

  private async compute(date: string): Promise<{ view: ReconcileView; found: FoundMismatch[] } | null> {
    const csv = await this.gateway.tradeBill(date);
    if (csv === null) return null;
    const billed = parseTradeBill(csv);
    const from = new Date(`${date}T00:00:00+08:00`);
    const to = new Date(from.getTime() + 86_400_000);
    const paid = await this.repo.paidBetween(from, to);
    const known = new Map((await this.repo.ordersByTradeNos(billed.map((b) => b.outTradeNo))).map((o) => [o.outTradeNo, o]));
    const found: FoundMismatch[] = [];
    for (const b of billed) {
      const o = known.get(b.outTradeNo);
      if (!o) found.push({ kind: 'unknown_order', outTradeNo: b.outTradeNo, localFen: null, billFen: b.fen, path: null });
      else if (o.status !== 'paid') found.push({ kind: 'not_paid_locally', outTradeNo: b.outTradeNo, localFen: o.totalFen, billFen: b.fen, path: o.path });
      else if (o.totalFen !== b.fen) found.push({ kind: 'amount_mismatch', outTradeNo: b.outTradeNo, localFen: o.totalFen, billFen: b.fen, path: o.path });
      else if (o.conflict) found.push({ kind: 'duplicate_payment', outTradeNo: b.outTradeNo, localFen: o.totalFen, billFen: b.fen, path: o.path });
    }
    const inBill = new Set(billed.map((b) => b.outTradeNo));
    for (const o of paid) if (!inBill.has(o.outTradeNo)) found.push({ kind: 'missing_in_bill', outTradeNo: o.outTradeNo, localFen: o.totalFen, billFen: null, path: o.path });
    return { view: { date, billRows: billed.length, localPaid: paid.length, mismatches: found.map(plain) }, found };
  }
}

const plain = (m: Pick<ReconcileMismatch, 'kind' | 'outTradeNo' | 'localFen' | 'billFen'>): ReconcileMismatch => ({ kind: m.kind, outTradeNo: m.outTradeNo, localFen: m.localFen, billFen: m.billFen });
