import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, type Auth } from '../households/helpers.js';
import { committed, upload } from './roster-files.js';

const SAMPLES = join(process.cwd(), '..', 'docs', 'samples');

describe.each(databases())('the demo sample rosters in docs/samples on %s', (db) => {
  let t: TestApp;
  let worker: Auth;
  let sources: { id: string; name: string }[];

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    worker = await t.login('grid_worker');
    sources = (await as(t, worker).get('/api/org/roster/sources')).body;
  });
  afterAll(() => t.close());

  it('imports as the README says: 24 new people, four rows pointed out, then the survey\'s ten asked about, not merged', async () => {
    const low = sources.find((s) => s.name === '民政低保名单')!;
    const up = await upload(t, worker, low.id, '民政低保名单-示例.xlsx', await readFile(join(SAMPLES, '民政低保名单-示例.xlsx')));
    expect(up.body.sheets).toEqual(['填表说明', '低保人员']);
    const pv = await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/preview`, { sheet: '低保人员' });
    expect(pv.body.counts).toEqual({ create: 24, merge: 0, queue: 0, flag: 4, unchanged: 0 });
    await as(t, worker).post(`/api/org/roster/imports/${up.body.id}/commit`);
    expect((await committed(t, worker, up.body.id)).status).toBe('committed');

    const survey = sources.find((s) => s.name === '网格员摸排表')!;
    const csv = await upload(t, worker, survey.id, '网格员摸排表-示例.csv', await readFile(join(SAMPLES, '网格员摸排表-示例.csv')));
    expect(csv.body.fileFindings[0].code).toBe('gbk');
    const pv2 = await as(t, worker).post(`/api/org/roster/imports/${csv.body.id}/preview`, {});
    expect(pv2.body.counts).toEqual({ create: 1, merge: 0, queue: 10, flag: 0, unchanged: 0 });
  });
});
