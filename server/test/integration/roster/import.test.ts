import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { RosterImportService } from '../../../src/roster/roster-import.service.js';
import { RiskEngine } from '../../../src/households/risk-engine.js';
import { RosterExport } from '../../../src/roster/roster-export.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, idNumberFor, type Auth } from '../households/helpers.js';
import { committed, csv, residents, upload, xlsx, type CellIn } from './roster-files.js';

const DAY = 86_400_000;
const HEADERS = ['序号', '姓名', '身份证号', '出生日期', '联系电话', '楼栋', '单元', '门牌号', '与户主关系', '人员类别'];

describe.each(databases())('roster import, matching and verification on %s', (db) => {
  let t: TestApp;
  let worker: Auth;
  let stranger: Auth;
  let sourceId: string;
  let firstImport: string;
  let existing: Awaited<ReturnType<typeof residents>>;
  const twinA = idNumberFor('1950-06-01', true);
  const twinB = idNumberFor('1950-06-01', true);
  let file: Buffer;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [worker, stranger] = await Promise.all(['grid_worker', 'organiser_b'].map((p) => t.login(p)));
    existing = await residents(t);
    const src = await as(t, worker).post('/api/org/roster/sources', { name: '老龄办高龄名单', impliedTags: [] });
    if (src.status !== 201) throw new Error(JSON.stringify(src.body));
    sourceId = src.body.id;
  });
  afterAll(() => t.close());

  const users = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM users'))[0].n);
  const people = () => existing;

  it('refuses a second source of the same name and hides sources from other communities', async () => {
    expect((await as(t, worker).post('/api/org/roster/sources', { name: '老龄办高龄名单' })).body.code).toBe('ROSTER_SOURCE_EXISTS');
    expect((await as(t, stranger).get('/api/org/roster/sources')).body.find((s: { id: string }) => s.id === sourceId)).toBeUndefined();
  });

  it('previews a workbook: finds the header under a merged title, reads every cell form, counts what a commit would do', async () => {
    const [a, b, c] = people();
    // c has a phone verified by the grid worker: the import's different phone must not overwrite it.
    expect((await as(t, worker).patch(`/api/org/grid/persons/${c.userId}`, { phones: ['13900000001'], source: 'grid_verified' })).status).toBe(200);
    const fullWidth = a.idNumber.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).toLowerCase();
    const rows: CellIn[][] = [
      [1, a.name, fullWidth, null, '138 0000 0002', a.building, a.unit, a.room, '户主', ''],
      [2, b.name, b.idNumber.toLowerCase(), b.birthDate, '', b.building, b.unit, b.room, '户主', '独居'],
      [3, c.name, c.idNumber, null, '13800000003', c.building, c.unit, c.room, '户主', ''],
      [4, '孙晓梅', twinA, '1950年6月1日', '13800000004', '1号楼', '3', '901', '户主', '空巢'],
      [5, '孙晓梅', twinB, 18415, '13800000005', '2号楼', '3', '902', '户主', ''],
      [6, a.name, null, null, null, a.building, a.unit, a.room, '户主', ''],
      [7, '钱多多', '110105195803051239', null, '13800000007', '1号楼', '3', '903', '户主', ''],
      [],
      [8, '赵一', 110105195803051234, null, null, '1号楼', '3', '904', '户主', ''],
      [9, { formula: 'CONCATENATE("周","一")', result: '周一' }, null, '1961.2.3', '13800000009', '1号楼', '3', '905', '户主', ''],
      [10, '孙晓梅', twinA, null, null, '1号楼', '3', '901', '户主', ''],
      [11, '吴无址', null, null, null, '99号楼', '1', '101', '户主', ''],
    ];
    file = await xlsx(HEADERS, rows);
    const up = await upload(t, worker, sourceId, '高龄名单.xlsx', file);
    expect(up.status).toBe(201);
    expect(up.body.sheets).toEqual(['说明', '名单']);
    firstImport = up.body.id;
    expect((await as(t, worker).post(`/api/org/roster/imports/${firstImport}/preview`, { sheet: '没有这个表' })).body.code).toBe('ROSTER_SHEET_UNKNOWN');
    const pv = await as(t, worker).post(`/api/org/roster/imports/${firstImport}/preview`, { sheet: '名单' });
    if (pv.status !== 200) throw new Error(JSON.stringify(pv.body));
    expect(pv.body.mapping).toMatchObject({ 姓名: 'name', 身份证号: 'idNumber', 出生日期: 'birthDate', 联系电话: 'phone', 序号: 'ignore' });
    expect(pv.body.fileFindings).toEqual([]);
    const findings = (await as(t, worker).get(`/api/org/roster/imports/${firstImport}/rows?limit=200`)).body as { rowNo: number; outcome: string; name: string; idNumber: string | null; findings: { code: string }[] }[];
    const by = (name: string, n = 0) => findings.filter((f) => f.name === name)[n];
    expect(by(a.name).outcome).toBe('merge');
    expect(by(a.name).idNumber).toMatch(/\*{10}/);
    expect(by(b.name).outcome).toBe('merge');
    expect(by(c.name).outcome).toBe('merge');
    expect(findings.filter((f) => f.name === '孙晓梅').map((f) => f.outcome)).toEqual(['create', 'create', 'flag']);
    expect(by('孙晓梅', 2).findings.map((f) => f.code)).toEqual(['duplicate_in_file']);
    expect(by(a.name, 1).outcome).toBe('queue');
    expect(by('钱多多').findings.map((f) => f.code)).toEqual(['id_invalid']);
    expect(by('赵一').findings.map((f) => f.code)).toEqual(['id_numeric']);
    expect(by('周一').outcome).toBe('create');
    expect(by('吴无址').findings.map((f) => f.code)).toContain('address_unknown');
    expect(pv.body.counts).toEqual({ create: 3, merge: 3, queue: 1, flag: 4, unchanged: 0 });
  });

  it('commits as a job with progress, all of it: new people in new households, merges keep provenance, a conflict becomes a task', async () => {
    const before = await users();
    const res = await as(t, worker).post(`/api/org/roster/imports/${firstImport}/commit`);
    expect(res.status).toBe(202);
    const done = await committed(t, worker, firstImport);
    expect(done).toMatchObject({ status: 'committed', rowsDone: 11, error: null });
    expect(done.counts).toEqual({ create: 3, merge: 3, queue: 1, flag: 4, unchanged: 0 });
    expect(await users()).toBe(before + 3);
    // The uploaded roster (ID numbers in the clear) is gone from disk once committed.
    const [{ storedName }] = (await t.dataSource.query('SELECT storedName FROM roster_imports WHERE id = ?', [firstImport])) as { storedName: string }[];
    const stored = join(t.app.get(RosterImportService).dir, storedName);
    for (let i = 0; i < 20 && existsSync(stored); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(stored)).toBe(false);
    // Near twins: same name and birth date, different ID numbers, two people.
    const twins = (await t.dataSource.query("SELECT u.id FROM users u INNER JOIN person_profiles p ON p.userId = u.id WHERE u.name = '孙晓梅' AND p.birthDate = '1950-06-01'")) as unknown[];
    expect(twins).toHaveLength(2);
    const [a, , c] = people();
    const [pa] = (await t.dataSource.query('SELECT provenance FROM person_profiles WHERE userId = ?', [a.userId])) as { provenance: string }[];
    expect(JSON.parse(pa.provenance).phones).toMatchObject({ source: 'import', sourceName: '老龄办高龄名单' });
    expect(JSON.parse(pa.provenance).idNumber).toMatchObject({ source: 'grid_verified' });
    const tasks = (await as(t, worker).get(`/api/org/roster/verifications?userId=${c.userId}`)).body;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ field: 'phone', status: 'open' });
    expect(tasks[0].prompt).toBe('电话: 网格员核实 13900000001，老龄办高龄名单 13800000003 — 以哪个为准?');
    const zhou = (await t.dataSource.query("SELECT p.birthDate FROM users u INNER JOIN person_profiles p ON p.userId = u.id WHERE u.name = '周一'")) as { birthDate: string }[];
    expect(zhou[0].birthDate).toBe('1961-02-03');
    const sources = (await as(t, worker).get(`/api/org/roster/persons/${a.userId}/sources`)).body;
    expect(sources.map((s: { name: string }) => s.name)).toEqual(['老龄办高龄名单']);
  });

  it('warns (yellow) of a verification left open 30 days, not on the 29th', async () => {
    const c = people()[2];
    const [task] = (await as(t, worker).get(`/api/org/roster/verifications?userId=${c.userId}`)).body;
    const engine = t.app.get(RiskEngine);
    const rows = async () => (await t.dataSource.query('SELECT level, sentence FROM risk_warnings WHERE subjectId = ?', [task.id])) as { level: string; sentence: string }[];
    await engine.scan(new Date(Date.now() + 29 * DAY));
    expect(await rows()).toEqual([]);
    await engine.scan(new Date(Date.now() + 30 * DAY));
    const [w] = await rows();
    expect(w.level).toBe('yellow');
    expect(w.sentence).toContain(`${c.name}的“电话”在不同名单中不一致`);
  });

  it('changes nothing when the same file is imported again, and asks no question twice', async () => {
    const before = await users();
    const up = await upload(t, worker, sourceId, '高龄名单（再次）.xlsx', file);
    const pv = await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/preview`, { sheet: '名单' });
    expect(pv.body.counts).toEqual({ create: 0, merge: 0, queue: 0, flag: 4, unchanged: 7 });
    await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/commit`);
    expect((await committed(t, worker, up.body.id)).status).toBe('committed');
    expect(await users()).toBe(before);
    expect((await as(t, worker).get('/api/org/roster/pairs')).body).toHaveLength(1);
    expect((await as(t, worker).get(`/api/org/roster/verifications?userId=${people()[2].userId}`)).body).toHaveLength(1);
  });

  it('shows a possible same person side by side and merges on "same", remembered', async () => {
    const [pair] = (await as(t, worker).get('/api/org/roster/pairs')).body;
    expect(pair.evidence).toEqual(['姓名相同', '住址相同']);
    expect(pair.incoming.name).toBe(pair.existing.name);
    expect(pair.incoming.source).toBe('老龄办高龄名单');
    expect((await as(t, stranger).post(`/api/org/roster/pairs/${pair.id}/decide`, { decision: 'same' })).status).toBe(404);
    const res = await as(t, worker).post(`/api/org/roster/pairs/${pair.id}/decide`, { decision: 'same' });
    expect(res.body).toEqual({ ok: true, userId: pair.existing.userId });
    expect((await as(t, worker).post(`/api/org/roster/pairs/${pair.id}/decide`, { decision: 'different' })).body.code).toBe('ROSTER_PAIR_DECIDED');
    expect((await as(t, worker).get('/api/org/roster/pairs')).body).toEqual([]);
  });

  it('resolves a verification: the value becomes 网格员核实 with the date, and the losing value is never asked again', async () => {
    const c = people()[2];
    const [task] = (await as(t, worker).get(`/api/org/roster/verifications?userId=${c.userId}`)).body;
    expect((await as(t, worker).post(`/api/org/roster/verifications/${task.id}/resolve`, { value: '12' })).body.code).toBe('ROSTER_VALUE_INVALID');
    const res = await as(t, worker).post(`/api/org/roster/verifications/${task.id}/resolve`, { value: '138 0000 0003' });
    expect(res.body).toMatchObject({ status: 'resolved', resolvedValue: '13800000003' });
    const [p] = (await t.dataSource.query('SELECT provenance FROM person_profiles WHERE userId = ?', [c.userId])) as { provenance: string }[];
    expect(JSON.parse(p.provenance).phones).toMatchObject({ source: 'grid_verified' });
    expect((await as(t, worker).post(`/api/org/roster/verifications/${task.id}/resolve`, { value: '13800000003' })).body.code).toBe('ROSTER_VERIFICATION_CLOSED');
    const file = (await as(t, worker).get(`/api/org/grid/households/${(await t.dataSource.query('SELECT householdId FROM household_members WHERE activeUserId = ?', [c.userId]))[0].householdId}`)).body;
    expect(JSON.stringify(file)).toContain('13800000003');
  });

  it('rolls back an import nothing depends on, and explains what blocks one that something does', async () => {
    const before = await users();
    const up = await upload(t, worker, sourceId, 'x.csv', csv([['姓名', '身份证号', '楼栋', '单元', '门牌号'], ['郑新来', idNumberFor('1980-01-01'), '2号楼', '5', '501']], 'utf8'));
    await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/preview`, {});
    await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/commit`);
    await committed(t, worker, up.body.id);
    expect(await users()).toBe(before + 1);
    const rb = await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/rollback`);
    expect(rb.body.status).toBe('rolled_back');
    expect(await users()).toBe(before);
    expect((await t.dataSource.query("SELECT COUNT(*) AS n FROM households WHERE room = '501' AND unit = '5'"))[0].n).toEqual(db === 'sqlite' ? 0 : '0');
    const blocked = await as(t, worker).post(`/api/org/roster/imports/${firstImport}/rollback`);
    expect(blocked.body.code).toBe('ROSTER_ROLLBACK_BLOCKED');
    expect(blocked.body.fields.map((f: { message: string }) => f.message)).toEqual(expect.arrayContaining(['其中1条核验已由网格员处理', '已对其中1对“可能同一人”作出判断']));
  });

  it('reads GBK and UTF-8 CSV (with or without BOM, whatever the extension says)', async () => {
    for (const [enc, name, fileName] of [['gbk', '冯国庆', '名单.xlsx'], ['utf8bom', '褚卫东', '名单.csv'], ['utf8', '卫红英', '名单.txt']] as const) {
      const up = await upload(t, worker, sourceId, fileName, csv([['姓名', '出生日期', '联系电话', '楼栋', '门牌号'], ['', '', '', '', ''], [name, '1944.5.6', '13811112222', '1号楼', '606']], enc));
      expect(up.status).toBe(201);
      expect(up.body.format).toBe('csv');
      expect(up.body.fileFindings.some((f: { code: string }) => f.code === 'gbk')).toBe(enc === 'gbk');
      const pv = await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/preview`, {});
      expect(pv.body.fileFindings).toContainEqual({ code: 'empty_rows', message: '跳过了1个空行' });
      const [row] = (await as(t, worker).get(`/api/org/roster/imports/${up.body.id}/rows`)).body;
      expect(row).toMatchObject({ name, outcome: 'create', findings: [] });
    }
  });

  it('exports a source with its headers, formulas neutralised, and audits the export', async () => {
    const up = await upload(t, worker, sourceId, 'f.csv', csv([['姓名', '身份证号', '楼栋', '单元', '门牌号'], ['=HYPERLINK("http://x")', idNumberFor('1970-01-01'), '2号楼', '6', '601']], 'utf8'));
    await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/preview`, {});
    await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/commit`);
    await committed(t, worker, up.body.id);
    const res = await t.http.get(`/api/org/roster/sources/${sourceId}/export`).set('Authorization', worker.token).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '身份证号', '联系电话']));
    const names = ws.getColumn(1).values as string[];
    expect(names).toContain(`'=HYPERLINK("http://x")`);
    const ids = (ws.getColumn(2).values as string[]).slice(2);
    expect(ids.some((v) => /^\d{17}[\dX]$/.test(v))).toBe(true);
    // A grid worker without a community grant gets the sensitive columns masked.
    const [grid] = (await t.dataSource.query("SELECT id, path FROM org_nodes WHERE name = '幸福一网格'")) as { id: string; path: string }[];
    const masked = await t.app.get(RosterExport).xlsx({ userId: worker.userId, grants: [{ role: 'grid_worker', nodeId: grid.id, path: grid.path }] }, sourceId);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(masked.bytes as never);
    const maskedIds = (wb2.worksheets[0].getColumn(2).values as string[]).slice(2).filter(Boolean);
    expect(maskedIds.length).toBeGreaterThan(0);
    expect(maskedIds.every((v) => /^\d{4}\*{10}[\dX*]{4}$/.test(v) || /\*/.test(v))).toBe(true);
    const audit = (await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'roster.export'")) as { n: number | string }[];
    expect(Number(audit[0].n)).toBeGreaterThan(0);
  });
});
