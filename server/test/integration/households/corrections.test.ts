import { RiskEngine } from '../../../src/households/risk-engine.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, type Auth } from './helpers.js';

const DAY = 86_400_000;

describe.each(databases())('correction requests 更正申请 on %s', (db) => {
  let t: TestApp;
  let worker: Auth;
  let elder: Auth;
  let resident: Auth;
  let otherOrganiser: Auth;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [worker, elder, resident, otherOrganiser] = await Promise.all(['grid_worker', 'elder', 'resident', 'organiser_b'].map((p) => t.login(p)));
  });
  afterAll(() => t.close());

  it('lets a resident with a file ask for a correction once per item, and nobody without a file', async () => {
    const filed = await as(t, elder).post('/api/me/household-file/corrections', { field: 'phones', proposed: '13700001111', reason: '换了新号码' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'open', field: 'phones', person: { name: '张秀英' } });
    expect((await as(t, elder).post('/api/me/household-file/corrections', { field: 'phones', proposed: '13700002222' })).body.code).toBe('CORRECTION_ALREADY_OPEN');
    expect((await as(t, resident).post('/api/me/household-file/corrections', { field: 'name', proposed: '王丽' })).body.code).toBe('CORRECTION_NO_FILE');
    expect((await as(t, elder).post('/api/me/household-file/corrections', { field: 'shoe_size', proposed: '38' })).status).toBe(400);
  });

  it('is answered by the grid staff of the household only, with a reason, once', async () => {
    const open = (await as(t, worker).get('/api/org/grid/corrections')).body;
    const mine = open.find((c: { person: { name: string } }) => c.person.name === '张秀英');
    expect(mine).toBeDefined();
    expect((await as(t, otherOrganiser).get('/api/org/grid/corrections')).body).toEqual([]);
    expect((await as(t, otherOrganiser).post(`/api/org/grid/corrections/${mine.id}/reject`, { reason: '不是本社区' })).status).toBe(404);
    expect((await as(t, worker).post(`/api/org/grid/corrections/${mine.id}/reject`, {})).status).toBe(400);
    const done = await as(t, worker).post(`/api/org/grid/corrections/${mine.id}/accept`, { reason: '已电话核实并改为新号码' });
    expect(done.body).toMatchObject({ status: 'accepted', decisionReason: '已电话核实并改为新号码' });
    expect((await as(t, worker).post(`/api/org/grid/corrections/${mine.id}/reject`, { reason: '再次处理' })).body.code).toBe('CORRECTION_NOT_OPEN');
    const seen = (await as(t, elder).get('/api/me/household-file/corrections')).body;
    expect(seen[0]).toMatchObject({ id: mine.id, status: 'accepted', decisionReason: '已电话核实并改为新号码' });
    // Decided: the same item may be asked about again.
    expect((await as(t, elder).post('/api/me/household-file/corrections', { field: 'phones', proposed: '13700003333' })).status).toBe(201);
  });

  it('warns (yellow) of a correction left open 14 days, not on the 13th', async () => {
    const filed = (await as(t, elder).post('/api/me/household-file/corrections', { field: 'emergencyContact', proposed: '女儿 13700004444' })).body;
    const engine = t.app.get(RiskEngine);
    await engine.scan(new Date(Date.now() + 13 * DAY));
    const rows = async () => (await t.dataSource.query('SELECT level, sentence FROM risk_warnings WHERE subjectId = ?', [filed.id])) as { level: string; sentence: string }[];
    expect(await rows()).toEqual([]);
    await engine.scan(new Date(Date.now() + 14 * DAY));
    const [w] = await rows();
    expect(w.level).toBe('yellow');
    expect(w.sentence).toContain('张秀英');
    expect(w.sentence).toContain('申请更正“紧急联系人”，已14天未处理');
  });
});
