import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { newId } from '../../../src/common/ids.js';
import { dataSourceOptions } from '../../../src/database/data-source.js';
import { ENTITIES } from '../../../src/domains.js';
import { CaseEvent, CaseFollower } from '../../../src/cases/case-parts.entity.js';
import { Case } from '../../../src/cases/case.entity.js';
import { Complaint } from '../../../src/complaints/complaint.entity.js';
import { databases, freshMariaDatabase } from '../../support/test-app.js';

const H = 3_600_000;
const filed = new Date('2026-11-01T02:00:00Z');
const at = (hours: number) => new Date(filed.getTime() + hours * H);

describe.each(databases())('privacy complaints moved onto the case workflow on %s', (db) => {
  it('keeps every complaint with its status, deadline, answer, reminders and history', async () => {
    const fresh = db === 'mariadb' ? await freshMariaDatabase() : null;
    const target = fresh ? ({ type: 'mariadb', url: fresh.url } as const) : ({ type: 'better-sqlite3', path: join(mkdtempSync(join(tmpdir(), 'hl-mig-')), 'm.sqlite') } as const);
    const options = dataSourceOptions(target, ENTITIES);
    const all = options.migrations as Function[];
    const index = all.findIndex((m) => m.name.startsWith('ComplaintsOnCases'));
    expect(index).toBeGreaterThan(0);
    const sqlite = db === 'sqlite';
    const v = (d: Date | null) => (d && sqlite ? d.toISOString().replace('T', ' ').replace('Z', '') : d);

    const before = new DataSource({ ...options, entities: [], migrations: all.slice(0, index) } as never);
    await before.initialize();
    await before.runMigrations();
    const [me, admin, accused] = [newId(), newId(), newId()];
    const rows = {
      open: { id: newId(), status: 'submitted', dueSoonRemindedAt: null, overdueRemindedAt: null },
      reminded: { id: newId(), status: 'submitted', dueSoonRemindedAt: at(313), overdueRemindedAt: null },
      overdue: { id: newId(), status: 'submitted', dueSoonRemindedAt: at(313), overdueRemindedAt: at(361) },
      answered: { id: newId(), status: 'answered', answer: '已核实并删除群内照片。', answeredBy: admin, answeredAt: at(30) },
      closed: { id: newId(), status: 'closed', answer: '已提醒相关人员。', answeredBy: admin, answeredAt: at(30), closedAt: at(40) },
      withdrawn: { id: newId(), status: 'withdrawn', withdrawnAt: at(5) },
    };
    for (const r of Object.values(rows) as Record<string, unknown>[]) {
      const row = { complainantId: me, category: 'data_leak', text: '网格员把我的手机号发到了楼栋群里。', subject: '网格员', accusedUserId: accused, anonymous: 1, communityId: newId(), orgPath: '/s/c/', dueAt: at(360), answer: null, answeredBy: null, answeredAt: null, closedAt: null, withdrawnAt: null, dueSoonRemindedAt: null, overdueRemindedAt: null, createdAt: filed, updatedAt: filed, ...r };
      const cols = Object.keys(row);
      await before.query(`INSERT INTO complaints (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, Object.values(row).map((x) => (x instanceof Date ? v(x) : x)));
    }
    await before.destroy();

    const after = new DataSource(options as never);
    await after.initialize();
    try {
      expect((await after.runMigrations()).map((m) => m.name)).toEqual([all[index].name, ...all.slice(index + 1).map((m) => m.name)]);
      const cases = new Map((await after.manager.find(Case)).map((c) => [c.id, c]));
      expect(cases.size).toBe(6);
      const status = (k: keyof typeof rows) => cases.get(rows[k].id)!;
      expect(Object.fromEntries(Object.keys(rows).map((k) => [k, status(k as keyof typeof rows).status]))).toEqual({ open: 'pending', reminded: 'pending', overdue: 'pending', answered: 'resolved', closed: 'closed', withdrawn: 'withdrawn' });
      for (const c of cases.values()) expect(c).toMatchObject({ kind: 'privacy_complaint', reporterId: me, category: 'data_leak', acceptDueAt: at(360), createdAt: filed });
      // The clock resumes where the old reminders stopped: due soon still to come, overdue still to come, or done.
      expect(status('open')).toMatchObject({ dueAt: at(360), dueSoonAt: at(312), escalateAt: at(360), escalationLevel: 0 });
      expect(status('reminded')).toMatchObject({ dueSoonAt: null, escalateAt: at(360), escalationLevel: 0 });
      expect(status('overdue')).toMatchObject({ dueSoonAt: null, escalateAt: null, escalationLevel: 1 });
      expect(status('answered')).toMatchObject({ dueAt: null, resolvedAt: at(30) });
      expect(status('closed').closedAt).toEqual(at(40));
      expect(status('withdrawn').closedAt).toEqual(at(5));

      const events = await after.manager.find(CaseEvent, { order: { at: 'ASC' } });
      const timeline = (k: keyof typeof rows) => events.filter((e) => e.caseId === rows[k].id).map((e) => [e.type, e.text]);
      expect(timeline('closed')).toEqual([['filed', null], ['resolved', '已提醒相关人员。'], ['closed', null]]);
      expect(timeline('overdue')).toEqual([['filed', null], ['due_soon', '即将超过答复时限'], ['escalated', '超期未答复']]);
      expect(events.find((e) => e.caseId === rows.answered.id && e.type === 'resolved')).toMatchObject({ actorId: admin, at: at(30) });
      expect(await after.manager.count(CaseFollower, { where: { userId: me } })).toBe(6);
      expect(await after.manager.findOneBy(Complaint, { id: rows.open.id })).toEqual({ id: rows.open.id, subject: '网格员', accusedUserId: accused });
    } finally {
      await after.destroy();
      await fresh?.drop();
    }
  });
});
