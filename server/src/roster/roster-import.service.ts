import { Inject, Injectable, Logger } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type RosterCounts, type RosterField, type RosterFinding, type RosterImportView, type RosterPreviewRequest, type RosterUploadQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { inspectFile, MAX_ROWS, readRows, receiveUpload, removeUpload, type Cell, type FileInfo } from './roster-file.js';
import { columnsOf, findHeader, isEmptyRow, parseRow, type ParsedRow } from './roster-parse.js';
import { RosterRun } from './roster-run.js';
import { RosterSources } from './roster-sources.service.js';
import type { RosterImport, RosterRow } from './roster.entities.js';
import { RosterRepository } from './roster.repository.js';

const ZERO: RosterCounts = { create: 0, merge: 0, queue: 0, flag: 0, unchanged: 0 };

/** Upload → preview (dry run) → commit (a job, all or nothing) → perhaps rollback. */
@Injectable()
export class RosterImportService {
  private readonly log = new Logger('RosterImport');
  readonly dir: string;

  constructor(
    private readonly repo: RosterRepository,
    private readonly sources: RosterSources,
    private readonly run: RosterRun,
    private readonly crypto: FieldCrypto,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dir = join(config.uploadDir, 'rosters');
  }

  async upload(actor: Actor, q: RosterUploadQuery, body: Readable): Promise<RosterImportView> {
    const source = await this.sources.inScope(actor, q.sourceId);
    await mkdir(this.dir, { recursive: true });
    const file = await receiveUpload(body, this.dir);
    let info: FileInfo;
    try {
      info = await inspectFile(join(this.dir, file.storedName));
    } catch (e) {
      await removeUpload(this.dir, file.storedName);
      throw e;
    }
    const row: RosterImport = {
      id: newId(), sourceId: source.id, path: source.path, fileName: q.fileName, storedName: file.storedName, format: info.format, sheets: info.sheets, sheet: null, headers: [], mapping: {},
      status: 'uploaded', rowsTotal: 0, rowsDone: 0, counts: { ...ZERO }, fileFindings: info.encoding === 'gbk' ? [{ code: 'gbk', message: '文件是GBK编码（中文Excel导出的CSV），已自动转换' }] : [], error: null,
      createdBy: actor.userId, createdAt: clock.now(), committedAt: null, rolledBackAt: null,
    };
    await this.tx.run((em) => this.repo.insertImport(em, row));
    return this.view(row, source.name);
  }

  /** The dry run: reads the chosen sheet, remembers the mapping on the source, stages every row with its findings and what a commit would do. */
  async preview(actor: Actor, id: string, dto: RosterPreviewRequest): Promise<RosterImportView> {
    const { imp, source } = await this.inScope(actor, id);
    // A failed commit wrote nothing: preview again (the database may have moved) and retry.
    if (!['uploaded', 'previewed', 'failed'].includes(imp.status)) throw new AppError('ROSTER_IMPORT_STATE');
    const sheet = dto.sheet ?? imp.sheets[0];
    if (!imp.sheets.includes(sheet)) throw new AppError('ROSTER_SHEET_UNKNOWN');
    const mapping = { ...source.mapping, ...(dto.mapping ?? {}) };
    const parsed = await this.parse(imp, sheet, mapping);
    const rows: RosterRow[] = [];
    const seen = new Map<string, number>();
    for (const p of parsed.rows) {
      const key = this.recordKey(p);
      const dup = seen.get(key);
      if (dup !== undefined && !p.errors.length) p.errors.push({ code: 'duplicate_in_file', message: `与第${dup}行是同一人（重复行），本行不导入` });
      else seen.set(key, p.rowNo);
      rows.push({ id: newId(), importId: imp.id, rowNo: p.rowNo, recordKey: key, idHash: p.record.idNumber ? this.crypto.hash(p.record.idNumber) : null, recordCipher: this.crypto.encrypt(JSON.stringify(p.record)), findings: [...p.errors, ...p.warnings], outcome: p.errors.length ? 'flag' : 'unchanged', userId: null, effects: null });
    }
    const counts = await this.run.dryRun(actor, imp, source, rows, parsed.records);
    const patch: Partial<RosterImport> = { status: 'previewed', sheet, headers: parsed.headers, mapping: parsed.mapping, rowsTotal: rows.length, rowsDone: 0, counts, fileFindings: [...imp.fileFindings.filter((f) => f.code === 'gbk'), ...parsed.findings] };
    await this.tx.run(async (em) => {
      await this.repo.deleteRows(em, imp.id);
      await this.repo.insertRows(em, rows);
      await this.repo.updateImport(em, imp.id, patch);
      await this.repo.saveSource(em, { ...source, mapping: { ...source.mapping, ...parsed.mapping } }, true);
    });
    return this.view({ ...imp, ...patch }, source.name);
  }

  /** Starts the commit job; the page polls the import for its progress. */
  async commit(actor: Actor, id: string, wait = false): Promise<RosterImportView> {
    const { imp, source } = await this.inScope(actor, id);
    await this.tx.run(async (em) => {
      if (!(await this.repo.claim(em, imp.id, ['previewed'], 'committing'))) throw new AppError('ROSTER_IMPORT_STATE');
      await this.repo.updateImport(em, imp.id, { rowsDone: 0, error: null });
    });
    // Once committed the file is no longer needed (the staging rows hold its lines, encrypted): a roster
    // full of ID numbers does not stay on disk in the clear.
    const job = this.run.commit(actor, { ...imp, status: 'committing' }, source).then(() => removeUpload(this.dir, imp.storedName)).catch(async (e: unknown) => {
      this.log.error(`import ${imp.id} failed: ${(e as Error).stack ?? e}`);
      await this.tx.run((em) => this.repo.updateImport(em, imp.id, { status: 'failed', rowsDone: 0, error: e instanceof AppError ? e.message : '导入失败，没有写入任何数据，请稍后重试' }));
    });
    if (wait) await job;
    return this.get(actor, id);
  }

  rollback(actor: Actor, id: string): Promise<RosterImportView> {
    return this.inScope(actor, id).then(async ({ imp }) => {
      await this.run.rollback(actor, imp);
      return this.get(actor, id);
    });
  }

  async get(actor: Actor, id: string): Promise<RosterImportView> {
    const { imp, source } = await this.inScope(actor, id);
    return this.view(imp, source.name);
  }

  async list(actor: Actor, sourceId: string): Promise<RosterImportView[]> {
    const source = await this.sources.inScope(actor, sourceId);
    return (await this.repo.imports([source.id])).map((i) => this.view(i, source.name));
  }

  async inScope(actor: Actor, id: string) {
    const imp = await this.repo.import(id);
    if (!imp) throw AppError.notFound();
    const source = await this.sources.inScope(actor, imp.sourceId);
    return { imp, source };
  }

  /** ID number's keyed hash, else name + birth date + phone, else name + dwelling: what identifies the record. */
  recordKey(p: ParsedRow): string {
    const r = p.record;
    if (r.idNumber) return this.crypto.hash(r.idNumber);
    if (r.birthDate && r.phone) return this.crypto.hash(`n|${r.nameKey}|${r.birthDate}|${r.phone}`);
    if (r.building && r.room) return this.crypto.hash(`a|${r.nameKey}|${r.building}|${r.unit}|${r.room}`);
    return this.crypto.hash(`x|${r.nameKey}|${p.rowNo}`);
  }

  private async parse(imp: RosterImport, sheet: string, mapping: Record<string, RosterField>) {
    const head: [number, Cell[]][] = [];
    const rows: ParsedRow[] = [];
    const findings: RosterFinding[] = [];
    let header: { index: number; headers: string[] } | null = null;
    let cols: ReturnType<typeof columnsOf> = {};
    let empty = 0;
    for await (const [rowNo, cells] of readRows(join(this.dir, imp.storedName), { format: imp.format, sheets: imp.sheets, encoding: imp.fileFindings.some((f) => f.code === 'gbk') ? 'gbk' : 'utf8' }, sheet)) {
      if (!header) {
        head.push([rowNo, cells]);
        header = findHeader(head.map(([, c]) => c), mapping);
        if (header) {
          cols = columnsOf(header.headers, mapping);
          if (cols.name === undefined || [cols.idNumber, cols.birthDate, cols.phone, cols.address, cols.room].every((c) => c === undefined)) throw new AppError('ROSTER_MAPPING_INCOMPLETE');
        } else if (head.length >= 10) throw new AppError('ROSTER_NO_HEADER');
        continue;
      }
      if (isEmptyRow(cells)) {
        empty++;
        continue;
      }
      if (rows.length >= MAX_ROWS) throw new AppError('ROSTER_TOO_MANY_ROWS');
      rows.push(parseRow(rowNo, cells, cols));
    }
    if (!header) throw new AppError('ROSTER_NO_HEADER');
    if (empty) findings.push({ code: 'empty_rows', message: `跳过了${empty}个空行` });
    const effective: Record<string, RosterField> = {};
    header.headers.forEach((h, i) => {
      if (h) effective[h] = (Object.entries(cols).find(([, c]) => c === i)?.[0] as RosterField) ?? 'ignore';
    });
    return { rows, headers: header.headers.filter(Boolean), mapping: effective, findings, records: new Map(rows.map((r) => [r.rowNo, r.record])) };
  }

  view(i: RosterImport, sourceName: string): RosterImportView {
    return {
      id: i.id, source: { id: i.sourceId, name: sourceName }, fileName: i.fileName, format: i.format, status: i.status, sheets: i.sheets, sheet: i.sheet, headers: i.headers, mapping: i.mapping,
      rowsTotal: i.rowsTotal, rowsDone: i.rowsDone, counts: i.counts, fileFindings: i.fileFindings, error: i.error, createdAt: i.createdAt.toISOString(),
      committedAt: i.committedAt?.toISOString() ?? null, rolledBackAt: i.rolledBackAt?.toISOString() ?? null,
    };
  }
}
