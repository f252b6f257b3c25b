import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, type Auth } from './helpers.js';

type Item = { id: string; label: string; building: { name: string }; members: { name: string; tags: { tag: string }[] }[] };

describe.each(databases())('户档案 search by name, building and tag on %s', (db) => {
  let t: TestApp;
  let worker: Auth;
  const list = async (query: string) => (await as(t, worker).get(`/api/org/grid/households?${query}`)).body.items as Item[];

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    worker = await t.login('grid_worker');
  });
  afterAll(() => t.close());

  it('finds the households of one building by its name', async () => {
    const all = await list('limit=100');
    const building = all[0].building.name;
    const found = await list(`q=${encodeURIComponent(building)}&limit=100`);
    expect(found.length).toBe(all.filter((h) => h.building.name === building).length);
    expect(found.every((h) => h.building.name === building)).toBe(true);
  });

  it('finds the households with a member carrying a tag, derived or assigned', async () => {
    const alone = await list('tag=elder_alone&limit=100');
    expect(alone.length).toBe(3);
    expect(alone.every((h) => h.members.some((m) => m.tags.some((x) => x.tag === 'elder_alone')))).toBe(true);
    const old = await list('tag=advanced_age&limit=100');
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((h) => h.members.some((m) => m.tags.some((x) => x.tag === 'advanced_age')))).toBe(true);
    expect((await as(t, worker).get('/api/org/grid/households?tag=rich')).status).toBe(400);
  });
});
