import { newId } from '../../../src/common/ids.js';
import { Household, HouseholdMember } from '../../../src/households/household.entity.js';
import { PersonTagRow } from '../../../src/households/person-profile.entity.js';
import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, buildingOf, newPerson, type Auth } from './helpers.js';

type Row = { id: string; name: string; households: number; residents: number; overdue: number; openWarnings: Record<string, number>; tags: Record<string, number | string> };
type View = { communities: (Row & { grids: Row[] })[] };

describe.each(databases())('street-level aggregate views 街道汇总 on %s', (db) => {
  let t: TestApp;
  let admin: Auth; // 赵强: admin of the street (and the committee), no community grant
  let worker: Auth; // 周敏: organiser of 幸福社区, grid worker of its first two grids
  let resident: Auth;
  const grid = (v: View, name: string) => v.communities.flatMap((c) => c.grids).find((g) => g.name === name)!;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [admin, worker, resident] = await Promise.all(['admin', 'grid_worker', 'resident'].map((p) => t.login(p)));
    // Three 低保 residents in one household of 和平一网格 (another community).
    const building = await buildingOf(t, '和平一网格');
    const b = (await t.dataSource.manager.findOneByOrFail(OrgNode, { id: building }))!;
    const g = (await t.dataSource.manager.findOneByOrFail(OrgNode, { id: b.parentId! }))!;
    const h = newId();
    const now = new Date();
    await t.dataSource.manager.insert(Household, { id: h, buildingId: b.id, gridId: g.id, communityId: g.parentId!, path: b.path, unit: '1', room: '808', address: null, provenance: {}, cadenceDays: 30, lastVisitAt: null, registeredOn: '2026-01-01', nextDueOn: '2026-01-31', createdBy: admin.userId, createdAt: now, updatedAt: now });
    for (const name of ['甲', '乙', '丙']) {
      const u = await newPerson(t, `和平${name}`, 1950, b.id);
      await t.dataSource.manager.insert(HouseholdMember, { id: newId(), householdId: h, userId: u, activeUserId: u, relation: 'other', residenceType: 'registered', arrivedOn: null, endedOn: null, endReason: null, createdBy: admin.userId, createdAt: now });
      await t.dataSource.manager.insert(PersonTagRow, { id: newId(), userId: u, tag: 'dibao', source: 'import', sourceName: '民政低保名册', verifiedAt: now, setBy: admin.userId, removedAt: null, removedBy: null, createdAt: now });
    }
  });
  afterAll(() => t.close());

  it('gives street staff counts per community and grid, no names, and small sensitive groups as “<5”', async () => {
    const res = await as(t, admin).get('/api/org/grid/aggregates');
    expect(res.status).toBe(200);
    const v = res.body as View;
    expect(v.communities.map((c) => c.name)).toEqual(expect.arrayContaining(['幸福社区', '和平社区']));
    const xf1 = grid(v, '幸福一网格');
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM households WHERE gridId = ?', [xf1.id]);
    expect(xf1.households).toBe(Number(n));
    expect(xf1.overdue).toBeGreaterThan(0);
    expect(xf1.tags.elder_alone).toBe(2); // not sensitive: exact
    expect(xf1.tags.dibao).toBe('<5');
    expect(grid(v, '和平一网格')).toMatchObject({ households: 1, residents: 3, overdue: 1, tags: { dibao: '<5' } });
    expect(v.communities.find((c) => c.name === '幸福社区')!.openWarnings).toEqual({ red: 1, orange: 1, yellow: 0 });
    const text = JSON.stringify(v);
    for (const name of ['张秀英', '和平甲', '808']) expect(text).not.toContain(name);
    // The files themselves stay closed to the street.
    expect((await as(t, admin).get('/api/org/grid/households')).body).toMatchObject({ code: 'GRID_STAFF_ONLY' });
  });

  it('gives community staff their own community only, with exact counts', async () => {
    const v = (await as(t, worker).get('/api/org/grid/aggregates')).body as View;
    expect(v.communities.map((c) => c.name)).toEqual(['幸福社区']);
    expect(grid(v, '幸福一网格').tags.dibao).toBe(1);
    expect(grid(v, '和平一网格')).toBeUndefined();
    expect(v.communities[0].grids.map((g) => g.name)).toEqual(['幸福一网格', '幸福二网格']);
  });

  it('refuses residents', async () => {
    expect((await as(t, resident).get('/api/org/grid/aggregates')).body).toMatchObject({ code: 'GRID_STAFF_ONLY' });
  });
});
