import { addDays, beijingDay } from '@honglin/shared';
import { DashboardService } from '../../../src/analytics/dashboard.service.js';
import { RollupRepository } from '../../../src/analytics/rollup.repository.js';
import { RollupService } from '../../../src/analytics/rollup.service.js';
import { AccountDeletionService } from '../../../src/privacy/account-deletion.service.js';
import { clock } from '../../../src/common/clock.js';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { buildFixture, type Fixture } from './fixture.js';

const DAY = 86_400_000;

describe.each(databases())('analytics rollups on %s', (db) => {
  let t: TestApp;
  let rollups: RollupService;
  let f: Fixture;
  const now = new Date();
  const today = beijingDay(now);
  const from = addDays(today, -40);

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    rollups = t.app.get(RollupService);
    f = await t.app.get(TransactionRunner).run((em) => buildFixture(em, now));
    await rollups.refresh(now);
  });
  afterAll(() => t.close());
  afterEach(() => clock.reset());

  const view = (nodeId: string) => t.app.get(DashboardService).compute({ node: nodeId === f.branch.id ? f.branch : f.community, from, to: today, grain: 'week' });
  const metric = async (nodeId: string, key: string) => (await view(nodeId)).metrics.find((m) => m.key === key)!;

  it('counts each metric as its definition says on a hand-made data set', async () => {
    expect((await metric(f.community.id, 'care.coverage')).value).toBe(66.7);
    expect((await metric(f.community.id, 'care.overdue')).value).toBe(1);
    expect((await metric(f.community.id, 'care.visits')).value).toBe(3);
    expect((await metric(f.community.id, 'care.warnings.raised')).value).toBe(2);
    expect((await metric(f.community.id, 'care.warnings.ackInTime')).value).toBe(50);
    expect((await metric(f.community.id, 'care.warnings.escalated')).value).toBe(1);
    expect((await metric(f.community.id, 'people.tag.elder_alone')).value).toBe(8);
    expect((await metric(f.community.id, 'volunteering.hours')).value).toBe(4);
    expect((await metric(f.community.id, 'volunteering.services')).value).toBe(2);
    expect((await metric(f.community.id, 'volunteering.activitySignups')).value).toBe(3);
    expect((await metric(f.community.id, 'volunteering.mobilisationResponse')).value).toBe(75);
    expect((await metric(f.community.id, 'volunteering.activityAttendance')).value).toBe(66.7);
    expect((await metric(f.branch.id, 'party.meetings.held')).value).toBe(1);
    expect((await metric(f.branch.id, 'party.meetings.attendance')).value).toBe(75);
    expect((await metric(f.branch.id, 'party.dues.paidRate')).value).toBe(66.7);
    expect((await metric(f.branch.id, 'party.study.reads')).value).toBe(1);
    expect((await metric(f.branch.id, 'party.study.points')).value).toBe(7);
    // The previous 41 days held nothing of the fixture; the children are the two grids.
    const visits = await metric(f.community.id, 'care.visits');
    expect(visits.previous).toBe(0);
    expect(visits.children.map((c) => c.value)).toEqual([2, 1]);
    expect(visits.top[0]).toMatchObject({ nodeId: f.grids[0].id, value: 2 });
  });

  it('shows sensitive counts under 5 as "<5", and hides a sibling that the total would reveal', async () => {
    const elders = await metric(f.community.id, 'people.tag.elder_alone');
    // Grid 1 holds 6 and grid 2 holds 2: with 8 shown above them, 6 would give the 2 away.
    expect(elders.children.map((c) => c.value)).toEqual(['<5', '<5']);
    expect(elders.top).toEqual([]);
    expect(elders.series.every((s) => s.value === 0 || s.value === 8)).toBe(true);
    const grid2 = await t.app.get(DashboardService).compute({ node: f.grids[1], from, to: today, grain: 'month' });
    expect(grid2.metrics.find((m) => m.key === 'people.tag.elder_alone')!.value).toBe('<5');
  });

  it('keeps rollup = recompute after inserts, updates and deletions, fed incrementally', async () => {
    expect(await rollups.check(from, today, now)).toEqual([]);
    const tx = t.app.get(TransactionRunner);
    // Insert: a visit to H2 today. Update: the escalated warning acknowledged; a bill paid.
    await tx.run(async (em) => {
      await em.query('INSERT INTO care_visits (id, householdId, visitorId, visitedAt, method, situation, seenUserIds, notes, needs, correctsVisitId, createdAt) SELECT ?, ?, visitorId, ?, method, situation, seenUserIds, notes, needs, NULL, ? FROM care_visits WHERE id = ?',
        [`V${f.visits[0].id.slice(1)}`, f.households[1].id, db === 'sqlite' ? now.toISOString().replace('T', ' ').slice(0, 23) : now, db === 'sqlite' ? now.toISOString().replace('T', ' ').slice(0, 23) : now, f.visits[0].id]);
      await em.update('risk_warnings', { id: f.warnings[1].id }, { acknowledgedAt: new Date(now.getTime() - 1000), status: 'acknowledged' });
      await em.update('dues_bills', { id: f.bills[2].id }, { status: 'paid', paidAt: now });
    });
    expect((await rollups.check(from, today, now)).map((m) => m.metric).sort()).toEqual(expect.arrayContaining(['care.coverage', 'care.visits', 'party.dues.paidRate']));
    await rollups.refresh(new Date(now.getTime() + 1000));
    expect(await rollups.check(from, today, now)).toEqual([]);
    expect((await metric(f.community.id, 'care.coverage')).value).toBe(100);
    expect((await metric(f.branch.id, 'party.dues.paidRate')).value).toBe(100);
    // Deletion (an erased visit): no timestamp shows it, so the change marks its day in its transaction.
    const day = beijingDay(new Date(now.getTime() - 9 * DAY));
    await tx.run(async (em) => {
      await em.query('DELETE FROM care_visits WHERE id = ?', [f.visits[1].id]);
      await rollups.touch(em, ['care.visits', 'care.coverage', 'care.overdue'], [day]);
    });
    expect((await rollups.check(from, today, now)).length).toBeGreaterThan(0);
    await rollups.refresh(new Date(now.getTime() + 2000));
    expect(await rollups.check(from, today, now)).toEqual([]);
    expect((await metric(f.community.id, 'care.visits')).value).toBe(3);
  });

  it('leaves nothing half-counted when a refresh dies halfway, and a rerun converges', async () => {
    const repo = t.app.get(RollupRepository);
    const before = await repo.range('care.visits', from, today);
    const day = beijingDay(new Date(now.getTime() - 3 * DAY));
    await t.app.get(TransactionRunner).run(async (em) => {
      await em.query('DELETE FROM care_visits WHERE id = ?', [f.visits[0].id]);
      await rollups.touch(em, ['care.visits', 'care.coverage', 'care.overdue'], [day]);
    });
    const original = repo.replaceDays.bind(repo);
    // Dies after deleting the days' old figures and before writing the new ones.
    repo.replaceDays = async (em, metric, days) => {
      await em.query(`DELETE FROM analytics_rollups WHERE metric = ? AND day IN (${days.map(() => '?').join(', ')})`, [metric, ...days]);
      throw new Error('killed');
    };
    const visits = rollups.definitions().find((m) => m.key === 'care.visits')!;
    await expect(rollups.refreshMetric(visits, new Date(now.getTime() + 3000))).rejects.toThrow('killed');
    repo.replaceDays = original;
    expect(await repo.range('care.visits', from, today)).toEqual(expect.arrayContaining(before));
    expect((await repo.range('care.visits', from, today)).length).toBe(before.length);
    await rollups.refresh(new Date(now.getTime() + 4000));
    expect(await rollups.check(from, today, now)).toEqual([]);
  });

  it('recounts the tag figures of every day when an account is deleted (its tags go with it)', async () => {
    // A seeded resident living alone, counted in 独居老人 of her grid.
    const [elder] = await t.dataSource.query("SELECT u.id FROM users u JOIN person_tags pt ON pt.userId = u.id JOIN household_members m ON m.userId = u.id WHERE pt.tag = 'elder_alone' AND u.demoPersona IS NULL");
    expect(elder).toBeDefined();
    await rollups.refresh(new Date(now.getTime() + 5000));
    expect(await rollups.check(from, today, now)).toEqual([]);
    await t.app.get(AccountDeletionService).delete(elder.id);
    expect((await rollups.check(from, today, now)).some((m) => m.metric.startsWith('people.tag.'))).toBe(true);
    await rollups.refresh(new Date(now.getTime() + 6000));
    expect(await rollups.check(from, today, now)).toEqual([]);
  });

  it('rebuilds any range from source to the same figures', async () => {
    await t.dataSource.query('DELETE FROM analytics_rollups WHERE day >= ?', [addDays(today, -20)]);
    expect((await rollups.check(from, today, now)).length).toBeGreaterThan(0);
    await rollups.rebuild(addDays(today, -20), today, undefined, now);
    expect(await rollups.check(from, today, now)).toEqual([]);
  });
});
