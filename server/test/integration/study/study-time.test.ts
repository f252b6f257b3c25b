import { StudyClock } from '../../../src/study/study-settings.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('study time that cannot be faked on %s', (db) => {
  let t: TestApp;
  let clock: StudyClock;
  let member: { token: string; userId: string };
  let article: string;
  let video: string;
  const start = async (contentId: string, token = member.token) => (await t.http.post('/api/study/sessions').set('Authorization', token).send({ contentId })).body;
  const beat = (sessionId: string, seq: number, body: Record<string, unknown> = {}, token = member.token) =>
    t.http.post(`/api/study/sessions/${sessionId}/heartbeats`).set('Authorization', token).send({ seq, ...body });

  beforeAll(async () => {
    t = await startTestApp(db);
    clock = t.app.get(StudyClock);
    member = await t.login('party_member');
    const contents = (await t.http.get('/api/study/contents?limit=50').set('Authorization', member.token)).body;
    article = contents.find((c: { kind: string; category: string }) => c.kind === 'article' && c.category === '基层治理').id;
    video = contents.find((c: { kind: string }) => c.kind === 'video').id;
  });
  afterAll(() => t.close());

  it('credits the read point only once the minimum effective time is reached', async () => {
    const s = await start(article);
    expect(s).toMatchObject({ heartbeatSeconds: 15, minSeconds: 60, contentSeconds: 0 });
    for (let seq = 1; seq <= 3; seq++) {
      clock.advance(15);
      const r = await beat(s.sessionId, seq);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ credited: 15, contentSeconds: 15 * seq, completed: false, points: [] });
    }
    clock.advance(15);
    const fourth = (await beat(s.sessionId, 4)).body;
    expect(fourth).toMatchObject({ contentSeconds: 60, completed: true, points: [{ action: 'article_read', awarded: 1, capped: false }] });
    clock.advance(15);
    expect((await beat(s.sessionId, 5)).body.points).toEqual([]);
  });

  it('awards a study-time point per 4 minutes of effective reading', async () => {
    const s = await start(article);
    let points: { action: string }[] = [];
    for (let seq = 1; seq <= 12; seq++) {
      clock.advance(15);
      points = points.concat((await beat(s.sessionId, seq)).body.points);
    }
    // 75 s before + 180 s now = 255 s: one whole 240 s block.
    expect(points).toEqual([{ action: 'article_time', awarded: 1, capped: false }]);
  });

  it('refuses heartbeats that come too fast, replayed or out of order, and counts nothing for them', async () => {
    const s = await start(article);
    clock.advance(3);
    const fast = await beat(s.sessionId, 1);
    expect([fast.status, fast.body.code]).toEqual([429, 'STUDY_HEARTBEAT_TOO_FAST']);
    clock.advance(12);
    expect((await beat(s.sessionId, 1)).body.sessionSeconds).toBe(15);
    clock.advance(15);
    const replay = await beat(s.sessionId, 1);
    expect([replay.status, replay.body.code]).toEqual([409, 'STUDY_HEARTBEAT_OUT_OF_ORDER']);
    expect((await beat(s.sessionId, 2)).body.sessionSeconds).toBe(30);
  });

  it('credits nothing for a gap longer than the allowed interval and never more than wall time', async () => {
    const s = await start(article);
    clock.advance(600);
    expect((await beat(s.sessionId, 1)).body.credited).toBe(0);
    clock.advance(20);
    expect((await beat(s.sessionId, 2)).body.credited).toBe(20);
    clock.advance(29);
    expect((await beat(s.sessionId, 3)).body.sessionSeconds).toBe(49);
  });

  it('does not count the skipped part when a video position jumps ahead', async () => {
    const s = await start(video);
    clock.advance(15);
    expect((await beat(s.sessionId, 1, { position: 15 })).body.credited).toBe(15);
    clock.advance(15);
    expect((await beat(s.sessionId, 2, { position: 400 })).body.credited).toBe(0);
    clock.advance(15);
    expect((await beat(s.sessionId, 3, { position: 415 })).body.credited).toBe(15);
    clock.advance(15);
    expect((await beat(s.sessionId, 4, { position: 415 })).body.credited).toBe(0); // paused
    expect((await beat(s.sessionId, 5, { position: 430 })).status).toBe(429);
  });

  it('never runs two sessions of one member at once: opening a second closes the first', async () => {
    const first = await start(article);
    const second = await start(video);
    clock.advance(15);
    const old = await beat(first.sessionId, 1);
    expect([old.status, old.body.code]).toEqual([409, 'STUDY_SESSION_CLOSED']);
    expect((await beat(second.sessionId, 1, { position: 15 })).body.credited).toBe(15);
    const open = await t.dataSource.query('SELECT COUNT(*) AS n FROM study_sessions WHERE activeUserId = ?', [member.userId]);
    expect(Number(open[0].n)).toBe(1);
  });

  it("refuses beats after the session closed, and someone else's session as not found", async () => {
    const s = await start(article);
    const other = await t.login('organiser_a');
    clock.advance(15);
    expect((await beat(s.sessionId, 1, {}, other.token)).status).toBe(404);
    expect((await t.http.post(`/api/study/sessions/${s.sessionId}/close`).set('Authorization', member.token).send({})).body.closed).toBe(true);
    const late = await beat(s.sessionId, 1);
    expect([late.status, late.body.code]).toEqual([409, 'STUDY_SESSION_CLOSED']);
    const bad = await beat(s.sessionId, 0);
    expect(bad.status).toBe(400);
  });
});
