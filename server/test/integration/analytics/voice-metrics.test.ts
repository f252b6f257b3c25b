import { addDays, beijingDay } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { DashboardService } from '../../../src/analytics/dashboard.service.js';
import { RollupService } from '../../../src/analytics/rollup.service.js';
import { Case } from '../../../src/cases/case.entity.js';
import { newId } from '../../../src/common/ids.js';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { buildFixture, type Fixture } from './fixture.js';

const DAY = 86_400_000;

describe.each(databases())('resident voice figures on %s', (db) => {
  let t: TestApp;
  let f: Fixture;
  const now = new Date();
  const today = beijingDay(now);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const ids: Record<string, string> = {};

  /** A case row as the workflow leaves it; only what the figures read is set. */
  async function fileCase(em: EntityManager, name: string, c: Partial<Case> & Pick<Case, 'kind' | 'status' | 'orgPath' | 'createdAt'>) {
    ids[name] = newId();
    await em.insert(Case, {
      id: ids[name], category: 'facilities', text: '楼道灯坏了', reporterId: newId(), filedById: null, anonymous: false,
      communityId: f.community.id, gridId: null, buildingId: null, handlerId: null, acceptDueAt: c.createdAt, resolveDueAt: null,
      dueAt: null, dueSoonAt: null, escalateAt: null, escalationLevel: 0, acceptedAt: null, resolvedAt: null, closedAt: null,
      rating: null, reopenCount: 0, mergedIntoId: null, exitReason: null, updatedAt: c.createdAt, ...c,
    });
  }

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    await t.app.get(TransactionRunner).run(async (em) => {
      f = await buildFixture(em, now, 'V');
      const [g0, g1] = f.grids;
      await fileCase(em, 'onTime', { kind: 'report', status: 'resolved', orgPath: g0.path, createdAt: ago(3), resolveDueAt: ago(1), resolvedAt: ago(2) });
      await fileCase(em, 'late', { kind: 'report', status: 'resolved', orgPath: g1.path, createdAt: ago(5), resolveDueAt: ago(4), resolvedAt: ago(3) });
      await fileCase(em, 'merged', { kind: 'report', status: 'merged', orgPath: g0.path, createdAt: ago(2) });
      await fileCase(em, 'complaint', { kind: 'privacy_complaint', status: 'resolved', orgPath: f.community.path, createdAt: ago(2), resolveDueAt: ago(1), resolvedAt: ago(2) });
      await fileCase(em, 'dispute', { kind: 'dispute', status: 'resolved', orgPath: g0.path, createdAt: ago(6), resolveDueAt: ago(1), resolvedAt: ago(2) });
    });
    await t.app.get(RollupService).refresh(now);
  });
  afterAll(() => t.close());

  const metric = async (key: string) =>
    (await t.app.get(DashboardService).compute({ node: f.community, from: addDays(today, -20), to: today, grain: 'week' })).metrics.find((m) => m.key === key)!;

  it('counts reports filed (not merged duplicates, not privacy complaints) and the share 办结 on time', async () => {
    const filed = await metric('voice.reports.filed');
    expect(filed.value).toBe(2);
    expect(filed.children.map((c) => c.value)).toEqual([1, 1]);
    // Two of the three reports and disputes 办结 were before their deadline; the complaint is not counted.
    expect((await metric('voice.resolvedOnTime')).value).toBe(66.7);
  });

  it('follows a report merged later (rollup = recompute after the change)', async () => {
    await t.dataSource.query('UPDATE cases SET status = ?, updatedAt = ? WHERE id = ?', ['merged', new Date(Date.now() + 1000).toISOString().replace('T', ' ').replace('Z', ''), ids.onTime]);
    await t.app.get(RollupService).refresh(new Date(Date.now() + 2000));
    expect((await metric('voice.reports.filed')).value).toBe(1);
  });
});
