import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { formatChinaDateTime, HOURS_STATUS_LABELS } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { CampaignsService } from './campaigns.service.js';
import { HoursRepository } from './hours.repository.js';
import { HoursService } from './hours.service.js';

/** Hours of one campaign as an .xlsx (the same ExcelJS writer the roster and study exports use). */
@Injectable()
export class HoursExportService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly repo: HoursRepository,
    private readonly hours: HoursService,
    private readonly audit: AuditTrail,
  ) {}

  async export(actor: Actor, campaignId: string): Promise<{ filename: string; body: Buffer }> {
    const c = await this.campaigns.managed(actor, campaignId);
    const rows = await this.hours.views(await this.repo.list({ paths: [c.nodePath], campaignId: c.id, limit: 10_000 }));
    await this.audit.record(actor, { action: 'volunteering.hours.export', resourceId: c.id, orgPath: c.nodePath });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('志愿时长');
    sheet.columns = [
      { header: '序号', width: 6 },
      { header: '姓名', width: 12 },
      { header: '岗位', width: 20 },
      { header: '签到', width: 18 },
      { header: '签退', width: 18 },
      { header: '分钟', width: 8 },
      { header: '认定时长(小时)', width: 14 },
      { header: '状态', width: 10 },
      { header: '备注', width: 24 },
    ];
    rows.forEach((h, i) =>
      sheet.addRow([
        i + 1,
        h.user.name,
        h.shift.title,
        formatChinaDateTime(h.checkInAt),
        formatChinaDateTime(h.checkOutAt),
        h.minutes,
        h.hours,
        HOURS_STATUS_LABELS[h.status],
        [h.autoCheckout ? '系统自动签退，请核实' : '', h.declineReason ?? ''].filter(Boolean).join('；'),
      ]),
    );
    sheet.getRow(1).font = { bold: true };
    return { filename: `hours-${c.id}.xlsx`, body: Buffer.from(await book.xlsx.writeBuffer()) };
  }
}
