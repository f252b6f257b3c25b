import { jpegDataUrl, metadataLeft, phonePhoto } from '../../support/photos.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { bearerFor, branchA, createMeeting, minutesFromNow, nonce, type BranchA } from './meeting-fixtures.js';

describe.each(databases())('meeting lifecycle on %s', (db) => {
  let t: TestApp;
  let a: BranchA;
  let orgB: string;

  beforeAll(async () => {
    t = await startTestApp(db);
    a = await branchA(t);
    orgB = (await t.login('organiser_b')).token;
  });
  afterAll(() => t.close());

  it('invites the whole branch and tells every invitee through the outbox', async () => {
    const m = await createMeeting(t, a, { startsAt: minutesFromNow(60), endsAt: minutesFromNow(120) });
    expect(m.counts.invited).toBe(a.members.length);
    const rows = await t.dataSource.query('SELECT userId FROM outbox_messages WHERE dedupeKey LIKE ?', [`meeting:${m.id}:invite:%`]);
    expect(rows).toHaveLength(a.members.length);
    const member = await t.login('party_member');
    const mine = await t.http.get('/api/meetings?when=upcoming').set('Authorization', member.token);
    expect(mine.body.map((x: { id: string }) => x.id)).toContain(m.id);
    const detail = await t.http.get(`/api/meetings/${m.id}`).set('Authorization', member.token);
    expect(detail.body).toMatchObject({ typeLabel: '主题党日', canManage: false, me: { attendance: 'pending', leave: 'none' } });
  });

  it('invites a group, the committee or chosen members, and refuses people from another branch', async () => {
    const group = await createMeeting(t, a, { type: 'group', invitees: { kind: 'group', groupId: a.groupIds[0] } });
    expect(group.counts.invited).toBeGreaterThan(0);
    expect(group.counts.invited).toBeLessThan(a.members.length);
    const committee = await createMeeting(t, a, { type: 'branch_committee', invitees: { kind: 'committee' } });
    expect(committee.counts.invited).toBe(1);
    const chosen = await createMeeting(t, a, { invitees: { kind: 'members', userIds: [a.members[0].id, a.members[1].id] } });
    expect(chosen.counts.invited).toBe(2);
    const bMember = (await t.login('organiser_b')).userId;
    const res = await t.http.post('/api/meetings').set('Authorization', a.orgA).send({ nodeId: a.branchId, type: 'lecture', title: '党课', startsAt: minutesFromNow(10), endsAt: minutesFromNow(70), address: '会议室', invitees: { kind: 'members', userIds: [bMember] } });
    expect(res.body.code).toBe('MEETING_PERSON_INVALID');
  });

  it('validates input with field messages and never answers 500', async () => {
    const bad = await t.http.post('/api/meetings').set('Authorization', a.orgA).send({ nodeId: a.branchId, type: 'party', title: '', startsAt: 'tomorrow', endsAt: minutesFromNow(1), address: 'x', invitees: { kind: 'all' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['type', 'title', 'startsAt', 'address']));
    const backwards = await t.http.post('/api/meetings').set('Authorization', a.orgA).send({ nodeId: a.branchId, type: 'lecture', title: '党课', startsAt: minutesFromNow(60), endsAt: minutesFromNow(10), address: '会议室', invitees: { kind: 'branch' } });
    expect(backwards.body.fields[0].field).toBe('endsAt');
    const notBranch = await t.http.post('/api/meetings').set('Authorization', a.orgA).send({ nodeId: (await t.login('organiser_a')).userId, type: 'lecture', title: '党课', startsAt: minutesFromNow(10), endsAt: minutesFromNow(70), address: '会议室', invitees: { kind: 'branch' } });
    expect(notBranch.body.code).toBe('MEETING_NODE_INVALID');
  });

  it("answers organiser B not found for every route of branch A's meeting", async () => {
    const m = await createMeeting(t, a);
    const routes = [
      t.http.get(`/api/meetings/${m.id}`),
      t.http.patch(`/api/meetings/${m.id}`).send({ title: '改名' }),
      t.http.get(`/api/meetings/${m.id}/attendance`),
      t.http.post(`/api/meetings/${m.id}/close`),
      t.http.post(`/api/meetings/${m.id}/cancel`),
      t.http.put(`/api/meetings/${m.id}/minutes`).send({ minutes: '记录' }),
      t.http.get(`/api/checkin/meeting/${m.id}/qr`),
    ];
    for (const r of routes) expect((await r.set('Authorization', orgB)).status).toBe(404);
    const resident = await t.login('resident');
    expect((await t.http.get('/api/meetings?scope=managed').set('Authorization', resident.token)).status).toBe(403);
    expect((await t.http.get(`/api/meetings/${m.id}`).set('Authorization', resident.token)).status).toBe(404);
  });

  it('closes attendance: checked in is present, approved leave is leave, the rest absent; points credited once', async () => {
    const m = await createMeeting(t, a, { startsAt: minutesFromNow(60), endsAt: minutesFromNow(120) });
    const [onLeave, rejected, comer] = a.members.slice(0, 3);
    const onLeaveAuth = await bearerFor(t, onLeave.id);
    const rejectedAuth = await bearerFor(t, rejected.id);
    const leave = await t.http.post(`/api/meetings/${m.id}/leave`).set('Authorization', onLeaveAuth).send({ reason: '出差在外地' });
    expect(leave.body.me).toMatchObject({ leave: 'requested', leaveReason: '出差在外地' });
    await t.http.post(`/api/meetings/${m.id}/leave`).set('Authorization', rejectedAuth).send({ reason: '有事' });
    const approved = await t.http.post(`/api/meetings/${m.id}/leave/${onLeave.id}/decision`).set('Authorization', a.orgA).send({ approve: true });
    expect(approved.body.rows.find((r: { userId: string }) => r.userId === onLeave.id)).toMatchObject({ attendance: 'leave', leave: 'approved' });
    await t.http.post(`/api/meetings/${m.id}/leave/${rejected.id}/decision`).set('Authorization', a.orgA).send({ approve: false, note: '请准时参加' });
    const twice = await t.http.post(`/api/meetings/${m.id}/leave/${rejected.id}/decision`).set('Authorization', a.orgA).send({ approve: true });
    expect(twice.body.code).toBe('MEETING_LEAVE_NOT_REQUESTED');

    // The meeting begins (moved to now): leave can no longer be asked for; one member checks in.
    await t.http.patch(`/api/meetings/${m.id}`).set('Authorization', a.orgA).send({ startsAt: minutesFromNow(-1), endsAt: minutesFromNow(60) });
    expect((await t.http.post(`/api/meetings/${m.id}/leave`).set('Authorization', rejectedAuth).send({ reason: '临时有事' })).body.code).toBe('MEETING_LEAVE_TOO_LATE');
    const token = (await t.http.get(`/api/checkin/meeting/${m.id}/qr`).set('Authorization', a.orgA)).body.token;
    expect((await t.http.post('/api/checkin/redeem').set('Authorization', await bearerFor(t, comer.id)).send({ token, nonce: nonce() })).status).toBe(200);

    const closed = await t.http.post(`/api/meetings/${m.id}/close`).set('Authorization', a.orgA);
    expect(closed.status).toBe(200);
    const by = (id: string) => closed.body.rows.find((r: { userId: string }) => r.userId === id).attendance;
    expect([by(onLeave.id), by(rejected.id), by(comer.id)]).toEqual(['leave', 'absent', 'present']);
    expect(closed.body.rows.every((r: { attendance: string }) => r.attendance !== 'pending')).toBe(true);
    expect(closed.body.counts.absent).toBe(a.members.length - 2);

    expect((await t.http.post(`/api/meetings/${m.id}/close`).set('Authorization', a.orgA)).body.code).toBe('MEETING_NOT_EDITABLE');
    expect((await t.http.post('/api/checkin/redeem').set('Authorization', rejectedAuth).send({ token, nonce: nonce() })).body.code).toBe('CHECKIN_CLOSED');
    const entries = await t.dataSource.query('SELECT userId FROM points_entries WHERE idempotencyKey LIKE ?', [`meeting_attendance:${m.id}:%`]);
    expect(entries).toEqual([{ userId: comer.id }]);

    const record = await t.http.get('/api/meetings/my-attendance').set('Authorization', onLeaveAuth);
    expect(record.body.items.find((i: { meetingId: string }) => i.meetingId === m.id).attendance).toBe('leave');
  });

  it('keeps minutes, resolutions and checked photos re-encoded without EXIF, and refuses anything that is not a picture', async () => {
    const m = await createMeeting(t, a);
    const saved = await t.http.put(`/api/meetings/${m.id}/minutes`).set('Authorization', a.orgA).send({ minutes: '学习了党章第二章。', resolutions: '下月开展义诊。' });
    expect(saved.body).toMatchObject({ minutes: '学习了党章第二章。', resolutions: '下月开展义诊。' });
    const up = await t.http.post(`/api/meetings/${m.id}/photos`).set('Authorization', a.orgA).send({ dataUrl: jpegDataUrl(await phonePhoto()) });
    expect(up.status).toBe(201);
    const photo = up.body.photos[0];
    const file = await t.http.get(photo.url).set('Authorization', a.orgA).buffer(true);
    expect(file.headers['content-type']).toBe('image/jpeg');
    // The phone wrote where the meeting was held into the photo; none of it is stored.
    expect(await metadataLeft(file.body)).toEqual({ exif: false, gps: false, camera: false, orientation: undefined });
    const fake = await t.http.post(`/api/meetings/${m.id}/photos`).set('Authorization', a.orgA).send({ dataUrl: `data:image/png;base64,${Buffer.from('<script>alert(1)</script>').toString('base64')}` });
    expect(fake.body.code).toBe('MEETING_PHOTO_INVALID');
    const huge = await t.http.post(`/api/meetings/${m.id}/photos`).set('Authorization', a.orgA).send({ dataUrl: `data:image/png;base64,${'A'.repeat(300_000)}` });
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
  });

  it('shows the compliance board to the branch and to the committee above it, and exports a year to Excel', async () => {
    const mine = await t.http.get('/api/meetings/compliance').set('Authorization', a.orgA);
    expect(mine.body.map((b: { branch: { name: string } }) => b.branch.name)).toEqual(['幸福社区第一党支部']);
    const item = mine.body[0].items.find((i: { type: string }) => i.type === 'theme_day');
    expect(item.current.status).toBe('done'); // held today by the tests above
    const admin = await t.login('admin');
    const all = await t.http.get('/api/meetings/compliance').set('Authorization', admin.token);
    expect(all.body).toHaveLength(2);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const xlsx = await t.http.get(`/api/meetings/export?year=${year}`).set('Authorization', a.orgA).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect((await t.http.get('/api/meetings/export?year=abc').set('Authorization', a.orgA)).status).toBe(400);
  });
});
