import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { maskIdNumber, maskPhone, neutralizeCell, PERSON_TAG_LABELS, type RosterField } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { isCommunityStaff } from '../households/grid-scope.js';
import { Conflicts } from './roster-conflicts.js';
import { RosterSources } from './roster-sources.service.js';
import { RosterRepository } from './roster.repository.js';

/**
 * A source's list back out of the ledger, with the source's own headers: what the office sent, now
 * reconciled. Cells that a spreadsheet would run as formulas are neutralised; ID numbers, phones and
 * 人员类别 (低保, 残疾 …) are masked unless the exporter is community staff; every export is audited.
 */
@Injectable()
export class RosterExport {
  constructor(
    private readonly repo: RosterRepository,
    private readonly sources: RosterSources,
    private readonly conflicts: Conflicts,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditTrail,
  ) {}

  async xlsx(actor: Actor, sourceId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const source = await this.sources.inScope(actor, sourceId);
    const full = isCommunityStaff(actor, source.path);
    const columns = Object.entries(source.mapping).filter(([, f]) => f !== 'ignore');
    const userIds = [...new Set((await this.repo.linksOfSource(source.id)).map((l) => l.userId))];
    const persons = await this.conflicts.load(this.repo.manager, userIds);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(source.name.slice(0, 31));
    ws.addRow(columns.map(([h]) => h));
    for (const id of userIds) {
      const p = persons.get(id);
      if (!p) continue;
      const idNumber = p.profile?.idNumberCipher ? this.crypto.decrypt(p.profile.idNumberCipher) : '';
      const tags = p.tags.filter((t) => !t.removedAt).map((t) => PERSON_TAG_LABELS[t.tag]).join('、');
      const value = (f: RosterField): string => {
        const raw = ((): string => {
          switch (f) {
            case 'name': return p.user.name;
            case 'idNumber': return full ? idNumber : (maskIdNumber(idNumber) ?? '');
            case 'gender': return p.profile?.gender === 'male' ? '男' : p.profile?.gender === 'female' ? '女' : '';
            case 'birthDate': return p.profile?.birthDate ?? '';
            case 'phone': return (full ? p.phones[0] : maskPhone(p.phones[0])) ?? '';
            case 'address': return p.householdLabel ?? '';
            case 'building': return p.householdLabel?.replace(/号楼.*/, '号楼') ?? '';
            case 'unit': return p.household?.unit ?? '';
            case 'room': return p.household?.room ?? '';
            case 'category': return full ? tags : tags ? '***' : '';
            default: return '';
          }
        })();
        return neutralizeCell(raw);
      };
      // Text cells throughout: an ID number must never become a number again.
      const row = ws.addRow(columns.map(([, f]) => value(f)));
      row.eachCell((c) => (c.numFmt = '@'));
    }
    await this.audit.record(actor, { action: 'roster.export', subjects: userIds, resourceId: source.id, orgPath: source.path });
    return { fileName: `${source.name}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
  }
}
