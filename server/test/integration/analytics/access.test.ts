import ExcelJS from 'exceljs';
import { addDays, beijingDay } from '@honglin/shared';
import { RollupService } from '../../../src/analytics/rollup.service.js';
import { clock } from '../../../src/common/clock.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, nodeId, type Auth } from '../households/helpers.js';

const DAY = 86_400_000;

describe.each(databases())('数据看板 scope, bad input, kiosk links and export on %s', (db) => {
  let t: TestApp;
  let admin: Auth;
  let worker: Auth;
  let organiserB: Auth;
  let resident: Auth;
  const today = beijingDay(new Date());
  const from = addDays(today, -29);
  const q = (extra: Record<string, string> = {}) => new URLSearchParams({ from, to: today, ...extra }).toString();

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [admin, worker, organiserB, resident] = await Promise.all(['admin', 'grid_worker', 'organiser_b', 'resident'].map((p) => t.login(p)));
    await t.app.get(RollupService).refresh();
  });
  afterAll(() => t.close());
  afterEach(() => clock.reset());

  it('opens at the caller’s own node and drills down within scope only', async () => {
    const street = await as(t, admin).get(`/api/org/analytics/dashboard?${q()}`);
    expect(street.status).toBe(200);
    expect(street.body.node.kind).toBe('street');
    const coverage = street.body.metrics.find((m: { key: string }) => m.key === 'care.coverage');
    expect(coverage.definition).toContain('走访周期');
    const happy = await nodeId(t, '幸福社区');
    expect(coverage.children.map((c: { nodeId: string }) => c.nodeId)).toContain(happy);
    const community = await as(t, worker).get(`/api/org/analytics/dashboard?${q({ nodeId: happy, grain: 'month' })}`);
    expect(community.status).toBe(200);
    expect(community.body.node.name).toBe('幸福社区');
    const grid = await as(t, worker).get(`/api/org/analytics/dashboard?${q({ nodeId: await nodeId(t, '幸福一网格') })}`);
    expect(grid.body.node.kind).toBe('grid');
    // 刘洋 organises 和平社区's branch: 幸福社区 is outside what they may see; a resident sees none.
    const refused = await as(t, organiserB).get(`/api/org/analytics/dashboard?${q({ nodeId: happy })}`);
    expect([refused.status, refused.body.code]).toEqual([403, 'ANALYTICS_NODE_OUT_OF_SCOPE']);
    expect((await as(t, resident).get(`/api/org/analytics/dashboard?${q()}`)).body.code).toBe('ANALYTICS_STAFF_ONLY');
  });

  it('refuses reversed and over-3-year ranges, unknown metrics and malformed dates with a 4xx', async () => {
    const get = (query: string) => as(t, admin).get(`/api/org/analytics/dashboard?${query}`);
    expect((await get(`from=${today}&to=${addDays(today, -1)}`)).body.code).toBe('ANALYTICS_RANGE_REVERSED');
    expect((await get(`from=${addDays(today, -3 * 366)}&to=${today}`)).body.code).toBe('ANALYTICS_RANGE_TOO_LONG');
    expect((await get(`from=${addDays(today, -3 * 366 + 1)}&to=${today}`)).status).toBe(200);
    const unknown = await get(`${q({ metrics: 'care.visits,care.nonsense' })}`);
    expect([unknown.status, unknown.body.code]).toEqual([400, 'ANALYTICS_UNKNOWN_METRIC']);
    expect((await get('from=2026-02-30&to=2026-03-01')).status).toBe(400);
    expect((await get(`${q({ grain: 'hour' })}`)).status).toBe(400);
    expect((await get(`${q({ nodeId: '01ZZZZZZZZZZZZZZZZZZZZZZZZ' })}`)).status).toBe(404);
  });

  it('never returns a sensitive count under 5 from any node it can reach', async () => {
    const nodes: { id: string }[] = await t.dataSource.query("SELECT id FROM org_nodes WHERE kind IN ('street', 'community', 'grid', 'building')");
    for (const n of nodes) {
      const body = (await as(t, admin).get(`/api/org/analytics/dashboard?${q({ nodeId: n.id })}`)).body;
      for (const m of body.metrics.filter((x: { sensitive: boolean }) => x.sensitive)) {
        const cells = [m.value, m.previous, ...m.series.map((s: { value: unknown }) => s.value), ...m.children.map((c: { value: unknown }) => c.value)];
        expect(cells.filter((v) => typeof v === 'number' && v > 0 && v < 5)).toEqual([]);
      }
    }
  });

  it('exports the table under a chart as .xlsx with a filter on the header row', async () => {
    const res = await as(t, admin).get(`/api/org/analytics/table.xlsx?${q({ metric: 'care.visits' })}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    const sheet = book.getWorksheet('趋势')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('走访次数（次）');
    expect(sheet.autoFilter).toBeTruthy();
    expect(book.getWorksheet('下级')!.getRow(2).getCell(1).value).toBeTruthy();
    expect((await as(t, admin).get(`/api/org/analytics/table.xlsx?${q({ metric: 'nope' })}`)).body.code).toBe('ANALYTICS_UNKNOWN_METRIC');
  });

  it('opens 大屏 with a kiosk link without a login until it is revoked or expires', async () => {
    const happy = await nodeId(t, '幸福社区');
    expect((await as(t, organiserB).post('/api/org/analytics/kiosk-links', { nodeId: happy, hours: 24 })).body.code).toBe('ANALYTICS_NODE_OUT_OF_SCOPE');
    expect((await as(t, worker).post('/api/org/analytics/kiosk-links', { nodeId: happy, hours: 24 * 91 })).status).toBe(400);
    const link = (await as(t, worker).post('/api/org/analytics/kiosk-links', { nodeId: happy, hours: 24, title: '幸福社区大屏' })).body;
    expect(link.token.length).toBeGreaterThanOrEqual(43);
    const screen = await t.http.get(`/api/kiosk/${link.token}`);
    expect(screen.status).toBe(200);
    expect(screen.body.node.name).toBe('幸福社区大屏');
    expect(JSON.stringify(screen.body)).not.toMatch(/张秀英|王丽/);
    expect((await t.http.get(`/api/kiosk/${link.token}x`)).body.code).toBe('KIOSK_LINK_INVALID');
    clock.travelTo(new Date(Date.now() + DAY + 60_000));
    expect((await t.http.get(`/api/kiosk/${link.token}`)).body.code).toBe('KIOSK_LINK_EXPIRED');
    clock.reset();
    expect((await as(t, organiserB).post(`/api/org/analytics/kiosk-links/${link.id}/revoke`)).status).toBe(404);
    expect((await as(t, worker).post(`/api/org/analytics/kiosk-links/${link.id}/revoke`)).status).toBe(200);
    const revoked = await t.http.get(`/api/kiosk/${link.token}`);
    expect([revoked.status, revoked.body.code]).toEqual([410, 'KIOSK_LINK_REVOKED']);
    expect((await as(t, worker).get('/api/org/analytics/kiosk-links')).body[0]).toMatchObject({ id: link.id, nodeName: '幸福社区' });
    expect((await as(t, resident).get('/api/org/analytics/kiosk-links')).status).toBe(403);
  });
});
