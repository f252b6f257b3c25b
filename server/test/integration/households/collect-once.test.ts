import { publish } from '../family/family-fixtures.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, buildingOf, household, idNumberFor, newPerson, type Auth } from './helpers.js';

describe.each(databases())('collect once: other forms read the household ledger on %s', (db) => {
  let t: TestApp;
  let worker: Auth;
  let resident: Auth; // 王丽, not yet in the ledger
  let building: string;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [worker, resident] = await Promise.all(['grid_worker', 'resident'].map((p) => t.login(p)));
    building = (await t.dataSource.query('SELECT residenceNodeId AS id FROM users WHERE id = ?', [resident.userId]))[0].id ?? (await buildingOf(t, '幸福一网格'));
  });
  afterAll(() => t.close());

  it('offers the people the ledger says live with the resident as sign-up companions, with their ages', async () => {
    expect((await as(t, resident).get('/api/activities/companions')).body).toEqual([]);
    const child = await newPerson(t, '王小宝', 2018, building);
    await household(t, worker, building, '1203', [{ userId: resident.userId }, { userId: child, relation: 'child' }]);
    // The grid worker verified the child's birth date from the household register.
    expect((await as(t, worker).patch(`/api/org/grid/persons/${child}`, { birthDate: '2018-03-01', source: 'grid_verified' })).status).toBe(200);
    const companions = (await as(t, resident).get('/api/activities/companions')).body;
    expect(companions).toEqual([{ name: '王小宝', age: expect.any(Number) }]);
    expect(companions[0].age).toBeGreaterThanOrEqual(8);
  });

  it('lets an age rule read the birth date the grid verified instead of refusing an unknown age', async () => {
    await t.dataSource.query('UPDATE users SET birthYear = NULL WHERE id = ?', [resident.userId]);
    const a = await publish(t, worker, { eligibility: { minAge: 30 } });
    const refused = await as(t, resident).post(`/api/activities/${a.id}/signup`, { companions: [] });
    expect(refused.status).toBe(403);
    expect((await as(t, worker).patch(`/api/org/grid/persons/${resident.userId}`, { idNumber: idNumberFor('1988-05-20', false), source: 'grid_verified' })).status).toBe(200);
    expect((await as(t, resident).get('/api/me')).body).toMatchObject({ birthYear: 1988 });
    expect((await as(t, resident).post(`/api/activities/${a.id}/signup`, { companions: [] })).status).toBe(201);
  });
});
