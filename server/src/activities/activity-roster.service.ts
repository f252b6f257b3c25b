import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { ENROLLMENT_STATUS_LABELS, formatChinaDateTime, maskPhone, type RosterEntry, type SlotCounters } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { AuditTrail } from '../audit/audit-trail.service.js';

import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import { EnrollmentService } from '../enrollment/enrollment.service.js';
import { ActivitiesService } from './activities.service.js';

/** The organiser's roster of one activity: statuses, companions, who entered whom; and its Excel export. */
@Injectable()
export class ActivityRosterService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly engine: EnrollmentService,
    private readonly enrollments: EnrollmentRepository,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditTrail,
  ) {}

  async roster(actor: Actor, id: string): Promise<{ activityId: string; title: string; counters: SlotCounters; entries: RosterEntry[] }> {
    const a = await this.activities.managed(actor, id);
    const slot = (await this.enrollments.slot(a.slotId))!;
    const rows = await this.enrollments.roster(slot.id);
    const people = new Map((await this.enrollments.users([...new Set(rows.flatMap((e) => [e.userId, ...(e.enteredBy ? [e.enteredBy] : [])]))])).map((u) => [u.id, u]));
    const entries: RosterEntry[] = [];
    for (const e of rows) {
      const u = people.get(e.userId);
      const phone = u?.phoneCipher ? maskPhone(this.crypto.decrypt(u.phoneCipher)) : null;
      entries.push({
        ...(await this.engine.view(e)),
        user: { id: e.userId, name: u?.name ?? '', phoneMasked: phone },
        enteredBy: e.enteredBy ? { id: e.enteredBy, name: people.get(e.enteredBy)?.name ?? '' } : null,
        enteredReason: e.enteredReason,
      });
    }
    const waiting = entries.filter((e) => e.status === 'waitlisted').length;
    return { activityId: a.id, title: a.title, counters: this.engine.counters(slot, waiting), entries };
  }

  /** An .xlsx of the roster (phones masked: the sheet may be printed and left on a table). */
  async export(actor: Actor, id: string): Promise<{ filename: string; body: Buffer }> {
    const r = await this.roster(actor, id);
    await this.audit.record(actor, { action: 'activity.roster.export', resourceId: r.activityId, orgPath: (await this.activities.require(id)).communityPath });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('报名名单');
    sheet.columns = [
      { header: '序号', width: 6 },
      { header: '姓名', width: 12 },
      { header: '手机', width: 14 },
      { header: '状态', width: 14 },
      { header: '人数', width: 6 },
      { header: '同行人', width: 30 },
      { header: '候补位次', width: 8 },
      { header: '代报名', width: 20 },
      { header: '报名时间', width: 18 },
    ];
    r.entries.forEach((e, i) =>
      sheet.addRow([
        i + 1,
        e.user.name,
        e.user.phoneMasked ?? '无',
        ENROLLMENT_STATUS_LABELS[e.status],
        e.seats,
        e.companions.map((c) => `${c.name}(${c.age}岁)`).join('、'),
        e.waitlistPosition ?? '',
        e.enteredBy ? `${e.enteredBy.name}：${e.enteredReason ?? ''}` : '',
        formatChinaDateTime(e.createdAt),
      ]),
    );
    sheet.getRow(1).font = { bold: true };
    return { filename: `roster-${r.activityId}.xlsx`, body: Buffer.from(await book.xlsx.writeBuffer()) };
  }
}
