import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import { PayReconciliation, PayReconciliationMismatch } from './pay-reconciliation.entity.js';

/** The only code that builds queries over stored reconciliation runs. */
@Injectable()
export class ReconciliationRepository {
  constructor(private readonly ds: DataSource) {}

  async storedDates(dates: string[]): Promise<Set<string>> {
    if (!dates.length) return new Set();
    const rows = await this.ds.manager.find(PayReconciliation, { where: { billDate: In(dates) }, select: { id: true, billDate: true } });
    return new Set(rows.map((r) => r.billDate));
  }

  /** Inserts the run unless the date has one; true when this insert made it (the caller then adds the mismatches). */
  async insertRun(em: EntityManager, run: PayReconciliation): Promise<boolean> {
    await em.createQueryBuilder().insert().into(PayReconciliation).values(run).orIgnore().updateEntity(false).execute();
    const stored = await em.findOne(PayReconciliation, { where: { billDate: run.billDate }, select: { id: true } });
    return stored?.id === run.id;
  }

  async insertMismatches(em: EntityManager, rows: PayReconciliationMismatch[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await em.insert(PayReconciliationMismatch, rows.slice(i, i + 200));
  }

  recentRuns(limit: number): Promise<PayReconciliation[]> {
    return this.ds.manager.find(PayReconciliation, { order: { billDate: 'DESC' }, take: limit });
  }

  /** The runs' mismatches of orders under `path`, plus (when asked) those of orders we never made. */
  mismatchesOf(runIds: string[], path: string, withUnknown: boolean): Promise<PayReconciliationMismatch[]> {
    if (!runIds.length) return Promise.resolve([]);
    return this.ds.manager
      .createQueryBuilder(PayReconciliationMismatch, 'm')
      .where('m.runId IN (:...runIds)', { runIds })
      .andWhere(
        new Brackets((w) => {
          w.where('m.path LIKE :path', { path: `${path}%` });
          if (withUnknown) w.orWhere('m.path IS NULL');
        }),
      )
      .orderBy('m.outTradeNo')
      .limit(500)
      .getMany();
  }
}
