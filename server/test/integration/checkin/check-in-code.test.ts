import { shortCode } from '../../../src/checkin/check-in-token.js';
import { clock } from '../../../src/common/clock.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { bearerFor, branchA, createMeeting, minutesFromNow, nonce, type BranchA } from '../meetings/meeting-fixtures.js';

/** Issue #22 item 5: the six digits beside the rotating QR, for a member who cannot scan. */
describe.each(databases())('typed check-in code on %s', (db) => {
  let t: TestApp;
  let a: BranchA;
  let meetingId: string;
  let memberId: string;

  const qr = async (id = meetingId) => (await t.http.get(`/api/checkin/meeting/${id}/qr`).set('Authorization', a.orgA)).body;
  const type = (auth: string, code: string, n = nonce(), id = meetingId) =>
    t.http.post('/api/checkin/code').set('Authorization', auth).send({ targetType: 'meeting', targetId: id, code, nonce: n });
  const secretOf = async (id: string) => (await t.dataSource.query('SELECT secret FROM check_in_keys WHERE targetId = ?', [id]))[0].secret as string;
  const slotCode = async (secondsAgo: number, id = meetingId) => {
    const s = Math.floor(Date.now() / 1000) - secondsAgo;
    return shortCode(await secretOf(id), 'meeting', id, new Date((s - (s % 20)) * 1000));
  };
  const members = async (i: number) => bearerFor(t, a.members.filter((m) => m.id !== memberId)[i].id);

  beforeAll(async () => {
    t = await startTestApp(db);
    a = await branchA(t);
    memberId = (await t.login('party_member')).userId;
    meetingId = (await createMeeting(t, a)).id;
  });
  afterEach(() => clock.reset());
  afterAll(() => t.close());

  it('shows six digits beside the QR that check an invitee in, and a retry with the same nonce gets the first answer', async () => {
    const shown = await qr();
    expect(shown.code).toMatch(/^\d{6}$/);
    const who = await members(0);
    const n = nonce();
    const first = await type(who, shown.code, n);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ replayed: false, targetTitle: '十一月主题党日', checkIn: { status: 'present' } });
    const again = await type(who, shown.code, n);
    expect(again.body).toMatchObject({ replayed: true, checkIn: { id: first.body.checkIn.id } });
    const live = await t.http.get(`/api/meetings/${meetingId}/attendance`).set('Authorization', a.orgA);
    expect(live.body.rows.filter((r: { attendance: string }) => r.attendance === 'present')).toHaveLength(1);
    expect((await type(who, shown.code)).body.code).toBe('CHECKIN_ALREADY_DONE');
  });

  it('refuses a code older than the QR lifetime as expired and accepts one just inside it', async () => {
    await qr();
    const who = await members(1);
    const old = await type(who, await slotCode(61));
    expect(old.status).toBe(400);
    expect(old.body).toMatchObject({ code: 'CHECKIN_CODE_EXPIRED', message: expect.stringMatching(/过期/) });
    // 25 s ago is the previous slot (or the one before), still within the 40 s lifetime of its start.
    const recent = await type(who, await slotCode(19));
    expect(recent.status).toBe(200);
  });

  it("refuses a wrong code, and another meeting's code, in words", async () => {
    const who = await members(2);
    const other = (await createMeeting(t, a, { title: '支委会', type: 'branch_committee' })).id;
    const theirs = (await qr(other)).code as string;
    const mine = (await qr()).code as string;
    const wrong = String((Number(mine) + 1) % 1_000_000).padStart(6, '0');
    for (const code of [wrong, theirs === mine ? wrong : theirs]) {
      const res = await type(who, code);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'CHECKIN_CODE_WRONG' });
      expect(res.body.message).toMatch(/6位数字/);
    }
    const shape = await type(who, '12ab56');
    expect(shape.status).toBe(400);
    expect(shape.body.code).toBe('VALIDATION_FAILED');
    const nowhere = await type(who, mine, nonce(), '0'.repeat(26));
    expect(nowhere.body.code).toBe('CHECKIN_TARGET_NOT_FOUND');
  });

  it('keeps the window rules of a scan: not open yet, closed, not invited', async () => {
    const later = (await createMeeting(t, a, { startsAt: minutesFromNow(120), endsAt: minutesFromNow(180) })).id;
    const who = await members(3);
    expect((await type(who, (await qr(later)).code, nonce(), later)).body.code).toBe('CHECKIN_NOT_OPEN');
    const resident = (await t.login('resident')).token;
    expect((await type(resident, (await qr()).code)).body.code).toBe('CHECKIN_NOT_INVITED');
  });

  it('limits guessing: the eleventh code in a minute is refused before it is looked at', async () => {
    const who = await members(4);
    const mine = (await qr()).code as string;
    const wrong = String((Number(mine) + 7) % 1_000_000).padStart(6, '0');
    const answers: number[] = [];
    for (let i = 0; i < 11; i++) answers.push((await type(who, wrong)).status);
    expect(answers.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(answers[10]).toBe(429);
  });
});
