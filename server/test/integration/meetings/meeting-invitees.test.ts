import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { bearerFor, beijingAt, branchA, createMeeting, minutesFromNow, nonce, reminderRows, type BranchA } from './meeting-fixtures.js';

describe.each(databases())('changing meeting invitees on %s', (db) => {
  let t: TestApp;
  let a: BranchA;
  let orgB: string;
  let memberId: string;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    a = await branchA(t);
    orgB = (await t.login('organiser_b')).token;
    memberId = (await t.login('party_member')).userId;
  });
  afterAll(() => t.close());

  const patch = (id: string, body: object, auth = a.orgA) => t.http.patch(`/api/meetings/${id}`).set('Authorization', auth).send(body);
  const invited = async (id: string) => ((await t.http.get(`/api/meetings/${id}/attendance`).set('Authorization', a.orgA)).body.rows as { userId: string }[]).map((r) => r.userId).sort();
  const later = { startsAt: beijingAt(3, 10).toISOString(), endsAt: beijingAt(3, 12).toISOString() };
  const notices = (id: string, userId: string) => t.dataSource.query('SELECT title, body FROM outbox_messages WHERE userId = ? AND dedupeKey LIKE ? ORDER BY id', [userId, `meeting:${id}:%`]);

  it('replaces the invitees before the start: newcomers are invited and reminded, people taken off are told and no longer reminded', async () => {
    const dropped = a.members.find((p) => p.id === memberId)!; // 李建国 manages nothing: off the list, the meeting is gone for him
    const [kept, newcomer] = a.members.filter((p) => p !== dropped);
    const m = await createMeeting(t, a, { ...later, invitees: { kind: 'members', userIds: [kept.id, dropped.id] } });
    const res = await patch(m.id, { invitees: { kind: 'members', userIds: [kept.id, newcomer.id] } });
    expect(res.status).toBe(200);
    expect(res.body.counts.invited).toBe(2);
    expect(await invited(m.id)).toEqual([kept.id, newcomer.id].sort());

    expect((await notices(m.id, newcomer.id)).map((n: { title: string }) => n.title)).toEqual(['会议通知：十一月主题党日']);
    expect(await notices(m.id, kept.id)).toHaveLength(1); // the first invitation only
    const told = await notices(m.id, dropped.id);
    expect(told.map((n: { body: string }) => n.body)).toEqual([expect.any(String), expect.stringContaining('您无需参加')]);

    const rows = await reminderRows(t, m.id);
    const pending = (userId: string) => rows.filter((r) => r.userId === userId && r.status === 'pending').length;
    expect([pending(kept.id), pending(newcomer.id), pending(dropped.id)]).toEqual([2, 2, 0]);
    expect(rows.filter((r) => r.userId === dropped.id).every((r) => r.status === 'cancelled')).toBe(true);
    expect((await t.http.get(`/api/meetings/${m.id}`).set('Authorization', await bearerFor(t, dropped.id))).status).toBe(404);
  });

  it('switches to the whole branch, the committee or one Party group, the same choices as at creation', async () => {
    const m = await createMeeting(t, a, { ...later, invitees: { kind: 'members', userIds: [a.members[0].id] } });
    expect((await patch(m.id, { invitees: { kind: 'branch' } })).body.counts.invited).toBe(a.members.length);
    expect((await patch(m.id, { invitees: { kind: 'committee' } })).body.counts.invited).toBe(1);
    const group = await createMeeting(t, a, { ...later, type: 'group', invitees: { kind: 'group', groupId: a.groupIds[0] } });
    expect((await patch(m.id, { invitees: { kind: 'group', groupId: a.groupIds[0] } })).body.counts.invited).toBe(group.counts.invited);
    expect(await invited(m.id)).toEqual(await invited(group.id));
  });

  it('refuses to take off someone who checked in or whose leave was approved, and names them', async () => {
    const m = await createMeeting(t, a, { startsAt: minutesFromNow(20), endsAt: minutesFromNow(80) }); // check-in opens 30 min before
    const [comer, onLeave, other] = a.members;
    const token = (await t.http.get(`/api/checkin/meeting/${m.id}/qr`).set('Authorization', a.orgA)).body.token;
    expect((await t.http.post('/api/checkin/redeem').set('Authorization', await bearerFor(t, comer.id)).send({ token, nonce: nonce() })).status).toBe(200);
    await t.http.post(`/api/meetings/${m.id}/leave`).set('Authorization', await bearerFor(t, onLeave.id)).send({ reason: '出差在外地' });
    await t.http.post(`/api/meetings/${m.id}/leave/${onLeave.id}/decision`).set('Authorization', a.orgA).send({ approve: true });

    const refused = await patch(m.id, { invitees: { kind: 'members', userIds: [other.id] } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'MEETING_INVITEE_LOCKED', message: expect.stringContaining('不能移出') });
    expect(refused.body.fields[0].field).toBe('invitees');
    expect(refused.body.fields[0].message).toContain(`${comer.name}（已签到）`);
    expect(refused.body.fields[0].message).toContain(`${onLeave.name}（已批准请假）`);
    expect(await invited(m.id)).toHaveLength(a.members.length);

    const kept = await patch(m.id, { invitees: { kind: 'members', userIds: [comer.id, onLeave.id, other.id] } });
    expect(kept.body.counts).toMatchObject({ invited: 3, present: 1, leave: 1 });
  });

  it('refuses to change the invitees once the meeting started, closed or was cancelled, but other details stay editable while it runs', async () => {
    const started = await createMeeting(t, a); // began 5 minutes ago
    const choice = { invitees: { kind: 'committee' } };
    const late = await patch(started.id, choice);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'MEETING_STARTED', message: expect.stringContaining('会议已开始') });
    expect((await patch(started.id, { title: '十一月主题党日（改）' })).status).toBe(200);

    await t.http.post(`/api/meetings/${started.id}/close`).set('Authorization', a.orgA);
    expect((await patch(started.id, choice)).body.code).toBe('MEETING_NOT_EDITABLE');
    const cancelled = await createMeeting(t, a, later);
    await t.http.post(`/api/meetings/${cancelled.id}/cancel`).set('Authorization', a.orgA);
    const res = await patch(cancelled.id, choice);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('MEETING_NOT_EDITABLE');
  });

  it('answers every bad invitee choice with a 4xx and a reason, never 500', async () => {
    const m = await createMeeting(t, a, later);
    const bTree = (await t.http.get('/api/org/tree').set('Authorization', orgB)).body as { id: string; kind: string }[];
    const bBranch = bTree.find((n) => n.kind === 'branch')!.id;
    const bPerson = (await t.login('organiser_b')).userId;
    const cases: [object, number, string][] = [
      [{ invitees: { kind: 'members', userIds: [] } }, 400, 'VALIDATION_FAILED'],
      [{ invitees: { kind: 'members', userIds: ['not-an-id'] } }, 400, 'VALIDATION_FAILED'],
      [{ invitees: { kind: 'everyone' } }, 400, 'VALIDATION_FAILED'],
      [{ invitees: { kind: 'group' } }, 400, 'VALIDATION_FAILED'],
      [{ invitees: { kind: 'branch' }, addInvitees: [a.members[0].id] }, 400, 'VALIDATION_FAILED'],
      [{ invitees: { kind: 'members', userIds: [bPerson] } }, 400, 'MEETING_PERSON_INVALID'],
      [{ invitees: { kind: 'group', groupId: bBranch } }, 400, 'MEETING_NODE_INVALID'],
    ];
    for (const [body, status, code] of cases) {
      const res = await patch(m.id, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    expect((await patch(m.id, { invitees: { kind: 'branch' } }, orgB)).status).toBe(404);
    expect(await invited(m.id)).toHaveLength(a.members.length);
  });
});
