import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { TestApp } from '../../support/test-app.js';
import type { Auth } from '../households/helpers.js';
import { FieldCrypto } from '../../../src/common/field-crypto.js';

export type CellIn = string | number | Date | { formula: string; result: string } | null;

/** An .xlsx with a merged title row above the header (as offices send them), a second sheet, and rows. */
export async function xlsx(headers: string[], rows: CellIn[][], sheet = '名单'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表为示例']);
  const ws = wb.addWorksheet(sheet);
  ws.addRow(['幸福社区名单（2026年12月）']);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r as never[]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csv(rows: string[][], encoding: 'gbk' | 'utf8' | 'utf8bom'): Buffer {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.concat([encoding === 'utf8bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** A zip whose directory promises 2 GB from a few bytes, and one that holds no workbook. */
export function zip(entries: { name: string; data: Buffer; claimedSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const comp = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.claimedSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export function upload(t: TestApp, who: Auth, sourceId: string, fileName: string, bytes: Buffer) {
  return t.http.post(`/api/org/roster/imports?sourceId=${sourceId}&fileName=${encodeURIComponent(fileName)}`).set('Authorization', who.token).set('Content-Type', 'application/octet-stream').send(bytes);
}

/** Polls the commit job until it leaves 'committing'. */
export async function committed(t: TestApp, who: Auth, importId: string): Promise<{ status: string; rowsDone: number; rowsTotal: number; counts: Record<string, number>; error: string | null }> {
  for (let i = 0; i < 200; i++) {
    const r = (await t.http.get(`/api/org/roster/imports/${importId}`).set('Authorization', who.token)).body;
    if (r.status !== 'committing') return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('commit did not finish');
}

/** Existing demo residents of 周敏's grids with their (decrypted) ID numbers and dwellings. */
export async function residents(t: TestApp): Promise<{ userId: string; name: string; idNumber: string; birthDate: string; building: string; unit: string; room: string }[]> {
  const rows = (await t.dataSource.query(
    `SELECT u.id AS userId, u.name AS name, p.idNumberCipher AS c, p.birthDate AS birthDate, b.name AS building, h.unit AS unit, h.room AS room
     FROM person_profiles p INNER JOIN users u ON u.id = p.userId INNER JOIN household_members m ON m.activeUserId = u.id
     INNER JOIN households h ON h.id = m.householdId INNER JOIN org_nodes b ON b.id = h.buildingId WHERE p.idNumberCipher IS NOT NULL AND u.phoneCipher IS NULL ORDER BY b.name, h.room, u.name`,
  )) as { userId: string; name: string; c: string; birthDate: string; building: string; unit: string; room: string }[];
  const crypto = t.app.get(FieldCrypto);
  return rows.map(({ c, ...r }) => ({ ...r, idNumber: crypto.decrypt(c) }));
}
