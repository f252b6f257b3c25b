import { Injectable } from '@nestjs/common';
import { maskIdNumber, maskPhone, type RosterRowView, type RosterRowsQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { assertInGrid } from '../households/grid-scope.js';
import { RosterImportService } from './roster-import.service.js';
import type { RosterRecord } from './roster-parse.js';
import { RosterRepository } from './roster.repository.js';

/** Reading what an import staged (masked: the preview is a table many eyes see) and which sources list a person. */
@Injectable()
export class RosterViews {
  constructor(
    private readonly repo: RosterRepository,
    private readonly imports: RosterImportService,
    private readonly crypto: FieldCrypto,
  ) {}

  async rows(actor: Actor, id: string, q: RosterRowsQuery): Promise<RosterRowView[]> {
    await this.imports.inScope(actor, id);
    return (await this.repo.rowsPage(id, q.outcome, q.offset, q.limit)).map((r) => {
      const rec = JSON.parse(this.crypto.decrypt(r.recordCipher)) as RosterRecord;
      return { rowNo: r.rowNo, outcome: r.outcome, name: rec.name, idNumber: maskIdNumber(rec.idNumber), phone: maskPhone(rec.phone), address: rec.address, findings: r.findings };
    });
  }

  /** The person's own view (data export): which sources list them, no scope needed. */
  async listedIn(userId: string): Promise<{ name: string; importedAt: string }[]> {
    return (await this.repo.sourcesListing(userId)).map((s) => ({ name: s.name, importedAt: new Date(s.importedAt).toISOString() }));
  }

  async personSources(actor: Actor, userId: string): Promise<{ name: string; importedAt: string }[]> {
    const [m] = await this.repo.activeMemberships([userId]);
    const [h] = m ? await this.repo.households([m.householdId]) : [];
    if (!h) throw AppError.notFound();
    assertInGrid(actor, h.path);
    return this.listedIn(userId);
  }
}
