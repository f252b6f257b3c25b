import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { bearerFor, branchA, createMeeting, nonce, type BranchA } from '../meetings/meeting-fixtures.js';

const place = { lat: 31.2304, lng: 121.4737 };
const north = (m: number) => place.lat + m / 111_195;

describe.each(databases())('geofence and assisted check-in on %s', (db) => {
  let t: TestApp;
  let a: BranchA;
  let meetingId: string;
  const geo = (auth: string, lat: number, accuracyM: number, id = meetingId) =>
    t.http.post('/api/checkin/geofence').set('Authorization', auth).send({ targetType: 'meeting', targetId: id, lat, lng: place.lng, accuracyM, nonce: nonce() });
  const person = (i: number) => bearerFor(t, a.members[i].id);

  beforeAll(async () => {
    t = await startTestApp(db);
    a = await branchA(t);
    meetingId = (await createMeeting(t, a, { ...place, radiusM: 100, allowGeofence: true })).id;
  });
  afterAll(() => t.close());

  it('accepts a precise fix just inside the radius and refuses one just outside', async () => {
    const inside = await geo(await person(0), north(99), 5);
    expect(inside.status).toBe(200);
    expect(inside.body.checkIn.method).toBe('geofence');
    const outside = await geo(await person(1), north(140), 5);
    expect(outside.status).toBe(403);
    expect(outside.body).toMatchObject({ code: 'CHECKIN_OUTSIDE_AREA', message: expect.stringMatching(/范围/) });
  });

  it('takes the phone accuracy into account, up to a cap, and refuses vague fixes', async () => {
    expect((await geo(await person(2), north(125), 30)).status).toBe(200);
    expect((await geo(await person(3), north(150), 90)).body.code).toBe('CHECKIN_OUTSIDE_AREA');
    expect((await geo(await person(3), north(0), 500)).body.code).toBe('CHECKIN_LOCATION_IMPRECISE');
  });

  it('refuses location check-in where the organiser did not allow it', async () => {
    const qrOnly = (await createMeeting(t, a, { ...place, radiusM: 100, allowGeofence: false })).id;
    expect((await geo(await person(4), north(0), 5, qrOnly)).body.code).toBe('CHECKIN_GEOFENCE_DISABLED');
  });

  it('lets the organiser mark a member without a phone present, recording who and why', async () => {
    const target = a.members[5];
    const res = await t.http.post('/api/checkin/assist').set('Authorization', a.orgA).send({ targetType: 'meeting', targetId: meetingId, userId: target.id, reason: '老人无智能手机，现场确认' });
    expect(res.status).toBe(200);
    const orgAId = (await t.login('organiser_a')).userId;
    expect(res.body.checkIn).toMatchObject({ method: 'assisted', assistedBy: orgAId, reason: '老人无智能手机，现场确认', status: 'present' });
    const live = await t.http.get(`/api/meetings/${meetingId}/attendance`).set('Authorization', a.orgA);
    expect(live.body.rows.find((r: { userId: string }) => r.userId === target.id)).toMatchObject({ attendance: 'present', method: 'assisted', assistedBy: '陈红' });
    const orgB = (await t.login('organiser_b')).token;
    const denied = await t.http.post('/api/checkin/assist').set('Authorization', orgB).send({ targetType: 'meeting', targetId: meetingId, userId: a.members[6].id, reason: '代签' });
    expect(denied.status).toBe(404);
    const noReason = await t.http.post('/api/checkin/assist').set('Authorization', a.orgA).send({ targetType: 'meeting', targetId: meetingId, userId: a.members[6].id });
    expect(noReason.body.code).toBe('VALIDATION_FAILED');
  });
});
