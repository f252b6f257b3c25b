import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  ATTENDANCE_LABELS,
  cadenceReport,
  MEETING_PHOTOS_MAX,
  MEETING_PHOTO_MAX_BYTES,
  MEETING_TYPE_LABELS,
  periodRange,
  type BranchComplianceView,
  type MeetingType,
  type MeetingView,
  type MinutesRequest,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { newId } from '../common/ids.js';
import { ImageStore } from '../common/image-store.js';
import { assertManager, assertManages } from '../common/scope.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { MEETING_MANAGERS } from './meeting-access.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';
import { clock } from '../common/clock.js';

/** How far back the compliance board looks: the previous year covers every period's "last" period. */
const LOOKBACK_MS = 400 * 24 * 3600_000;

/** Minutes, photos, the branch compliance board and the yearly attendance export. */
@Injectable()
export class MeetingRecordsService {
  private readonly photos: ImageStore;

  constructor(
    private readonly meetings: MeetingsService,
    private readonly repo: MeetingsRepository,
    private readonly org: OrgRepository,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly audit: AuditTrail,
  ) {
    // Beside the SQLite file (the server's data dir) whichever database is in use.
    this.photos = new ImageStore(join(config.uploadDir, 'meeting-photos'));
  }

  /** Minutes and resolutions may be written before and after attendance is closed, not after cancelling. */
  async saveMinutes(actor: Actor, id: string, dto: MinutesRequest): Promise<MeetingView> {
    const meeting = await this.meetings.managed(actor, id);
    if (meeting.status === 'cancelled') throw new AppError('MEETING_NOT_EDITABLE');
    await this.tx.run((em) => this.repo.updateMeeting(id, { ...(dto.minutes !== undefined && { minutes: dto.minutes }), ...(dto.resolutions !== undefined && { resolutions: dto.resolutions }) }, em));
    return this.meetings.get(actor, id);
  }

  /** A small JPEG/PNG as a data URL; the bytes are checked, stored under a random name. */
  async addPhoto(actor: Actor, id: string, dataUrl: string): Promise<MeetingView> {
    const meeting = await this.meetings.managed(actor, id);
    if (meeting.status === 'cancelled') throw new AppError('MEETING_NOT_EDITABLE');
    const image = await this.photos.save(dataUrl, MEETING_PHOTO_MAX_BYTES, 'MEETING_PHOTO_INVALID');
    await this.tx.run(async (em) => {
      if ((await this.repo.countPhotos(id, em)) >= MEETING_PHOTOS_MAX) throw new AppError('MEETING_PHOTOS_FULL');
      await this.repo.insertPhoto({ id: newId(), meetingId: id, fileName: image.fileName, mime: image.mime, bytes: image.bytes, uploadedBy: actor.userId, createdAt: clock.now() }, em);
    });
    return this.meetings.get(actor, id);
  }

  async photo(actor: Actor, id: string, photoId: string): Promise<{ mime: string; bytes: Buffer }> {
    await this.meetings.visible(actor, id);
    const photo = await this.repo.findPhoto(id, photoId);
    const file = photo && (await this.photos.read(photo.fileName));
    if (!file) throw AppError.notFound();
    return file;
  }

  /** Each branch in the caller's scope (a committee admin sees every branch below) with its cadence status. */
  async compliance(actor: Actor, now = clock.now()): Promise<BranchComplianceView[]> {
    const nodes = await this.repo.partyNodesUnder(assertManager(actor, MEETING_MANAGERS));
    const branches = nodes.filter((n) => n.kind === 'branch');
    const held = await this.repo.heldBetween(branches.map((b) => b.id), new Date(now.getTime() - LOOKBACK_MS), now);
    return branches.map((b) => {
      const groups = nodes.filter((n) => n.kind === 'group' && n.parentId === b.id);
      const items = cadenceReport(held.filter((m) => m.branchId === b.id), groups.map((g) => g.id), now).map((i) => ({ ...i, typeLabel: MEETING_TYPE_LABELS[i.type] }));
      return {
        branch: { id: b.id, name: b.name, kind: b.kind },
        groups: groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind })),
        items,
        overdueCount: items.filter((i) => i.status === 'overdue').length,
      };
    });
  }

  /** One sheet: a row per meeting and invitee of the year (Beijing time), for the branch's records. */
  async exportYear(actor: Actor, year: number, nodeId?: string): Promise<{ fileName: string; bytes: Buffer }> {
    const scope = assertManager(actor, MEETING_MANAGERS);
    let branches = (await this.repo.partyNodesUnder(scope)).filter((n) => n.kind === 'branch');
    let orgPath = scope.length === 1 ? scope[0] : null;
    if (nodeId) {
      const node = await this.org.findNode(nodeId);
      if (!node) throw AppError.notFound();
      assertManages(actor, node.path, MEETING_MANAGERS);
      orgPath = node.path;
      branches = branches.filter((b) => b.path.startsWith(node.path) || node.path.startsWith(b.path));
    }
    const range = periodRange('year', new Date(Date.UTC(year, 6, 1)));
    const meetings = await this.repo.heldBetween(branches.map((b) => b.id), range.start, range.end);
    const invitees = await this.repo.inviteesOf(meetings.map((m) => m.id));
    const names = new Map((await this.repo.usersByIds([...new Set(invitees.map((i) => i.userId))])).map((u) => [u.id, u.name]));
    await this.audit.record(actor, { action: 'meeting.attendance.export', resourceId: nodeId ?? null, orgPath });
    const branchName = new Map(branches.map((b) => [b.id, b.name]));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet(`${year}年考勤`);
    sheet.columns = [
      { header: '党支部', key: 'branch', width: 22 },
      { header: '会议类型', key: 'type', width: 14 },
      { header: '会议名称', key: 'title', width: 30 },
      { header: '开始时间（北京时间）', key: 'startsAt', width: 20 },
      { header: '姓名', key: 'name', width: 12 },
      { header: '考勤', key: 'attendance', width: 10 },
      { header: '请假原因', key: 'leaveReason', width: 30 },
    ];
    const byMeeting = new Map<string, typeof invitees>();
    for (const i of invitees) byMeeting.set(i.meetingId, [...(byMeeting.get(i.meetingId) ?? []), i]);
    for (const m of meetings) {
      for (const i of byMeeting.get(m.id) ?? []) {
        sheet.addRow({
          branch: branchName.get(m.branchId) ?? '',
          type: MEETING_TYPE_LABELS[m.type as MeetingType] ?? m.type,
          title: m.title,
          startsAt: new Date(m.startsAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '),
          name: names.get(i.userId) ?? '',
          attendance: m.status === 'scheduled' && i.attendance === 'pending' ? '未结束' : ATTENDANCE_LABELS[i.attendance],
          leaveReason: i.leaveReason ?? '',
        });
      }
    }
    sheet.getRow(1).font = { bold: true };
    return { fileName: `attendance-${year}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
  }
}
