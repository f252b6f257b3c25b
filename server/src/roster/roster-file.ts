import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../common/app-error.js';
import { newSecret } from '../common/ids.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
/** Real .xlsx files inflate 5–20×; far beyond that (or past 400 MB) is a zip bomb, refused before parsing. */
const MAX_INFLATED = 400 * 1024 * 1024;
const MAX_RATIO = 200;

export type Cell = string | number | Date | null;
export interface FileInfo {
  format: 'xlsx' | 'csv';
  sheets: string[];
  encoding: 'utf8' | 'gbk' | null;
}

/** Streams an upload to disk, refusing it past 20 MB without ever holding it in memory. */
export async function receiveUpload(body: Readable, dir: string): Promise<{ storedName: string; bytes: number; sha256: string }> {
  const storedName = `${newSecret(18)}.upload`;
  const path = join(dir, storedName);
  const hash = createHash('sha256');
  let bytes = 0;
  const out = createWriteStream(path);
  let tooLarge = false;
  try {
    await new Promise<void>((resolve, reject) => {
      body.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the rest is read and dropped, so the client gets its 413 instead of a reset.
        if (tooLarge || bytes > MAX_FILE_BYTES) {
          tooLarge = true;
          return;
        }
        hash.update(chunk);
        if (!out.write(chunk)) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      });
      body.on('end', () => out.end(() => (tooLarge ? reject(new AppError('ROSTER_FILE_TOO_LARGE')) : resolve())));
      body.on('error', reject);
      out.on('error', reject);
    });
  } catch (e) {
    out.destroy();
    await rm(path, { force: true });
    throw e;
  }
  if (!bytes) {
    await rm(path, { force: true });
    throw new AppError('ROSTER_FILE_EMPTY');
  }
  return { storedName, bytes, sha256: hash.digest('hex') };
}

/** What the file is, by its bytes (never its name): a checked .xlsx with its sheet names, or CSV and its encoding. */
export async function inspectFile(path: string): Promise<FileInfo> {
  const fh = await open(path, 'r');
  try {
    const size = (await stat(path)).size;
    const head = Buffer.alloc(Math.min(size, 65536));
    await fh.read(head, 0, head.length, 0);
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { format: 'xlsx', sheets: await zipSheets(fh, size), encoding: null };
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw new AppError('ROSTER_FILE_OLD_XLS');
    if (head.includes(0)) throw new AppError('ROSTER_FILE_UNREADABLE');
    return { format: 'csv', sheets: ['CSV'], encoding: detectEncoding(head, size <= head.length) };
  } finally {
    await fh.close();
  }
}

/** UTF-8 (with or without BOM) if the bytes decode strictly as UTF-8, else GBK as Chinese Excel writes. */
export function detectEncoding(head: Buffer, whole: boolean): 'utf8' | 'gbk' {
  if (head.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) return 'utf8';
  try {
    // stream: a multi-byte character cut at the end of the sample waits for bytes that never come, instead of failing.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !whole });
    return 'utf8';
  } catch {
    return 'gbk';
  }
}

/** Reads the zip's central directory: refuses bombs and non-workbooks, returns the sheet names from xl/workbook.xml. */
async function zipSheets(fh: import('node:fs/promises').FileHandle, size: number): Promise<string[]> {
  const tailLen = Math.min(size, 65557);
  const tail = Buffer.alloc(tailLen);
  await fh.read(tail, 0, tailLen, size - tailLen);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new AppError('ROSTER_FILE_UNREADABLE');
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > size || cdSize > 5 * 1024 * 1024) throw new AppError('ROSTER_FILE_UNREADABLE');
  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  let inflated = 0;
  let workbook: { offset: number; compressed: number; method: number } | null = null;
  for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50; ) {
    const method = cd.readUInt16LE(p + 10);
    const compressed = cd.readUInt32LE(p + 20);
    const plain = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    if (plain === 0xffffffff || compressed === 0xffffffff) throw new AppError('ROSTER_FILE_BOMB');
    inflated += plain;
    if (inflated > MAX_INFLATED || (plain > 10 * 1024 * 1024 && plain > compressed * MAX_RATIO)) throw new AppError('ROSTER_FILE_BOMB');
    if (name === 'xl/workbook.xml') workbook = { offset: cd.readUInt32LE(p + 42), compressed, method };
    p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  if (!workbook || workbook.compressed > 5 * 1024 * 1024) throw new AppError('ROSTER_FILE_UNREADABLE');
  const local = Buffer.alloc(30);
  await fh.read(local, 0, 30, workbook.offset);
  const start = workbook.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const data = Buffer.alloc(workbook.compressed);
  await fh.read(data, 0, data.length, start);
  let xml: string;
  try {
    xml = (workbook.method === 0 ? data : inflateRawSync(data, { maxOutputLength: 20 * 1024 * 1024 })).toString('utf8');
  } catch {
    throw new AppError('ROSTER_FILE_UNREADABLE');
  }
  const names = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => xmlDecode(m[1]));
  if (!names.length) throw new AppError('ROSTER_FILE_UNREADABLE');
  return names;
}

const xmlDecode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** One cell as the rules want it: text, number, date, or null. Formulas give their cached result. */
function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  const o = v as { result?: unknown; formula?: string; richText?: { text: string }[]; text?: string; error?: string };
  if ('formula' in o || 'sharedFormula' in o) return o.result === undefined ? null : cellValue(o.result);
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (typeof o.text === 'string') return o.text;
  return null;
}

/** The rows of the chosen sheet, streamed: [row number, cells by column (0-based)]. */
export async function* readRows(path: string, info: FileInfo, sheet: string): AsyncGenerator<[number, Cell[]]> {
  if (info.format === 'csv') {
    yield* readCsv(path, info.encoding ?? 'utf8');
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', worksheets: 'emit', styles: 'cache', entries: 'emit' } as never);
  try {
    for await (const ws of reader as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }>) {
      const wanted = ws.name === sheet;
      for await (const row of ws) {
        if (!wanted) continue;
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
        yield [row.number, cells];
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('ROSTER_FILE_UNREADABLE');
  }
}

/** A small streaming CSV reader (RFC 4180 quotes, CRLF or LF) over GBK or UTF-8 bytes. */
async function* readCsv(path: string, encoding: 'utf8' | 'gbk'): AsyncGenerator<[number, Cell[]]> {
  const stream = createReadStream(path).pipe(iconv.decodeStream(encoding === 'gbk' ? 'gb18030' : 'utf8', { stripBOM: true }));
  let field = '';
  let row: Cell[] = [];
  let quoted = false;
  let afterQuote = false;
  let n = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    const out: [number, Cell[]][] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (quoted) {
        if (c === '"') {
          if (chunk[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else field += c;
      } else if (c === '"' && field === '' && !afterQuote) quoted = true;
      else if (c === ',') {
        row.push(field);
        field = '';
        afterQuote = false;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && chunk[i + 1] === '\n') i++;
        row.push(field);
        out.push([++n, row]);
        row = [];
        field = '';
        afterQuote = false;
      } else field += c;
    }
    yield* out;
  }
  if (field !== '' || row.length) {
    row.push(field);
    yield [++n, row];
  }
}

export async function removeUpload(dir: string, storedName: string): Promise<void> {
  if (/^[A-Za-z0-9_-]{24}\.upload$/.test(storedName)) await rm(join(dir, storedName), { force: true });
}
