import { jest } from '@jest/globals';
import { AuditHeadPublisher } from '../../../src/audit/audit-head-publisher.js';
import { JsonLogger } from '../../../src/common/logger.js';
import { AuditRepository } from '../../../src/audit/audit.repository.js';
import { verifyAuditChain, type Anchor } from '../../../src/audit/audit-verify.js';
import { as, publish, type Auth } from '../family/family-fixtures.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('audit chain on %s', (db) => {
  let t: TestApp;
  let organiser: Auth;
  const verify = (anchors: Anchor[] = []) => verifyAuditChain(t.app.get(AuditRepository), anchors);
  const row = async (seq: number) => (await t.dataSource.query('SELECT * FROM audit_entries WHERE seq = ?', [seq]))[0];
  const put = (r: Record<string, unknown>) =>
    t.dataSource.query(`INSERT INTO audit_entries (${Object.keys(r).join(', ')}) VALUES (${Object.keys(r).map(() => '?').join(', ')})`, Object.values(r));

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    organiser = await t.login('grid_worker');
  });
  afterAll(() => t.close());

  it('stays one unbroken chain under 20 parallel organiser writes', async () => {
    const activities = await Promise.all(Array.from({ length: 20 }, () => publish(t, organiser)));
    const results = await Promise.all(activities.map((a) => as(t, organiser).post(`/api/activities/${a.id}/cancel`, { reason: '统一调整时间' })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const seqs = (await t.dataSource.query('SELECT seq FROM audit_entries ORDER BY seq')).map((r: { seq: number }) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    expect(seqs.length).toBeGreaterThanOrEqual(40);
    expect(await verify()).toMatchObject({ entries: seqs.length, ok: true, head: { seq: seqs.length } });
    const [head] = await t.dataSource.query('SELECT seq FROM audit_head');
    expect(Number(head.seq)).toBe(seqs.length);
  });

  it('finds a row whose content was edited', async () => {
    const original = await row(3);
    await t.dataSource.query('UPDATE audit_entries SET subjectUserId = ? WHERE seq = 3', [organiser.userId]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'edited' });
    await t.dataSource.query('UPDATE audit_entries SET subjectUserId = ? WHERE seq = 3', [original.subjectUserId]);
    expect((await verify()).ok).toBe(true);
  });

  it('finds a row edited and re-hashed, by the broken link to the next one', async () => {
    const original = await row(4);
    const { entryHash } = await import('../../../src/audit/audit-chain.js');
    const at = original.at instanceof Date ? original.at : new Date(`${String(original.at).replace(' ', 'T')}Z`); // SQLite gives UTC text
    const forged = { ...original, action: 'POST /api/org/mall/items', at };
    await t.dataSource.query('UPDATE audit_entries SET action = ?, hash = ? WHERE seq = 4', [forged.action, entryHash(original.prevHash, forged)]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 5, reason: 'edited' });
    await t.dataSource.query('UPDATE audit_entries SET action = ?, hash = ? WHERE seq = 4', [original.action, original.hash]);
    expect((await verify()).ok).toBe(true);
  });

  it('finds a deleted row by the gap it leaves', async () => {
    const original = await row(7);
    await t.dataSource.query('DELETE FROM audit_entries WHERE seq = 7');
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 7, reason: 'deleted', entries: 6 });
    await put(original);
    expect((await verify()).ok).toBe(true);
  });

  it('finds a deleted tail by the head it no longer reaches', async () => {
    const [{ seq }] = await t.dataSource.query('SELECT seq FROM audit_head');
    const last = Number(seq);
    const tail = [await row(last - 1), await row(last)];
    await t.dataSource.query('DELETE FROM audit_entries WHERE seq >= ?', [last - 1]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: last - 1, reason: 'deleted' });
    for (const r of tail) await put(r);
    expect((await verify()).ok).toBe(true);
  });

  it('finds a deleted tail with the head rolled back to match, against a head published earlier', async () => {
    const published = await verify();
    if (!published.ok) throw new Error('chain broken before the test');
    const last = published.head.seq;
    const tail = await row(last);
    const [before] = await t.dataSource.query('SELECT hash FROM audit_entries WHERE seq = ?', [last - 1]);
    // A careful forger: drop the last entry and move the head back onto the one before it.
    await t.dataSource.query('DELETE FROM audit_entries WHERE seq = ?', [last]);
    await t.dataSource.query('UPDATE audit_head SET seq = ?, hash = ?', [last - 1, before.hash]);
    expect((await verify()).ok).toBe(true); // the database alone cannot tell
    expect(await verify([published.head])).toMatchObject({ ok: false, firstBrokenSeq: last, reason: 'deleted' });
    await put(tail);
    await t.dataSource.query('UPDATE audit_head SET seq = ?, hash = ?', [published.head.seq, published.head.hash]);
    expect((await verify([published.head])).ok).toBe(true);
  });

  it('publishes the head to the log hourly, as an anchor the verify command accepts', async () => {
    const spy = jest.spyOn(t.app.get(JsonLogger), 'event');
    try {
      await t.app.get(AuditHeadPublisher).publish();
      const line = spy.mock.calls.find((c) => c[1] === 'audit head');
      const [seq, hash] = String(line?.[2].anchor).split(':');
      expect((await verify([{ seq: Number(seq), hash }])).ok).toBe(true);
      expect((await verify([{ seq: Number(seq), hash: 'f'.repeat(64) }])).ok).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });

  it('finds a row added past the head', async () => {
    const [{ seq }] = await t.dataSource.query('SELECT seq FROM audit_head');
    const copy = { ...(await row(Number(seq))), id: '0'.repeat(26), seq: Number(seq) + 1 };
    await put(copy);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: Number(seq) + 1, reason: 'inserted' });
    await t.dataSource.query('DELETE FROM audit_entries WHERE seq = ?', [copy.seq]);
    expect((await verify()).ok).toBe(true);
  });

  it('undoes an organiser write whose entry cannot be written: the two commit together', async () => {
    const a = await publish(t, organiser);
    // A head pointing back into the chain: the next entry's sequence number is taken, so the append fails.
    const [head] = await t.dataSource.query('SELECT seq, hash FROM audit_head');
    await t.dataSource.query('UPDATE audit_head SET seq = 1');
    const res = await as(t, organiser).post(`/api/activities/${a.id}/cancel`, { reason: '天气原因' });
    expect(res.status).toBe(500);
    const [activity] = await t.dataSource.query('SELECT status FROM activities WHERE id = ?', [a.id]);
    expect(activity.status).toBe('published');
    await t.dataSource.query('UPDATE audit_head SET seq = ?, hash = ?', [head.seq, head.hash]);
    expect((await as(t, organiser).post(`/api/activities/${a.id}/cancel`, { reason: '天气原因' })).status).toBe(200);
    expect((await verify()).ok).toBe(true);
  });
});
