import { newId } from '../../../src/common/ids.js';
import { RoleAssignment } from '../../../src/members/role-assignment.entity.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, buildingOf, household, idNumberFor, newPerson, nodeId, type Auth } from './helpers.js';

describe.each(databases())('household ledger 一户一档 on %s', (db) => {
  let t: TestApp;
  let worker: Auth; // 周敏: grid worker of 幸福一/二网格, organiser of 幸福社区
  let resident: Auth; // 王丽
  let elder: Auth; // 张秀英, in the seeded ledger
  let otherOrganiser: Auth; // 刘洋, 和平社区党支部
  let admin: Auth; // 赵强, street admin
  let building: string;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [worker, resident, elder, otherOrganiser, admin] = await Promise.all(['grid_worker', 'resident', 'elder', 'organiser_b', 'admin'].map((p) => t.login(p)));
    building = await buildingOf(t, '幸福一网格');
  });
  afterAll(() => t.close());

  it('lists the seeded households of the grid worker with ID numbers and phones masked', async () => {
    const res = await as(t, worker).get('/api/org/grid/households?limit=100');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(12);
    const elderRow = res.body.items.find((h: { members: { name: string }[] }) => h.members.some((m) => m.name === '张秀英'));
    expect(elderRow.members[0]).toMatchObject({ idNumberMasked: expect.stringMatching(/^1101\*{10}[0-9X]{4}$/), phoneMasked: '138****0003' });
    expect(JSON.stringify(res.body)).not.toMatch(/\d{17}[\dX]/);
    const tagged = res.body.items.flatMap((h: { members: { tags: { label: string }[] }[] }) => h.members.flatMap((m) => m.tags.map((x) => x.label)));
    expect(tagged).toEqual(expect.arrayContaining(['独居老人', '流动人口', '高龄']));
  });

  it('refuses residents and street staff the files; another community sees none of them', async () => {
    expect((await as(t, resident).get('/api/org/grid/households')).body.code).toBe('GRID_STAFF_ONLY');
    expect((await as(t, admin).get('/api/org/grid/households')).status).toBe(403);
    const id = (await as(t, worker).get('/api/org/grid/households')).body.items[0].id;
    expect((await as(t, otherOrganiser).get('/api/org/grid/households')).body.items).toEqual([]);
    expect((await as(t, otherOrganiser).get(`/api/org/grid/households/${id}`)).status).toBe(404);
    expect((await as(t, otherOrganiser).post(`/api/org/grid/households/${id}/visits`, { method: 'home', situation: 'normal' })).status).toBe(404);
  });

  it('records opening a full file in the audit trail, which the resident sees under 谁查看了我的数据', async () => {
    const list = (await as(t, worker).get('/api/org/grid/households?q=张秀英')).body.items;
    expect(list).toHaveLength(1);
    const file = await as(t, worker).get(`/api/org/grid/households/${list[0].id}`);
    expect(file.status).toBe(200);
    expect(file.body.members[0]).toMatchObject({ name: '张秀英', idNumber: expect.stringMatching(/^\d{17}[\dX]$/), provenance: { idNumber: { source: 'grid_verified' } } });
    const seen = (await as(t, elder).get('/api/me/data-access')).body.items;
    expect(seen[0]).toMatchObject({ actorName: '周*', description: '查看户档案' });
  });

  it('builds a household, validates the ID number with its check digit and keeps each field’s provenance on edit', async () => {
    const a = await newPerson(t, '孙桂兰', 1944, building);
    const hh = await household(t, worker, building, '901', [{ userId: a }]);
    const bad = await as(t, worker).patch(`/api/org/grid/persons/${a}`, { idNumber: '110105194912310021', source: 'grid_verified' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].message).toContain('校验位');
    const id = idNumberFor('1944-02-03', false);
    const fullWidth = id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).toLowerCase();
    expect((await as(t, worker).patch(`/api/org/grid/persons/${a}`, { idNumber: fullWidth, source: 'grid_verified' })).status).toBe(200);
    expect((await as(t, worker).patch(`/api/org/grid/persons/${a}`, { phones: ['13912345678'], source: 'family', sourceName: '女儿代填' })).status).toBe(200);
    const file = (await as(t, worker).get(`/api/org/grid/households/${hh}`)).body;
    const p = file.members[0];
    expect(p).toMatchObject({ idNumber: id, birthDate: '1944-02-03', gender: 'female', phones: ['13912345678'] });
    expect(p.provenance.idNumber.source).toBe('grid_verified');
    expect(p.provenance.birthDate.source).toBe('grid_verified');
    expect(p.provenance.phones).toMatchObject({ source: 'family', sourceName: '女儿代填' });
    expect(p.tags.map((x: { tag: string }) => x.tag)).toContain('advanced_age');

    const mismatch = await as(t, worker).patch(`/api/org/grid/persons/${a}`, { idNumber: id, birthDate: '1944-02-04', source: 'grid_verified' });
    expect(mismatch.body.code).toBe('PERSON_BIRTH_DATE_MISMATCH');
    const b = await newPerson(t, '孙建华', 1970, building);
    await as(t, worker).post(`/api/org/grid/households/${hh}/members`, { userId: b, relation: 'child', residenceType: 'resident' });
    const dup = await as(t, worker).patch(`/api/org/grid/persons/${b}`, { idNumber: id, source: 'grid_verified' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('PERSON_ID_NUMBER_TAKEN');
  });

  it('keeps a person in one household at a time, and ends memberships with a date instead of deleting', async () => {
    const a = await newPerson(t, '钱凤英', 1950, building);
    const first = await household(t, worker, building, '902', [{ userId: a }]);
    const second = await household(t, worker, building, '903', []);
    const again = await as(t, worker).post(`/api/org/grid/households/${second}/members`, { userId: a, relation: 'head', residenceType: 'registered' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PERSON_IN_ANOTHER_HOUSEHOLD');
    expect((await as(t, worker).post(`/api/org/grid/households/${first}/members/${a}/end`, { reason: 'moved_out', on: '2026-12-01' })).status).toBe(200);
    expect((await as(t, worker).post(`/api/org/grid/households/${first}/members/${a}/end`, { reason: 'moved_out', on: '2026-12-01' })).body.code).toBe('MEMBERSHIP_ALREADY_ENDED');
    expect((await as(t, worker).post(`/api/org/grid/households/${second}/members`, { userId: a, relation: 'head', residenceType: 'registered' })).status).toBe(201);
    const old = (await as(t, worker).get(`/api/org/grid/households/${first}`)).body.members;
    expect(old[0]).toMatchObject({ name: '钱凤英', endedOn: '2026-12-01', endReason: 'moved_out' });
  });

  it('admits two concurrent joins of one person to different households only once', async () => {
    const a = await newPerson(t, '周桂芝', 1948, building);
    const [h1, h2] = [await household(t, worker, building, '904', []), await household(t, worker, building, '905', [])];
    const res = await Promise.all([h1, h2].map((h) => as(t, worker).post(`/api/org/grid/households/${h}/members`, { userId: a, relation: 'head', residenceType: 'registered' })));
    expect(res.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('refuses tags outside the closed set and derived ones, and a building outside the grid', async () => {
    const a = await newPerson(t, '吴玉珍', 1939, building);
    await household(t, worker, building, '906', [{ userId: a }]);
    expect((await as(t, worker).post(`/api/org/grid/persons/${a}/tags`, { tag: '五保户', source: 'grid_verified' })).status).toBe(400);
    expect((await as(t, worker).post(`/api/org/grid/persons/${a}/tags`, { tag: 'advanced_age', source: 'grid_verified' })).status).toBe(400);
    expect((await as(t, worker).post(`/api/org/grid/persons/${a}/tags/advanced_age/remove`)).body.code).toBe('TAG_DERIVED');
    expect((await as(t, worker).post(`/api/org/grid/persons/${a}/tags`, { tag: 'elder_alone', source: 'grid_verified' })).status).toBe(201);
    const other = await buildingOf(t, '和平一网格');
    expect((await as(t, worker).post('/api/org/grid/households', { buildingId: other, room: '1', source: 'grid_verified' })).status).toBe(404);
    expect((await as(t, worker).post('/api/org/grid/households', { buildingId: await nodeId(t, '幸福社区'), room: '1', source: 'grid_verified' })).body.code).toBe('HOUSEHOLD_BUILDING_INVALID');
  });

  it('limits a grid worker without a community grant to their own grids', async () => {
    const third = await buildingOf(t, '幸福三网格');
    const a = await newPerson(t, '郑国强', 1960, third);
    const hh = await household(t, worker, third, '907', [{ userId: a }]);
    await t.dataSource.query("DELETE FROM role_assignments WHERE userId = ? AND role = 'organiser'", [worker.userId]);
    try {
      expect((await as(t, worker).get(`/api/org/grid/households/${hh}`)).status).toBe(404);
      const ids = (await as(t, worker).get('/api/org/grid/households?limit=100')).body.items.map((h: { id: string }) => h.id);
      expect(ids).not.toContain(hh);
      expect(ids.length).toBeGreaterThan(0);
      // Writes by someone who is only a grid worker are audited too, under the grid they reached.
      expect((await as(t, worker).post(`/api/org/grid/households/${ids[0]}/visits`, { method: 'phone', situation: 'normal' })).status).toBe(201);
      const [entry] = await t.dataSource.query('SELECT actorRole, resourceId FROM audit_entries WHERE actorId = ? AND action = ? ORDER BY seq DESC', [worker.userId, 'POST /api/org/grid/households/:id/visits']);
      expect(entry).toMatchObject({ actorRole: 'grid_worker', resourceId: ids[0] });
    } finally {
      await t.dataSource.manager.insert(RoleAssignment, { id: newId(), userId: worker.userId, role: 'organiser', nodeId: await nodeId(t, '幸福社区'), grantedBy: null });
    }
  });

  it('shows the resident their own file, masked, without staff notes', async () => {
    const res = await as(t, elder).get('/api/me/household-file');
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ name: '张秀英', idNumberMasked: expect.stringMatching(/^1101\*+/) });
    expect(res.body.person).not.toHaveProperty('notes');
    expect(res.body.person).not.toHaveProperty('idNumber');
    expect(res.body.visits.length).toBeGreaterThan(0);
    expect((await as(t, resident).get('/api/me/household-file')).body.household).toBeNull();
  });
});
