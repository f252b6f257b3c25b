import type { QueryRunner } from 'typeorm';
import { newId } from '../../common/ids.js';

/**
 * The data half of ComplaintsOnCases (issue #18, ADR 0017): every privacy complaint becomes a case of
 * kind privacy_complaint with the same id, its complainant as follower, and its history as timeline
 * steps (filed, reminded, overdue, answered, closed or withdrawn); the `complaints` table keeps only
 * what a complaint says beyond its case (subject, accused). Runs before the columns are dropped.
 * Shared by both dialects: values are read and written back as the driver gives them.
 */
const STATUS: Record<string, string> = { submitted: 'pending', answered: 'resolved', closed: 'closed', withdrawn: 'withdrawn' };
const DUE_SOON_MS = 48 * 3_600_000;

interface Row {
  id: string;
  complainantId: string;
  category: string;
  text: string;
  anonymous: number | boolean;
  status: string;
  communityId: string;
  orgPath: string;
  dueAt: string | Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | Date | null;
  closedAt: string | Date | null;
  withdrawnAt: string | Date | null;
  dueSoonRemindedAt: string | Date | null;
  overdueRemindedAt: string | Date | null;
  createdAt: string | Date;
  updatedAt: string | Date;
}

export async function moveComplaintsOntoCases(q: QueryRunner, sqlite: boolean): Promise<void> {
  const toDate = (v: string | Date): Date => (v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`));
  // SQLite stores datetimes as UTC text the way TypeORM writes them; MariaDB takes a Date.
  const asDb = (d: Date): string | Date => (sqlite ? d.toISOString().replace('T', ' ').replace('Z', '') : d);
  const rows = (await q.query('SELECT * FROM complaints ORDER BY id')) as Row[];
  for (const r of rows) {
    const open = r.status === 'submitted';
    const due = toDate(r.dueAt);
    await q.query(
      'INSERT INTO cases (id, kind, category, status, text, reporterId, filedById, anonymous, communityId, gridId, buildingId, orgPath, handlerId, acceptDueAt, resolveDueAt, dueAt, dueSoonAt, escalateAt, escalationLevel, acceptedAt, resolvedAt, closedAt, rating, reopenCount, mergedIntoId, exitReason, createdAt, updatedAt) ' +
        'VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, NULL, ?, NULL, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, 0, NULL, NULL, ?, ?)',
      [
        r.id, 'privacy_complaint', r.category, STATUS[r.status] ?? 'pending', r.text, r.complainantId, r.anonymous ? 1 : 0, r.communityId, r.orgPath,
        r.dueAt,
        open ? r.dueAt : null,
        open && !r.dueSoonRemindedAt && !r.overdueRemindedAt ? asDb(new Date(due.getTime() - DUE_SOON_MS)) : null,
        open && !r.overdueRemindedAt ? r.dueAt : null,
        r.overdueRemindedAt ? 1 : 0,
        r.answeredAt, r.answeredAt, r.closedAt ?? r.withdrawnAt, r.createdAt, r.updatedAt,
      ],
    );
    await q.query('INSERT INTO case_followers (id, caseId, userId, createdAt) VALUES (?, ?, ?, ?)', [newId(), r.id, r.complainantId, r.createdAt]);
    const steps: [string, string | Date | null, string | null, string | null][] = [
      ['filed', r.createdAt, r.complainantId, null],
      ['due_soon', r.dueSoonRemindedAt, null, '即将超过答复时限'],
      ['escalated', r.overdueRemindedAt, null, '超期未答复'],
      ['resolved', r.answeredAt, r.answeredBy, r.answer],
      ['closed', r.closedAt, r.complainantId, null],
      ['withdrawn', r.withdrawnAt, r.complainantId, null],
    ];
    for (const [type, at, actorId, text] of steps.filter((s) => s[1] !== null)) {
      await q.query('INSERT INTO case_events (id, caseId, at, actorId, type, text) VALUES (?, ?, ?, ?, ?, ?)', [newId(), r.id, at, actorId, type, text]);
    }
  }
}
