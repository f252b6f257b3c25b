import type { Actor } from '../../../src/common/actor.js';
import { newId } from '../../../src/common/ids.js';
import { RefreshToken } from '../../../src/auth/refresh-token.entity.js';
import { RiskEngine } from '../../../src/households/risk-engine.js';
import { VisitsService } from '../../../src/households/visits.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { actorOf, as, buildingOf, household, newPerson, type Auth } from './helpers.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const visit = { method: 'home' as const, situation: 'normal' as const, seenUserIds: [] as string[], needs: [] as string[] };

describe.each(databases())('risk warnings 风险预警 on %s', (db) => {
  let t: TestApp;
  let worker: Auth;
  let otherOrganiser: Auth;
  let actor: Actor;
  let engine: RiskEngine;
  let visits: VisitsService;
  let building: string;
  const open = async (where: string, params: unknown[]) => (await t.dataSource.query(`SELECT * FROM risk_warnings WHERE status <> 'resolved' AND ${where}`, params)) as { id: string; sentence: string; level: string; escalation: number }[];
  const alone = async (room: string, name: string) => {
    const p = await newPerson(t, name, 1941, building);
    const h = await household(t, worker, building, room, [{ userId: p }]);
    await as(t, worker).post(`/api/org/grid/persons/${p}/tags`, { tag: 'elder_alone', source: 'grid_verified' });
    return { person: p, household: h };
  };

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [worker, otherOrganiser] = await Promise.all(['grid_worker', 'organiser_b'].map((p) => t.login(p)));
    actor = await actorOf(t, worker.userId);
    engine = t.app.get(RiskEngine);
    visits = t.app.get(VisitsService);
    building = await buildingOf(t, '幸福一网格');
  });
  afterAll(() => t.close());

  it('seeds two open warnings for the grid worker', async () => {
    const list = (await as(t, worker).get('/api/org/grid/warnings')).body;
    expect(list.map((w: { level: string }) => w.level).sort()).toEqual(['orange', 'red']);
  });

  it('warns of an unvisited elder living alone on the day of twice the cadence, not a day earlier', async () => {
    const { person, household: h } = await alone('R1', '冯秀兰');
    const visited = new Date('2027-01-04T02:00:00Z'); // 10:00 Beijing
    await visits.record(actor, h, { ...visit, visitedAt: visited.toISOString() }, visited);
    expect(await engine.scan(new Date('2027-01-17T15:59:00Z'), [h])).toBe(0); // 17 Jan 23:59 Beijing: 13 days
    expect(await open('subjectId = ?', [person])).toEqual([]);
    expect(await engine.scan(new Date('2027-01-17T16:00:00Z'), [h])).toBe(1); // 18 Jan 00:00 Beijing: 14 days
    const [w] = await open('subjectId = ?', [person]);
    expect(w.level).toBe('red');
    expect(w.sentence).toContain('独居老人冯秀兰（86岁');
    expect(w.sentence).toContain('已14天未走访（应每7天走访一次）');
  });

  it('does not warn while the elder shows signs of life in the product, and does once they stop', async () => {
    const { person, household: h } = await alone('R2', '蒋淑珍');
    const visited = new Date('2027-01-04T02:00:00Z');
    await visits.record(actor, h, { ...visit, visitedAt: visited.toISOString() }, visited);
    await t.dataSource.manager.insert(RefreshToken, { id: newId(), userId: person, familyId: newId(), tokenHash: newId() + newId(), expiresAt: new Date('2027-02-01T00:00:00Z'), usedAt: null, revokedAt: null, createdAt: new Date('2027-01-14T02:00:00Z') });
    expect(await engine.scan(new Date('2027-01-18T02:00:00Z'), [h])).toBe(0); // logged in 4 days ago
    expect(await engine.scan(new Date('2027-01-20T15:59:00Z'), [h])).toBe(0); // 6 days
    expect(await engine.scan(new Date('2027-01-20T16:00:00Z'), [h])).toBe(1); // 7 days silent
    expect((await open('subjectId = ?', [person]))[0].sentence).toContain('近7天在小程序里也没有登录');
  });

  it('never opens two warnings for one rule and subject, even under concurrent full and incremental scans', async () => {
    const { person, household: h } = await alone('R3', '沈桂英');
    const visited = new Date('2027-02-01T02:00:00Z');
    await visits.record(actor, h, { ...visit, visitedAt: visited.toISOString() }, visited);
    const when = new Date('2027-02-20T02:00:00Z');
    const raised = await Promise.all([engine.scan(when), engine.scan(when, [h]), engine.scan(when, [h]), engine.scan(when)]);
    expect(raised.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await open('subjectId = ?', [person])).toHaveLength(1);
    expect(await engine.scan(when)).toBe(0);
    expect(await open('subjectId = ?', [person])).toHaveLength(1);
  });

  it('warns at once after the second 无人应答 in a row; acknowledge, resolve, and new facts raise it again', async () => {
    const { household: h } = await alone('R4', '韩玉梅');
    const post = (situation: string) => as(t, worker).post(`/api/org/grid/households/${h}/visits`, { ...visit, situation });
    await post('no_answer');
    expect(await open('subjectId = ?', [h])).toEqual([]);
    await post('no_answer');
    const [w] = await open('subjectId = ?', [h]);
    expect(w.level).toBe('orange');
    expect(w.sentence).toMatch(/连续2次走访无人应答/);

    expect((await as(t, otherOrganiser).post(`/api/org/grid/warnings/${w.id}/acknowledge`)).status).toBe(404);
    expect((await as(t, worker).post(`/api/org/grid/warnings/${w.id}/resolve`, { note: '已联系女儿' })).body.code).toBe('WARNING_NOT_ACKNOWLEDGED');
    expect((await as(t, worker).post(`/api/org/grid/warnings/${w.id}/acknowledge`)).body.status).toBe('acknowledged');
    const resolved = await as(t, worker).post(`/api/org/grid/warnings/${w.id}/resolve`, { note: '已联系女儿，老人住院中' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionNote: '已联系女儿，老人住院中' });
    expect((await as(t, worker).post(`/api/org/grid/warnings/${w.id}/resolve`, { note: '再次解除' })).body.code).toBe('WARNING_NOT_OPEN');

    expect(await engine.scan(new Date(), [h])).toBe(0); // same facts: stays resolved
    await post('no_answer'); // a third 无人应答 is a new fact
    expect(await open('subjectId = ?', [h])).toHaveLength(1);
  });

  it('escalates an unacknowledged red warning to the community after 24 hours and to the street after 48, once each', async () => {
    const { person, household: h } = await alone('R5', '杨凤英');
    const visited = new Date('2027-03-01T02:00:00Z');
    await visits.record(actor, h, { ...visit, visitedAt: visited.toISOString() }, visited);
    const raisedAt = new Date('2027-03-20T02:00:00Z');
    await engine.scan(raisedAt, [h]);
    const [w] = await open('subjectId = ?', [person]);
    const outbox = async (kind: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM outbox_messages WHERE dedupeKey LIKE ?`, [`risk:${w.id}:${kind}%`]))[0].n);
    expect(await outbox('raised')).toBeGreaterThan(0);
    await engine.escalate(new Date(raisedAt.getTime() + 24 * HOUR - 1000));
    expect((await open('id = ?', [w.id]))[0].escalation).toBe(0);
    await engine.escalate(new Date(raisedAt.getTime() + 24 * HOUR));
    await engine.escalate(new Date(raisedAt.getTime() + 24 * HOUR));
    expect((await open('id = ?', [w.id]))[0].escalation).toBe(1);
    expect(await outbox('escalated:1')).toBeGreaterThan(0);
    await engine.escalate(new Date(raisedAt.getTime() + 48 * HOUR - 1000));
    expect((await open('id = ?', [w.id]))[0].escalation).toBe(1);
    await engine.escalate(new Date(raisedAt.getTime() + 48 * HOUR));
    expect((await open('id = ?', [w.id]))[0].escalation).toBe(2);
    expect(await outbox('escalated:2')).toBeGreaterThan(0);
    await engine.escalate(new Date(raisedAt.getTime() + 30 * DAY));
    expect((await open('id = ?', [w.id]))[0].escalation).toBe(2);
  });

  it('stops the escalation clock once acknowledged', async () => {
    const { person, household: h } = await alone('R6', '朱桂珍');
    const visited = new Date('2027-04-01T02:00:00Z');
    await visits.record(actor, h, { ...visit, visitedAt: visited.toISOString() }, visited);
    await engine.scan(new Date('2027-04-20T02:00:00Z'), [h]);
    const [w] = await open('subjectId = ?', [person]);
    await as(t, worker).post(`/api/org/grid/warnings/${w.id}/acknowledge`);
    await engine.escalate(new Date('2027-05-20T02:00:00Z'));
    expect((await open('id = ?', [w.id]))[0].escalation).toBe(0);
  });
});
