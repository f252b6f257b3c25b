import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { AppError } from '../common/app-error.js';
import { newSecret } from '../common/ids.js';
import { dateStyleHandler, scanEntry, sharedStringsHandler, sheetHandler, xmlDecode, type ZipEntry } from './xlsx-reader.js';

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
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { format: 'xlsx', sheets: (await sheetParts(path, await zipDirectory(path))).map((s) => s.name), encoding: null };
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

/** The zip's central directory, refusing bombs (declared sizes far beyond the file) before anything is inflated. */
async function zipDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const fh = await open(path, 'r');
  try {
    const size = (await stat(path)).size;
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
    const out = new Map<string, ZipEntry>();
    let inflated = 0;
    for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50; ) {
      const e: ZipEntry = { method: cd.readUInt16LE(p + 10), compressed: cd.readUInt32LE(p + 20), plain: cd.readUInt32LE(p + 24), offset: cd.readUInt32LE(p + 42) };
      const nameLen = cd.readUInt16LE(p + 28);
      if (e.plain === 0xffffffff || e.compressed === 0xffffffff) throw new AppError('ROSTER_FILE_BOMB');
      inflated += e.plain;
      if (inflated > MAX_INFLATED || (e.plain > 10 * 1024 * 1024 && e.plain > e.compressed * MAX_RATIO)) throw new AppError('ROSTER_FILE_BOMB');
      out.set(cd.toString('utf8', p + 46, p + 46 + nameLen), e);
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    if (!out.has('xl/workbook.xml')) throw new AppError('ROSTER_FILE_UNREADABLE');
    for (const e of out.values()) {
      const local = Buffer.alloc(30);
      await fh.read(local, 0, 30, e.offset);
      if (local.readUInt32LE(0) !== 0x04034b50) throw new AppError('ROSTER_FILE_UNREADABLE');
      e.offset += 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** A small part (workbook.xml, its rels) as text. */
async function entryText(path: string, e: ZipEntry | undefined): Promise<string | null> {
  if (!e) return null;
  if (e.compressed > 5 * 1024 * 1024) throw new AppError('ROSTER_FILE_BOMB');
  const fh = await open(path, 'r');
  try {
    const data = Buffer.alloc(e.compressed);
    await fh.read(data, 0, data.length, e.offset);
    return (e.method === 0 ? data : inflateRawSync(data, { maxOutputLength: 20 * 1024 * 1024 })).toString('utf8');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('ROSTER_FILE_UNREADABLE');
  } finally {
    await fh.close();
  }
}

/** Sheet names in workbook order, each with the part that holds it. */
async function sheetParts(path: string, entries: Map<string, ZipEntry>): Promise<{ name: string; part: string }[]> {
  const wb = (await entryText(path, entries.get('xl/workbook.xml'))) ?? '';
  const rels = (await entryText(path, entries.get('xl/_rels/workbook.xml.rels'))) ?? '';
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/\bId="([^"]*)"/.exec(m[0])?.[1], /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? '']));
  const sheets = [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const name = xmlDecode(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const target = targets.get(/\br:id="([^"]*)"/.exec(m[0])?.[1]) ?? '';
    return { name, part: target.startsWith('/') ? target.slice(1) : `xl/${target}` };
  });
  if (!sheets.length) throw new AppError('ROSTER_FILE_UNREADABLE');
  return sheets;
}

/** The rows of the chosen sheet, streamed: [row number, cells by column (0-based)]. */
export async function* readRows(path: string, info: FileInfo, sheet: string): AsyncGenerator<[number, Cell[]]> {
  if (info.format === 'csv') {
    yield* readCsv(path, info.encoding ?? 'utf8');
    return;
  }
  const entries = await zipDirectory(path);
  const part = (await sheetParts(path, entries)).find((s) => s.name === sheet)?.part;
  const entry = part ? entries.get(part) : undefined;
  if (!entry) throw new AppError('ROSTER_SHEET_UNKNOWN');
  const budget = { left: MAX_INFLATED };
  const strings: string[] = [];
  const dates = new Set<number>();
  const ss = entries.get('xl/sharedStrings.xml');
  if (ss) for await (const _ of scanEntry(path, ss.offset, ss, sharedStringsHandler(strings), budget));
  const st = entries.get('xl/styles.xml');
  if (st) for await (const _ of scanEntry(path, st.offset, st, dateStyleHandler(dates), budget));
  const rows: [number, Cell[]][] = [];
  for await (const _ of scanEntry(path, entry.offset, entry, sheetHandler(strings, dates, rows), budget)) {
    yield* rows;
    rows.length = 0;
  }
  yield* rows;
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
