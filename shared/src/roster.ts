/**
 * Roster import (issue #17): pure rules for turning what a spreadsheet cell holds into the ledger's
 * values. Both ends use them: the server when it reads a file, the page when it shows a guess.
 */
import { ASSIGNABLE_TAGS, type AssignableTag } from './care-cadence.js';
import { parseIdNumber } from './id-number.js';

/** Fields a roster column can map to. `ignore` drops the column. */
export const ROSTER_FIELDS = ['name', 'idNumber', 'gender', 'birthDate', 'phone', 'address', 'building', 'unit', 'room', 'relation', 'category', 'notes', 'ignore'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  name: '姓名', idNumber: '身份证号', gender: '性别', birthDate: '出生日期', phone: '联系电话', address: '住址', building: '楼栋', unit: '单元',
  room: '门牌号', relation: '与户主关系', category: '人员类别', notes: '备注', ignore: '不导入',
};

/** Common Chinese headers and the field each usually means (exact after removing spaces and punctuation). */
const HEADER_WORDS: [RegExp, RosterField][] = [
  [/^(姓名|名字|居民姓名|人员姓名|户主姓名|党员姓名)$/, 'name'],
  [/^(身份证号|身份证号码|公民身份号码|身份证|证件号码|证件号)$/, 'idNumber'],
  [/^性别$/, 'gender'],
  [/^(出生日期|出生年月|出生年月日|生日)$/, 'birthDate'],
  [/^(联系电话|电话|手机|手机号|手机号码|联系方式|电话号码)$/, 'phone'],
  [/^(住址|现住址|居住地址|家庭住址|地址|现居住地址|户籍地址)$/, 'address'],
  [/^(楼栋|楼号|栋|楼)$/, 'building'],
  [/^单元$/, 'unit'],
  [/^(门牌号|房号|室|门牌|房间号)$/, 'room'],
  [/^(与户主关系|户主关系|关系)$/, 'relation'],
  [/^(人员类别|类别|人员类型|身份类别|救助类别)$/, 'category'],
  [/^(备注|说明)$/, 'notes'],
];

export function cleanHeader(h: string): string {
  return normalizeWidth(h).replace(/[\s:：*（）()]/g, '');
}

/** The field a header most likely means, or null. */
export function guessField(header: string): RosterField | null {
  const h = cleanHeader(header);
  for (const [re, f] of HEADER_WORDS) if (re.test(h)) return f;
  return null;
}

/** A whole mapping guessed from a header row; each field taken by its first column only. */
export function guessMapping(headers: string[]): Record<string, RosterField> {
  const out: Record<string, RosterField> = {};
  const taken = new Set<RosterField>();
  for (const h of headers) {
    const f = guessField(h);
    if (!h.trim()) continue;
    out[h] = f && !taken.has(f) ? f : 'ignore';
    if (f) taken.add(f);
  }
  return out;
}

/** Full-width ASCII (Chinese input methods) to half-width, ideographic space to a space. */
export function normalizeWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** How two spellings of a name are compared: widths, spaces and the dots of minority names unified, 〇 as 零. */
export function normalizeName(s: string): string {
  return normalizeWidth(s).replace(/[\s·•．.]/g, '').replace(/〇/g, '零').toUpperCase();
}

/** 138-0013-8000, +86 138 0013 8000, (010)12345678 → digits; null when it is not a phone number. */
export function normalizePhone(raw: string): string | null {
  let d = normalizeWidth(raw).replace(/[\s\-()（）+]/g, '');
  if (/^861\d{10}$/.test(d)) d = d.slice(2);
  if (/^1\d{10}$/.test(d)) return d;
  if (/^0\d{9,11}$/.test(d)) return d;
  return null;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** 'YYYY-MM-DD' from an Excel serial day number (1900 date system, as Chinese Excel writes it). */
export function excelSerialToDay(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80000) return null;
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function day(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A birth date as written in rosters: 1958-03-05, 1958/3/5, 1958.3.5, 1958年3月5日, 19580305, or a serial number. */
export function parseRosterDate(raw: string | number | Date): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') return excelSerialToDay(raw);
  const s = normalizeWidth(raw).trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{4,5}(\.0+)?$/.test(s)) return excelSerialToDay(Number(s));
  return null;
}

export type IdCellResult = { ok: true; value: string; birthDate: string; gender: 'male' | 'female' } | { ok: false; code: 'numeric_lost' | 'invalid'; reason: string };

/**
 * An ID number cell. Excel keeps numbers to 15 significant digits: an 18-digit number stored as a
 * number (or shown as 1.10105E+17) has lost its last digits and cannot be trusted, so it is refused
 * with advice; a 15-digit old number survives as a number and is widened to 18.
 */
export function parseIdCell(raw: string | number): IdCellResult {
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw) && String(raw).length === 15) raw = String(raw);
    else return { ok: false, code: 'numeric_lost', reason: '身份证号被Excel存成了数字，后几位已丢失；请把该列设为“文本”后重新导出' };
  }
  const s = normalizeWidth(raw).trim();
  if (/^\d(\.\d+)?E\+?\d+$/i.test(s)) return { ok: false, code: 'numeric_lost', reason: '身份证号被Excel存成了科学计数法，后几位已丢失；请把该列设为“文本”后重新导出' };
  const r = parseIdNumber(s.replace(/^'/, ''));
  return r.ok ? r : { ok: false, code: 'invalid', reason: r.reason };
}

export function parseGender(raw: string): 'male' | 'female' | null {
  const s = normalizeWidth(raw).trim();
  if (/^(男|M|男性)$/i.test(s)) return 'male';
  if (/^(女|F|女性)$/i.test(s)) return 'female';
  return null;
}

/** 与户主关系 in the ledger's closed set. */
export function parseRelation(raw: string): 'head' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other' {
  const s = raw.trim();
  if (/^(户主|本人)$/.test(s)) return 'head';
  if (/^(配偶|妻|夫|妻子|丈夫)$/.test(s)) return 'spouse';
  if (/^(子|女|儿子|女儿|长子|长女|次子|次女|子女|孙子|孙女)$/.test(s)) return 'child';
  if (/^(父|母|父亲|母亲|父母|岳父|岳母|公公|婆婆)$/.test(s)) return 'parent';
  if (/^(租户|租客|承租人)$/.test(s)) return 'tenant';
  return 'other';
}

const CATEGORY_TAGS: [RegExp, AssignableTag][] = [
  [/低保/, 'dibao'], [/特困|五保/, 'tekun'], [/残疾/, 'disabled'], [/退役军人|复员|转业/, 'veteran'], [/独居/, 'elder_alone'], [/空巢/, 'empty_nest'],
  [/流动/, 'migrant'], [/留守儿童/, 'left_behind_child'], [/重点/, 'watch'],
];

/** Tags an 人员类别 cell implies (several may be listed: 低保、残疾). */
export function categoryTags(raw: string): AssignableTag[] {
  const tags = CATEGORY_TAGS.filter(([re]) => re.test(raw)).map(([, t]) => t);
  return [...new Set(tags)].filter((t) => (ASSIGNABLE_TAGS as readonly string[]).includes(t));
}

/** 3号楼2单元301室 / 3栋2单元301 → parts; null when the text names no building. */
export function parseAddress(raw: string): { building: string; unit: string; room: string } | null {
  const s = normalizeWidth(raw).replace(/\s/g, '');
  const m = /(\d+)(?:号楼|栋|幢|号)(?:(\d+)单元)?(\d+)(?:室|号)?$/.exec(s);
  return m ? { building: `${m[1]}号楼`, unit: m[2] ?? '', room: m[3] } : null;
}

/** 3 / 3号楼 / 3栋 / ３号楼 → '3号楼', the demo tree's building names. */
export function normalizeBuilding(raw: string): string {
  const s = normalizeWidth(raw).replace(/\s/g, '');
  const m = /^(\d+)(号楼|栋|幢|号)?$/.exec(s);
  return m ? `${m[1]}号楼` : s;
}

/**
 * A cell that a spreadsheet would run as a formula (= + - @, or a tab / carriage return in front) gets
 * a leading apostrophe: exported lists never execute what someone typed into a form (CSV/formula injection).
 */
export function neutralizeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

