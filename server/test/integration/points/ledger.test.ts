import { periodKey, type PointsAction } from '@honglin/shared';
import { clock } from '../../../src/common/clock.js';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { LedgerService, type CreditInput } from '../../../src/points/ledger.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('points ledger on %s', (db) => {
  let t: TestApp;
  let ledger: LedgerService;
  let tx: TransactionRunner;
  let users: { id: string; branchNodeId: string | null }[];
  let n = 0;
  const key = () => `test:${Date.now()}:${n++}`;
  const credit = (input: Partial<CreditInput> & { userId: string; action: PointsAction }) =>
    tx.run((em) => ledger.credit(em, { source: { type: 'test', id: 'x' }, idempotencyKey: key(), nodeId: null, ...input }));
  const balanceOf = async (userId: string) => Number((await t.dataSource.query('SELECT balance FROM points_balances WHERE userId = ?', [userId]))[0]?.balance ?? 0);

  beforeAll(async () => {
    t = await startTestApp(db);
    ledger = t.app.get(LedgerService);
    tx = t.app.get(TransactionRunner);
    users = await t.dataSource.query('SELECT id, branchNodeId FROM users WHERE branchNodeId IS NOT NULL ORDER BY id');
  });
  afterAll(() => t.close());

  it('records the 13th article of a day as capped at zero with the daily-cap reason', async () => {
    const userId = users[0].id;
    const before = await balanceOf(userId);
    for (let i = 0; i < 12; i++) expect((await credit({ userId, action: 'article_read' })).awarded).toBe(1);
    const over = await credit({ userId, action: 'article_read' });
    expect(over).toMatchObject({ awarded: 0, capped: true, capReason: 'daily_cap', duplicate: false });
    const row = (await t.dataSource.query('SELECT amount, requested, capped, note FROM points_entries WHERE id = ?', [over.entryId]))[0];
    expect(Number(row.amount)).toBe(0);
    expect(Number(row.requested)).toBe(1);
    expect(row.note).toBe('已达今日上限');
    expect(await balanceOf(userId)).toBe(before + 12);
  });

  it('awards the part of a request that fits under the cap', async () => {
    const userId = users[1].id;
    expect(await credit({ userId, action: 'daily_quiz', amount: 3 })).toMatchObject({ awarded: 3, capped: false });
    expect(await credit({ userId, action: 'daily_quiz', amount: 4 })).toMatchObject({ awarded: 2, capped: true, capReason: 'daily_cap' });
  });

  it('counts a cap per Beijing day, so yesterday evening does not use up today', async () => {
    const userId = users[2].id;
    const lateYesterday = new Date(Date.now() - 86_400_000);
    expect((await credit({ userId, action: 'login', at: lateYesterday })).awarded).toBe(1);
    expect((await credit({ userId, action: 'login' })).awarded).toBe(1);
    expect((await credit({ userId, action: 'login' })).capped).toBe(true);
  });

  it('starts a new daily cap at Beijing midnight (16:00 UTC), not at UTC midnight', async () => {
    const userId = users[3].id;
    const midnight = new Date('2027-01-05T16:00:00Z'); // 2027-01-06 00:00 Beijing
    try {
      clock.pin(new Date(midnight.getTime() - 30_000)); // 23:59:30 Beijing
      expect((await credit({ userId, action: 'login' })).awarded).toBe(1);
      expect((await credit({ userId, action: 'login' })).capped).toBe(true);
      clock.pin(new Date(midnight.getTime() + 30_000)); // 00:00:30 Beijing
      expect((await credit({ userId, action: 'login' })).awarded).toBe(1);
      clock.pin(new Date('2027-01-06T15:59:00Z')); // 23:59 Beijing the same day: still capped
      expect((await credit({ userId, action: 'login' })).capped).toBe(true);
    } finally {
      clock.reset();
    }
  });

  it('returns the first result for a repeated idempotency key and writes nothing', async () => {
    const userId = users[3].id;
    const before = await balanceOf(userId);
    const k = key();
    const first = await credit({ userId, action: 'meeting_attendance', idempotencyKey: k });
    const again = await credit({ userId, action: 'meeting_attendance', idempotencyKey: k });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS c FROM points_entries WHERE idempotencyKey = ?', [k]))[0].c)).toBe(1);
    expect(await balanceOf(userId)).toBe(before + 2);
    await expect(credit({ userId: users[4].id, action: 'meeting_attendance', idempotencyKey: k })).rejects.toMatchObject({ code: 'POINTS_KEY_REUSED' });
  });

  it("applies a branch's override to members of its groups, deepest override first", async () => {
    const member = users.find((u) => u.branchNodeId)!;
    const [group] = await t.dataSource.query('SELECT path FROM org_nodes WHERE id = ?', [member.branchNodeId]);
    const branchId = group.path.split('/').filter(Boolean).at(-2);
    await t.dataSource.query("INSERT INTO points_rules (id, nodeId, action, points, dailyCap, weeklyCap, yearlyCap, active, updatedBy) VALUES (?, ?, 'share', 3, 3, NULL, NULL, 1, ?)", ['r'.repeat(26), branchId, member.id]);
    const r = await credit({ userId: member.id, action: 'share' });
    expect(r.awarded).toBe(3);
    expect((await credit({ userId: member.id, action: 'share' })).capReason).toBe('daily_cap');
    await t.dataSource.query("INSERT INTO points_rules (id, nodeId, action, points, dailyCap, weeklyCap, yearlyCap, active, updatedBy) VALUES (?, ?, 'comment', 1, 1, NULL, NULL, 0, ?)", ['s'.repeat(26), branchId, member.id]);
    expect(await credit({ userId: member.id, action: 'comment' })).toMatchObject({ awarded: 0, capped: true, capReason: 'inactive' });
  });

  it('reverses with a compensating entry once, freeing the cap it used', async () => {
    const userId = users[5].id;
    const c = await credit({ userId, action: 'share' });
    const k = key();
    const rev = await tx.run((em) => ledger.reverse(em, c.entryId, '误操作撤销', k));
    expect(rev).toMatchObject({ amount: -c.awarded, duplicate: false });
    expect(await tx.run((em) => ledger.reverse(em, c.entryId, '误操作撤销', k))).toMatchObject({ entryId: rev.entryId, duplicate: true });
    await expect(tx.run((em) => ledger.reverse(em, c.entryId, '再次撤销', key()))).rejects.toMatchObject({ code: 'POINTS_ALREADY_REVERSED' });
    expect((await credit({ userId, action: 'share' })).awarded).toBe(c.awarded);
    expect(Number((await t.dataSource.query("SELECT COUNT(*) AS c FROM points_entries WHERE userId = ? AND action = 'share'", [userId]))[0].c)).toBe(3);
  });

  it('refuses a debit beyond the balance and changes nothing', async () => {
    const userId = users[6].id;
    await credit({ userId, action: 'volunteer_hours', amount: 5 });
    const had = await balanceOf(userId);
    await expect(credit({ userId, action: 'mall_redeem', amount: -(had + 1) })).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
    expect(await balanceOf(userId)).toBe(had);
    expect((await credit({ userId, action: 'mall_redeem', amount: -had })).awarded).toBe(-had);
    expect(await balanceOf(userId)).toBe(0);
  });

  it('keeps every balance equal to its ledger sum under random concurrent credits, debits, reversals and retries', async () => {
    // mulberry32: a small seeded generator, so a failure can be replayed.
    let seed = 20261129;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const people = users.slice(8, 14).map((u) => u.id);
    const keys: string[] = [];
    const entries: string[] = [];
    const op = async () => {
      const r = rand();
      const userId = pick(people);
      try {
        if (r < 0.45) {
          const k = `prop:${keys.length}:${rand()}`;
          keys.push(k);
          const action = pick<PointsAction>(['article_read', 'login', 'volunteer_hours', 'activity_attendance', 'adjustment']);
          const res = await credit({ userId, action, idempotencyKey: k, amount: action === 'volunteer_hours' || action === 'adjustment' ? 1 + Math.floor(rand() * 4) : undefined });
          entries.push(res.entryId);
        } else if (r < 0.6) {
          const res = await credit({ userId, action: 'mall_redeem', amount: -(1 + Math.floor(rand() * 5)) });
          entries.push(res.entryId);
        } else if (r < 0.75 && entries.length) {
          await tx.run((em) => ledger.reverse(em, pick(entries), '撤销', `rev:${rand()}`));
        } else if (keys.length) {
          // A retried request: same key, same member.
          const k = pick(keys);
          const owner = (await t.dataSource.query('SELECT userId FROM points_entries WHERE idempotencyKey = ?', [k]))[0]?.userId;
          if (owner) expect((await credit({ userId: owner, action: 'login', idempotencyKey: k })).duplicate).toBe(true);
        }
      } catch (e) {
        if (!['POINTS_INSUFFICIENT', 'POINTS_ALREADY_REVERSED', 'NOT_FOUND'].includes((e as { code?: string }).code ?? '')) throw e;
      }
    };
    for (let round = 0; round < 10; round++) await Promise.all(Array.from({ length: 25 }, op));

    const sums = await t.dataSource.query(
      `SELECT b.userId, b.balance, (SELECT COALESCE(SUM(e.amount), 0) FROM points_entries e WHERE e.userId = b.userId) AS total FROM points_balances b`,
    );
    for (const s of sums) expect([s.userId, Number(s.balance)]).toEqual([s.userId, Number(s.total)]);
    for (const s of sums) expect(Number(s.balance)).toBeGreaterThanOrEqual(0);
    const dupes = await t.dataSource.query('SELECT idempotencyKey, COUNT(*) AS c FROM points_entries GROUP BY idempotencyKey HAVING COUNT(*) > 1');
    expect(dupes).toEqual([]);
    const credited = await t.dataSource.query(`SELECT COUNT(*) AS c FROM points_entries WHERE idempotencyKey LIKE 'prop:%'`);
    expect(Number(credited[0].c)).toBe(keys.length);

    // Per member per period: the ranking score equals the sum of earned entries counted in that period.
    const earned = await t.dataSource.query(
      "SELECT userId, periodAt, amount FROM points_entries WHERE action NOT IN ('mall_redeem', 'mall_refund')",
    );
    const expected = new Map<string, number>();
    for (const e of earned) {
      const at = new Date(typeof e.periodAt === 'string' ? `${e.periodAt.replace(' ', 'T')}Z` : e.periodAt);
      for (const p of ['all', periodKey('year', at), periodKey('month', at), periodKey('week', at)]) {
        const k = `${e.userId}|${p}`;
        expected.set(k, (expected.get(k) ?? 0) + Number(e.amount));
      }
    }
    const scores = await t.dataSource.query('SELECT userId, periodKey, points FROM points_period_scores');
    for (const s of scores) expect([s.userId, s.periodKey, Number(s.points)]).toEqual([s.userId, s.periodKey, expected.get(`${s.userId}|${s.periodKey}`) ?? 0]);
  });
});
