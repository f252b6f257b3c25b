import { QueueBatcher } from '../../../src/enrollment/queue-batcher.js';
import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

const HOUR = 3_600_000;

// Sign-ups for a full activity that arrive together join the queue in one transaction
// (enrollment/queue-batcher.ts). These prove the batch keeps every rule of a single sign-up.
describe.each(databases())('a burst of sign-ups for a full activity on %s', (db) => {
  let t: TestApp;
  let bearer: (userId: string) => string;
  let people: { id: string }[];
  let organiser: string;
  let xingfu: OrgNode;

  const publish = async (capacity: number, extra: object = {}) =>
    (
      await t.http.post('/api/activities').set('Authorization', organiser).send({
        communityId: xingfu.id, title: '候补压力测试', category: 'talk', place: '党群服务中心', capacity, maxCompanions: 1,
        startsAt: new Date(Date.now() + 48 * HOUR).toISOString(), endsAt: new Date(Date.now() + 50 * HOUR).toISOString(), ...extra,
      })
    ).body as { id: string };
  const signUp = (activityId: string, userId: string, body: object = {}) => t.http.post(`/api/activities/${activityId}/signup`).set('Authorization', bearer(userId)).send(body);
  const rows = (activityId: string) =>
    t.dataSource.query('SELECT e.userId, e.status FROM enrollments e JOIN activities a ON a.slotId = e.slotId WHERE a.id = ?', [activityId]) as Promise<{ userId: string; status: string }[]>;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    const { TokenService } = await import('../../../src/auth/token.service.js');
    const tokens = t.app.get(TokenService);
    bearer = (userId) => `Bearer ${tokens.signAccess(userId)}`;
    organiser = (await t.login('grid_worker')).token;
    xingfu = (await t.dataSource.manager.findOne(OrgNode, { where: { name: '幸福社区' } }))!;
    people = await t.dataSource.query('SELECT id FROM users WHERE demoPersona IS NULL AND birthYear IS NOT NULL ORDER BY id LIMIT 30');
  });
  afterAll(() => t.close());

  it('queues everyone who signs up together once the places are gone, each once, with one notice each', async () => {
    const batcher = t.app.get(QueueBatcher);
    const join = batcher.join.bind(batcher);
    let batched = 0;
    batcher.join = async (...args) => {
      const placed = await join(...args);
      if (placed) batched++;
      return placed;
    };
    const a = await publish(2);
    for (const p of people.slice(0, 3)) expect((await signUp(a.id, p.id)).status).toBe(201); // 2 seated, the 3rd queued
    const burst = people.slice(3, 25);
    // Two of them tap twice, and one of the seated people tries again.
    const answers = await Promise.all([...burst.map((p) => signUp(a.id, p.id)), signUp(a.id, burst[0].id), signUp(a.id, burst[1].id), signUp(a.id, people[0].id)]);
    const [again0, again1, seatedAgain] = answers.slice(burst.length);
    expect([again0.status, again1.status, seatedAgain.status].every((s) => s === 201 || s === 409)).toBe(true);
    expect(seatedAgain.status).toBe(409);
    const queued = answers.filter((r) => r.status === 201);
    expect(queued).toHaveLength(burst.length);
    expect(batched).toBeGreaterThan(0); // the burst really went through the batch
    expect(queued.every((r) => r.body.status === 'waitlisted' && r.body.waitlistPosition >= 2)).toBe(true);
    const stored = await rows(a.id);
    expect(stored).toHaveLength(25);
    expect(new Set(stored.map((r) => r.userId)).size).toBe(25);
    expect(stored.filter((r) => r.status === 'confirmed')).toHaveLength(2);
    const notices = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM outbox_messages WHERE kind = 'enrollment_waitlisted' AND userId IN (" + burst.map(() => '?').join(',') + ')',
      burst.map((p) => p.id),
    );
    expect(Number(notices[0].n)).toBe(burst.length);
    // The answer's place agrees with the queue as read back afterwards.
    const mine = await t.http.get('/api/activities/mine').set('Authorization', bearer(burst[5].id));
    const entry = (mine.body as { activity: { id: string }; waitlistPosition: number }[]).find((m) => m.activity.id === a.id);
    expect(entry?.waitlistPosition).toBeGreaterThanOrEqual(2);
  });

  it('leaves sign-ups with a rule to check (age, companions) to the ordinary path and its refusals', async () => {
    const a = await publish(1, { eligibility: { minAge: 18, maxAge: 30 } });
    const young = (await t.dataSource.query('SELECT id FROM users WHERE birthYear >= ? AND demoPersona IS NULL', [new Date().getFullYear() - 30])) as { id: string }[];
    const old = people.filter((p) => !young.some((y) => y.id === p.id)).slice(0, 6);
    const answers = await Promise.all(old.map((p) => signUp(a.id, p.id)));
    expect(answers.every((r) => r.status === 422 || r.status === 403 || r.status === 409)).toBe(true);
    expect(answers.every((r) => r.body.code === 'ENROLLMENT_AGE_INELIGIBLE')).toBe(true);
    const b = await publish(1);
    await signUp(b.id, people[26].id);
    await signUp(b.id, people[27].id); // queued: the slot is now seen as full
    const tooMany = await signUp(b.id, people[28].id, { companions: [{ name: '甲', age: 30 }, { name: '乙', age: 31 }] });
    expect(tooMany.body.code).toBe('ENROLLMENT_TOO_MANY_COMPANIONS');
  });
});
