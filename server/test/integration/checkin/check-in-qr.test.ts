import { signToken } from '../../../src/checkin/check-in-token.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { bearerFor, branchA, createMeeting, minutesFromNow, nonce, type BranchA } from '../meetings/meeting-fixtures.js';

describe.each(databases())('QR check-in on %s', (db) => {
  let t: TestApp;
  let a: BranchA;
  let meetingId: string;
  let member: string; // 李建国
  let memberId: string;

  const qr = async (id = meetingId, auth = a.orgA) => t.http.get(`/api/checkin/meeting/${id}/qr`).set('Authorization', auth);
  const redeem = (auth: string, token: string, n = nonce()) => t.http.post('/api/checkin/redeem').set('Authorization', auth).send({ token, nonce: n });
  const secretOf = async (id: string) => (await t.dataSource.query('SELECT secret FROM check_in_keys WHERE targetId = ?', [id]))[0].secret as string;
  const otherMember = async (i: number) => bearerFor(t, a.members.filter((m) => m.id !== memberId)[i].id);

  beforeAll(async () => {
    t = await startTestApp(db);
    a = await branchA(t);
    const login = await t.login('party_member');
    member = login.token;
    memberId = login.userId;
    meetingId = (await createMeeting(t, a)).id;
  });
  afterAll(() => t.close());

  it('checks an invitee in with the current code and shows them present in live attendance', async () => {
    const code = await qr();
    expect(code.status).toBe(200);
    expect(code.body.rotateSeconds).toBe(20);
    expect(new Date(code.body.expiresAt).getTime() - new Date(code.body.issuedAt).getTime()).toBe(40_000);
    const res = await redeem(member, code.body.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ replayed: false, targetTitle: '十一月主题党日', checkIn: { userId: memberId, status: 'present', method: 'qr' } });
    const live = await t.http.get(`/api/meetings/${meetingId}/attendance`).set('Authorization', a.orgA);
    expect(live.body.rows.find((r: { userId: string }) => r.userId === memberId)).toMatchObject({ attendance: 'present', method: 'qr' });
  });

  it('answers a retried scan with the same nonce with the first result, and a new scan as already checked in', async () => {
    const n = nonce();
    const other = await otherMember(0);
    const code = (await qr()).body.token;
    const first = await redeem(other, code, n);
    const again = await redeem(other, code, n);
    expect(again.status).toBe(200);
    expect(again.body.replayed).toBe(true);
    expect(again.body.checkIn.id).toBe(first.body.checkIn.id);
    const second = await redeem(other, code);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'CHECKIN_ALREADY_DONE', message: expect.stringMatching(/已经签到/) });
  });

  it('refuses a screenshot once it is older than the token lifetime, and accepts one just inside it', async () => {
    await qr(); // makes sure the meeting has a key
    const secret = await secretOf(meetingId);
    const old = signToken(secret, 'meeting', meetingId, new Date(Date.now() - 41_000));
    const res = await redeem(await otherMember(1), old);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'CHECKIN_TOKEN_EXPIRED', message: expect.stringMatching(/过期/) });
    const fresh = signToken(secret, 'meeting', meetingId, new Date(Date.now() - 35_000));
    expect((await redeem(await otherMember(1), fresh)).status).toBe(200);
  });

  it('refuses forged codes: wrong key, edited time, moved to another meeting, garbage', async () => {
    const other = await otherMember(2);
    const good = (await qr()).body.token as string;
    const secondMeeting = (await createMeeting(t, a, { title: '支委会' , type: 'branch_committee' })).id;
    const forged = [
      signToken('not-the-key', 'meeting', meetingId, new Date()),
      good.replace(/\.([0-9a-z]+)\.([^.]+)$/, (_m, s: string, sig: string) => `.${(parseInt(s, 36) + 100).toString(36)}.${sig}`),
      good.replace(meetingId, secondMeeting),
      signToken((await secretOf(meetingId)), 'meeting', meetingId, new Date(Date.now() + 120_000)),
      'HL1.meeting.not-an-id.1.aaaaaaaaaaaaaaaaaaaaaa',
      'https://example.com/phishing',
    ];
    for (const token of forged) {
      const res = await redeem(other, token);
      expect({ token, status: res.status, code: res.body.code }).toEqual({ token, status: 400, code: 'CHECKIN_TOKEN_FORGED' });
    }
    const bad = await t.http.post('/api/checkin/redeem').set('Authorization', other).send({ token: good });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it("does not let another member replay someone's scan: the nonce is per person and the code still expires", async () => {
    const secret = await secretOf(meetingId);
    const n = nonce();
    const scanned = signToken(secret, 'meeting', meetingId, new Date(Date.now() - 50_000));
    const thief = await otherMember(3);
    const res = await redeem(thief, scanned, n);
    expect(res.body.code).toBe('CHECKIN_TOKEN_EXPIRED');
    // With a current code the second person gets their own check-in, never the first person's.
    const current = (await qr()).body.token;
    const mine = await redeem(member, current, n);
    const theirs = await redeem(thief, current, n);
    expect(theirs.status).toBe(200);
    expect(theirs.body.checkIn.userId).not.toBe(memberId);
    expect(mine.body.code).toBe('CHECKIN_ALREADY_DONE');
  });

  it('refuses people who are not invited', async () => {
    const resident = await t.login('resident');
    const res = await redeem(resident.token, (await qr()).body.token);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'CHECKIN_NOT_INVITED', message: expect.stringMatching(/名单/) });
  });

  it('refuses before check-in opens and after the meeting ended, and counts a scan after the grace period as late', async () => {
    const later = (await createMeeting(t, a, { startsAt: minutesFromNow(120), endsAt: minutesFromNow(180) })).id;
    const ended = (await createMeeting(t, a, { startsAt: minutesFromNow(-120), endsAt: minutesFromNow(-60) })).id;
    const running = (await createMeeting(t, a, { startsAt: minutesFromNow(-20), endsAt: minutesFromNow(40), lateGraceMinutes: 10 })).id;
    expect((await redeem(member, (await qr(later)).body.token)).body.code).toBe('CHECKIN_NOT_OPEN');
    expect((await redeem(member, (await qr(ended)).body.token)).body.code).toBe('CHECKIN_CLOSED');
    const late = await redeem(member, (await qr(running)).body.token);
    expect(late.body.checkIn.status).toBe('late');
    const live = await t.http.get(`/api/meetings/${running}/attendance`).set('Authorization', a.orgA);
    expect(live.body.counts.late).toBe(1);
  });

  it("shows organiser B no QR code for branch A's meeting, and residents none at all", async () => {
    const orgB = (await t.login('organiser_b')).token;
    expect((await qr(meetingId, orgB)).status).toBe(404);
    expect((await qr(meetingId, member)).status).toBe(403);
    expect((await t.http.get(`/api/checkin/meeting/${'0'.repeat(26)}/qr`).set('Authorization', a.orgA)).body.code).toBe('CHECKIN_TARGET_NOT_FOUND');
    expect((await t.http.get(`/api/checkin/Nope!/${meetingId}/qr`).set('Authorization', a.orgA)).status).toBe(404);
  });
});
