import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, type Auth } from '../households/helpers.js';
import { csv, upload, xlsx, zip } from './roster-files.js';

describe.each(databases())('roster files that are not what they claim on %s', (db) => {
  let t: TestApp;
  let worker: Auth;
  let sourceId: string;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    worker = await t.login('grid_worker');
    sourceId = (await as(t, worker).get('/api/org/roster/sources')).body.find((s: { name: string }) => s.name === '民政低保名单').id;
  });
  afterAll(() => t.close());

  const imports = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM roster_imports'))[0].n);

  it('refuses a zip bomb, a zip without a workbook, an old .xls, binary junk and an empty file, each with its own code', async () => {
    const before = await imports();
    const cases: [Buffer, string][] = [
      [zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), claimedSize: 2_000_000_000 }]), 'ROSTER_FILE_BOMB'],
      [zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), 'ROSTER_FILE_UNREADABLE'],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]), 'ROSTER_FILE_OLD_XLS'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), 'ROSTER_FILE_UNREADABLE'],
      [Buffer.alloc(0), 'ROSTER_FILE_EMPTY'],
    ];
    for (const [bytes, code] of cases) {
      const res = await upload(t, worker, sourceId, '名单.xlsx', bytes);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
    }
    expect(await imports()).toBe(before);
  });

  it('takes a file only as raw bytes (a JSON body is refused, not waited for)', async () => {
    const res = await t.http.post(`/api/org/roster/imports?sourceId=${sourceId}&fileName=a.csv`).set('Authorization', worker.token).send({ file: '姓名,电话' });
    expect(res.status).toBe(415);
  });

  it('refuses a file over 20 MB while it streams in', async () => {
    const res = await upload(t, worker, sourceId, 'big.csv', Buffer.alloc(20 * 1024 * 1024 + 10, 0x41));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('ROSTER_FILE_TOO_LARGE');
  });

  it('refuses 100,001 rows at preview and stages nothing', async () => {
    const rows = [['姓名', '出生日期', '联系电话']];
    for (let i = 0; i < 100_001; i++) rows.push([`居民${i}`, '1950-01-01', `138${String(i).padStart(8, '0')}`]);
    const up = await upload(t, worker, sourceId, 'many.csv', csv(rows, 'utf8'));
    expect(up.status).toBe(201);
    const pv = await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/preview`, {});
    expect(pv.body.code).toBe('ROSTER_TOO_MANY_ROWS');
    expect((await t.dataSource.query('SELECT COUNT(*) AS n FROM roster_rows WHERE importId = ?', [up.body.id]))[0].n).toEqual(db === 'sqlite' ? 0 : '0');
  });

  it('asks for a header and a name column when the sheet has neither', async () => {
    const noHeader = await upload(t, worker, sourceId, 'x.xlsx', await xlsx(['甲', '乙', '丙'], [['1', '2', '3']]));
    expect((await as(t, worker).post(`/api/org/roster/imports/${noHeader.body.id}/preview`, { sheet: '名单' })).body.code).toBe('ROSTER_NO_HEADER');
    const noName = await upload(t, worker, sourceId, 'y.csv', csv([['联系电话', '出生日期'], ['13800000000', '1950-01-01']], 'utf8'));
    expect((await as(t, worker).post(`/api/org/roster/imports/${noName.body.id}/preview`, {})).body.code).toBe('ROSTER_MAPPING_INCOMPLETE');
    expect((await as(t, worker).post(`/api/org/roster/imports/${noName.body.id}/preview`, { mapping: { 联系电话: 'shoe_size' } })).status).toBe(400);
  });

  it('reads every Chinese character of a large sheet intact, across the zip stream\'s chunk boundaries', async () => {
    const given = '伟芳娜敏静磊军洋勇艳杰娟涛明超兰霞平刚英华玉强珍燕德文博涵萱';
    const names = Array.from({ length: 3000 }, (_, i) => `许${given[i % given.length]}${given[Math.floor(i / given.length) % given.length]}`);
    const up = await upload(t, worker, sourceId, 'big.xlsx', await xlsx(['姓名', '出生日期', '联系电话'], names.map((n, i) => [n, '1950-01-01', `138${String(i).padStart(8, '0')}`])));
    await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/preview`, { sheet: '名单' });
    const seen: string[] = [];
    for (let offset = 0; offset < 3000; offset += 200) seen.push(...(await as(t, worker).get(`/api/org/roster/imports/${up.body.id}/rows?offset=${offset}&limit=200`)).body.map((r: { name: string }) => r.name));
    expect(seen).toEqual(names);
  });

  it('will not commit what was not previewed, nor twice', async () => {
    const up = await upload(t, worker, sourceId, 'z.csv', csv([['姓名', '出生日期', '联系电话'], ['甲乙', '1950-01-01', '13800000000']], 'utf8'));
    expect((await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/commit`)).body.code).toBe('ROSTER_IMPORT_STATE');
  });
});
