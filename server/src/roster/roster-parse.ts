import {
  categoryTags,
  cleanHeader,
  guessField,
  normalizeBuilding,
  normalizeName,
  normalizePhone,
  normalizeWidth,
  parseAddress,
  parseGender,
  parseIdCell,
  parseRelation,
  parseRosterDate,
  type AssignableTag,
  type HouseholdRelation,
  type ResidenceType,
  type RosterField,
  type RosterFinding,
} from '@honglin/shared';
import type { Cell } from './roster-file.js';

/** One spreadsheet line in the ledger's terms. Kept encrypted in the staging row. */
export interface RosterRecord {
  name: string;
  nameKey: string;
  idNumber: string | null;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  phone: string | null;
  building: string | null;
  unit: string;
  room: string | null;
  address: string | null;
  relation: HouseholdRelation;
  residence: ResidenceType;
  tags: AssignableTag[];
  notes: string | null;
}

export interface ParsedRow {
  rowNo: number;
  record: RosterRecord;
  /** Problems that stop the row (flag) and ones that only drop a value. */
  errors: RosterFinding[];
  warnings: RosterFinding[];
}

const text = (c: Cell): string => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();

/**
 * The header row: among the first 10, the first naming at least two known columns (a merged title
 * row above it names none). Returns its index and the headers; null when there is none.
 */
export function findHeader(rows: Cell[][], mapping: Record<string, RosterField>): { index: number; headers: string[] } | null {
  const known = new Set(Object.keys(mapping).map(cleanHeader));
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const headers = rows[i].map(text);
    const hits = headers.filter((h) => h && (known.has(cleanHeader(h)) || guessField(h))).length;
    if (hits >= 2) return { index: i, headers };
  }
  return null;
}

/** Column index per field: the source's remembered mapping first, then the guess from the header. */
export function columnsOf(headers: string[], mapping: Record<string, RosterField>): Partial<Record<RosterField, number>> {
  const byClean = new Map(Object.entries(mapping).map(([h, f]) => [cleanHeader(h), f]));
  const cols: Partial<Record<RosterField, number>> = {};
  headers.forEach((h, i) => {
    if (!h) return;
    const f = byClean.get(cleanHeader(h)) ?? guessField(h);
    if (f && f !== 'ignore' && cols[f] === undefined) cols[f] = i;
  });
  return cols;
}

const finding = (code: string, message: string): RosterFinding => ({ code, message });

/** One data row → record and findings. */
export function parseRow(rowNo: number, cells: Cell[], cols: Partial<Record<RosterField, number>>): ParsedRow {
  const at = (f: RosterField): Cell => (cols[f] === undefined ? null : (cells[cols[f]!] ?? null));
  const errors: RosterFinding[] = [];
  const warnings: RosterFinding[] = [];
  const name = normalizeWidth(text(at('name'))).replace(/\s+/g, '');
  if (!name) errors.push(finding('name_missing', '缺少姓名'));

  let idNumber: string | null = null;
  let birthDate: string | null = null;
  let gender: 'male' | 'female' | null = null;
  const idCell = at('idNumber');
  if (idCell !== null && text(idCell) !== '') {
    const r = parseIdCell(idCell instanceof Date ? text(idCell) : idCell);
    if (r.ok) ({ value: idNumber, birthDate, gender } = r);
    else errors.push(finding(r.code === 'numeric_lost' ? 'id_numeric' : 'id_invalid', r.reason));
  }
  const birthCell = at('birthDate');
  if (birthCell !== null && text(birthCell) !== '') {
    const d = parseRosterDate(birthCell);
    if (!d) warnings.push(finding('birth_invalid', `出生日期“${text(birthCell)}”看不懂，请写成1958-03-05`));
    else if (birthDate && d !== birthDate) warnings.push(finding('birth_mismatch', `出生日期${d}与身份证号中的${birthDate}不一致，以身份证号为准`));
    else birthDate = d;
  }
  const g = text(at('gender'));
  if (!gender && g) gender = parseGender(g);

  let phone: string | null = null;
  const p = text(at('phone'));
  if (p) {
    phone = normalizePhone(p);
    if (!phone) warnings.push(finding('phone_invalid', `电话“${p}”不是有效的手机号或座机号，未导入`));
  }

  let building = text(at('building')) ? normalizeBuilding(text(at('building'))) : null;
  let unit = normalizeWidth(text(at('unit'))).replace(/单元$/, '');
  let room = normalizeWidth(text(at('room'))).replace(/[室号]$/, '') || null;
  const address = text(at('address')) || null;
  if ((!building || !room) && address) {
    const a = parseAddress(address);
    if (a) ({ building, unit, room } = { building: building ?? a.building, unit: unit || a.unit, room: room ?? a.room });
  }
  const category = text(at('category'));
  const residence: ResidenceType = /流动/.test(category) ? 'floating' : /常住/.test(category) ? 'resident' : 'registered';
  const record: RosterRecord = {
    name,
    nameKey: normalizeName(name),
    idNumber,
    birthDate,
    gender,
    phone,
    building,
    unit,
    room,
    address: building && room ? `${building}${unit ? `${unit}单元` : ''}${room}室` : address,
    relation: parseRelation(text(at('relation'))),
    residence,
    tags: categoryTags(category),
    notes: text(at('notes')).slice(0, 200) || null,
  };
  if (!idNumber && !errors.length && !(birthDate && phone) && !(building && room)) {
    errors.push(finding('identity_thin', '没有身份证号时，需要“出生日期+电话”或“楼栋+门牌号”才能确定是谁'));
  }
  return { rowNo, record, errors, warnings };
}

export const isEmptyRow = (cells: Cell[]): boolean => cells.every((c) => c === null || text(c) === '');
