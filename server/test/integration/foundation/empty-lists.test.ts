import { InboxItem } from '../../../src/notifications/inbox-item.entity.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

// Any repository may spread an empty list into IN (:...ids); MariaDB would answer a syntax error (a 500).
describe.each(databases())('an empty list in IN (:...ids) on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
  });
  afterAll(() => t.close());

  it('matches no row with IN and every row with NOT IN, in selects and updates alike', async () => {
    const qb = () => t.dataSource.manager.createQueryBuilder(InboxItem, 'i');
    const all = await qb().getCount();
    expect(await qb().where('i.id IN (:...ids)', { ids: [] }).getCount()).toBe(0);
    expect(await qb().where('i.id NOT IN (:...ids)', { ids: [] }).getCount()).toBe(all);
    expect(await qb().where('i.id IN (:...ids) OR i.id IN (:...more)', { ids: [], more: ['x'] }).getCount()).toBe(0);
    const res = await t.dataSource.manager.createQueryBuilder().update(InboxItem).set({ readAt: new Date() }).where('id IN (:...ids)', { ids: [] }).execute();
    expect(res.affected ?? 0).toBe(0);
  });
});
