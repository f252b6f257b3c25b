import { Inject, Injectable } from '@nestjs/common';
import type { ReconcileMismatch, ReconcileView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { assertManager, hasRole, manages } from '../common/scope.js';
import { DUES_ROLES } from '../dues/dues.service.js';
import { PayGateway } from './pay-gateway.js';
import { PaymentsRepository } from './payments.repository.js';

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

/** Daily reconciliation: WeChat's trade bill for a Beijing date against our paid orders of that date. */
@Injectable()
export class ReconciliationService {
  constructor(
    @Inject(PayGateway) private readonly gateway: PayGateway,
    private readonly repo: PaymentsRepository,
  ) {}

  async forActor(actor: Actor, date: string): Promise<ReconcileView> {
    assertManager(actor, DUES_ROLES);
    const all = await this.run(date);
    const admin = hasRole(actor, 'admin');
    const local = new Map((await this.repo.ordersByTradeNos(all.mismatches.map((m) => m.outTradeNo))).map((o) => [o.outTradeNo, o]));
    // Orders outside the caller's branches stay invisible; orders we don't know at all only admins see.
    const visible = all.mismatches.filter((m) => {
      const o = local.get(m.outTradeNo);
      return o ? manages(actor, o.path, DUES_ROLES) : admin;
    });
    return { ...all, mismatches: visible };
  }

  async run(date: string): Promise<ReconcileView> {
    const csv = await this.gateway.tradeBill(date);
    if (csv === null) throw new AppError('PAY_UNAVAILABLE');
    const billed = parseTradeBill(csv);
    const from = new Date(`${date}T00:00:00+08:00`);
    const to = new Date(from.getTime() + 86_400_000);
    const paid = await this.repo.paidBetween(from, to);
    const known = new Map((await this.repo.ordersByTradeNos(billed.map((b) => b.outTradeNo))).map((o) => [o.outTradeNo, o]));
    const mismatches: ReconcileMismatch[] = [];
    for (const b of billed) {
      const o = known.get(b.outTradeNo);
      if (!o) mismatches.push({ kind: 'unknown_order', outTradeNo: b.outTradeNo, localFen: null, billFen: b.fen });
      else if (o.status !== 'paid') mismatches.push({ kind: 'not_paid_locally', outTradeNo: b.outTradeNo, localFen: o.totalFen, billFen: b.fen });
      else if (o.totalFen !== b.fen) mismatches.push({ kind: 'amount_mismatch', outTradeNo: b.outTradeNo, localFen: o.totalFen, billFen: b.fen });
      else if (o.conflict) mismatches.push({ kind: 'duplicate_payment', outTradeNo: b.outTradeNo, localFen: o.totalFen, billFen: b.fen });
    }
    const inBill = new Set(billed.map((b) => b.outTradeNo));
    for (const o of paid) if (!inBill.has(o.outTradeNo)) mismatches.push({ kind: 'missing_in_bill', outTradeNo: o.outTradeNo, localFen: o.totalFen, billFen: null });
    return { date, billRows: billed.length, localPaid: paid.length, mismatches };
  }
}
