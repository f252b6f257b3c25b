import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { excelSerialToDay } from '@honglin/shared';
import { AppError } from '../common/app-error.js';

/**
 * A small streaming .xlsx reader: one sheet's rows without the workbook in memory. exceljs 4.4's
 * streaming reader decodes each zip chunk on its own and garbles a Chinese character cut at a chunk
 * boundary (许玉伟 → 许玉��), which would turn a name into a conflict; this one decodes with a
 * StringDecoder, counts inflated bytes against the zip-bomb limit as it goes, and reads only what a
 * roster needs (shared strings, date styles, cell values; formulas give their cached result).
 */
export interface ZipEntry {
  offset: number;
  compressed: number;
  plain: number;
  method: number;
}
export type XCell = string | number | Date | null;

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
export const xmlDecode = (s: string): string =>
  s.indexOf('&') < 0 ? s : s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITY[e] ?? m)));

type Handler = { open(name: string, attrs: Record<string, string>, selfClosing: boolean): void; text(t: string): void; close(name: string): void };

/** Streams an entry's XML through `h`, yielding after each inflated chunk so a caller can hand out what was read. */
export async function* scanEntry(path: string, dataStart: number, e: ZipEntry, h: Handler, budget: { left: number }): AsyncGenerator<void> {
  const raw = createReadStream(path, { start: dataStart, end: dataStart + Math.max(0, e.compressed - 1) });
  const stream = e.method === 0 ? raw : raw.pipe(createInflateRaw());
  const decoder = new StringDecoder('utf8');
  let buf = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.left -= chunk.length;
      if (budget.left < 0) throw new AppError('ROSTER_FILE_BOMB');
      buf += decoder.write(chunk);
      buf = feed(buf, h);
      yield;
    }
  } catch (err) {
    raw.destroy();
    if (err instanceof AppError) throw err;
    throw new AppError('ROSTER_FILE_UNREADABLE');
  }
  feed(buf + decoder.end(), h);
}

/** Emits every complete tag and text run of `buf`; returns the unfinished tail. */
function feed(buf: string, h: Handler): string {
  let i = 0;
  for (;;) {
    const lt = buf.indexOf('<', i);
    if (lt < 0) {
      if (i < buf.length) h.text(xmlDecode(buf.slice(i)));
      return '';
    }
    if (lt > i) h.text(xmlDecode(buf.slice(i, lt)));
    const gt = buf.indexOf('>', lt);
    if (gt < 0) return buf.slice(lt);
    const tag = buf.slice(lt + 1, gt);
    i = gt + 1;
    if (tag[0] === '?' || tag[0] === '!') continue;
    if (tag[0] === '/') {
      h.close(localName(tag.slice(1).trim()));
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const sp = body.search(/\s/);
    const name = localName(sp < 0 ? body : body.slice(0, sp));
    const attrs: Record<string, string> = {};
    if (sp >= 0) for (const m of body.slice(sp).matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[localName(m[1])] = xmlDecode(m[2]);
    h.open(name, attrs, selfClosing);
    if (selfClosing) h.close(name);
  }
}
const localName = (n: string) => n.slice(n.indexOf(':') + 1);

/** 'AB12' → 27 (0-based column of a cell reference). */
export function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** Style indices (cellXfs order) whose number format is a date. */
export function dateStyleHandler(out: Set<number>): Handler {
  const custom = new Map<number, string>();
  let inXfs = false;
  let index = 0;
  return {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      if (name === 'cellXfs') inXfs = true;
      if (name === 'xf' && inXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = (custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
        if (BUILTIN_DATES.has(id) || /[yd]/i.test(code)) out.add(index);
        index++;
      }
    },
    text() {},
    close(name) {
      if (name === 'cellXfs') inXfs = false;
    },
  };
}

/** The shared strings: each <si>'s text runs, without phonetic guides (<rPh>). */
export function sharedStringsHandler(out: string[]): Handler {
  let cur: string | null = null;
  let inT = false;
  let inPh = 0;
  return {
    open(name) {
      if (name === 'si') cur = '';
      else if (name === 'rPh') inPh++;
      else if (name === 't' && !inPh) inT = true;
    },
    text(t) {
      if (inT && cur !== null) cur += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPh--;
      else if (name === 'si') {
        out.push(cur ?? '');
        cur = null;
      }
    },
  };
}

/** Rows of a worksheet: pushes [row number, cells] to `rows` as each </row> closes. */
export function sheetHandler(strings: string[], dates: Set<number>, rows: [number, XCell[]][]): Handler {
  let row: XCell[] | null = null;
  let rowNo = 0;
  let cell: { col: number; t: string; s: number } | null = null;
  let text: string | null = null;
  let capture = false;
  return {
    open(name, a) {
      if (name === 'row') {
        rowNo = a.r ? Number(a.r) : rowNo + 1;
        row = [];
      } else if (name === 'c' && row) {
        cell = { col: a.r ? columnOf(a.r) : row.length, t: a.t ?? 'n', s: Number(a.s ?? 0) };
        text = null;
      } else if ((name === 'v' || name === 't') && cell) {
        capture = true;
        text ??= '';
      }
    },
    text(t) {
      if (capture) text += t;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'c' && row && cell) {
        if (cell.col >= 0 && cell.col < 200) row[cell.col] = value(cell, text, strings, dates);
        cell = null;
      } else if (name === 'row' && row) {
        for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
        rows.push([rowNo, row]);
        row = null;
      }
    },
  };
}

function value(c: { t: string; s: number }, v: string | null, strings: string[], dates: Set<number>): XCell {
  if (v === null) return null;
  switch (c.t) {
    case 's':
      return strings[Number(v)] ?? null;
    case 'str':
    case 'inlineStr':
      return v;
    case 'b':
      return v === '1' ? '是' : '否';
    case 'e':
      return null;
    default: {
      const n = Number(v);
      if (!Number.isFinite(n)) return v;
      if (dates.has(c.s)) {
        const day = excelSerialToDay(n);
        return day ? new Date(`${day}T00:00:00Z`) : n;
      }
      return n;
    }
  }
}
