import { RetentionService } from '../../../src/privacy/retention.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { bearerFor, branchA, createMeeting, nonce } from '../meetings/meeting-fixtures.js';

const DAY = 86_400_000;

describe.each(databases())('retention of personal traces on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db);
  });
  afterAll(() => t.close());

  it('forgets check-in distances and deletes closed study sessions after 90 days, keeping attendance and study totals', async () => {
    const a = await branchA(t);
    const meeting = await createMeeting(t, a, { lat: 31.2304, lng: 121.4737, radiusM: 100, allowGeofence: true });
    const auth = await bearerFor(t, a.members[0].id);
    const scan = await t.http.post('/api/checkin/geofence').set('Authorization', auth).send({ targetType: 'meeting', targetId: meeting.id, lat: 31.2305, lng: 121.4737, accuracyM: 5, nonce: nonce() });
    expect(scan.status).toBe(200);
    const member = await t.login('party_member');
    const [content] = (await t.http.get('/api/study/contents').set('Authorization', member.token)).body;
    const session = (await t.http.post('/api/study/sessions').set('Authorization', member.token).send({ contentId: content.id })).body;
    await t.http.post(`/api/study/sessions/${session.sessionId}/close`).set('Authorization', member.token).send({});
    const distance = async () => (await t.dataSource.query('SELECT distanceM FROM check_ins WHERE id = ?', [scan.body.checkIn.id]))[0].distanceM;
    const sessions = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM study_sessions WHERE id = ?', [session.sessionId]))[0].n);
    const retention = t.app.get(RetentionService);

    expect(await retention.run(new Date(Date.now() + 89 * DAY))).toEqual({ distancesForgotten: 0, sessionsDeleted: 0 });
    expect(await distance()).not.toBeNull();
    expect(await sessions()).toBe(1);

    const later = await retention.run(new Date(Date.now() + 91 * DAY));
    expect(later.distancesForgotten).toBeGreaterThanOrEqual(1);
    expect(later.sessionsDeleted).toBeGreaterThanOrEqual(1);
    expect(await distance()).toBeNull();
    expect(await sessions()).toBe(0);
    const attendance = await t.dataSource.query('SELECT status FROM check_ins WHERE id = ?', [scan.body.checkIn.id]);
    expect(attendance[0].status).toBe('present');
    expect(await retention.run(new Date(Date.now() + 91 * DAY))).toEqual({ distancesForgotten: 0, sessionsDeleted: 0 });
  });
});
