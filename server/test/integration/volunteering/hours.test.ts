import ExcelJS from 'exceljs';
import { CheckInService } from '../../../src/checkin/check-in.service.js';
import { AppError } from '../../../src/common/app-error.js';
import { newId } from '../../../src/common/ids.js';
import { VolunteerHours } from '../../../src/volunteering/hours.entity.js';
import { VolunteeringJobs } from '../../../src/volunteering/volunteering-jobs.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { client, gridWorkerActor, HOUR, MINUTE, newCampaign, newShift, residents, type Auth } from './volunteer-fixtures.js';

describe.each(databases())('volunteer hours on %s', (db) => {
  let t: TestApp;
  let organiser: Auth;
  let outsider: Auth;
  let people: Auth[];
  let as: ReturnType<typeof client>;
  let checkIns: CheckInService;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    as = client(t);
    [organiser, outsider] = await Promise.all(['grid_worker', 'organiser_b'].map((p) => t.login(p)));
    people = await residents(t, 6, 'vh');
    checkIns = t.app.get(CheckInService);
  });
  afterAll(() => t.close());

  /** Scans the leader's current code for `type` at time `at` (the same path as the scan page). */
  const scan = async (who: Auth, type: 'shift' | 'shift_out', shiftId: string, at: Date) => {
    const leader = await gridWorkerActor(t, organiser.userId);
    const qr = await checkIns.currentQr(leader, type, shiftId, at);
    return checkIns.redeem({ userId: who.userId, grants: [] }, { token: qr.token, nonce: newId().slice(0, 20) }, at);
  };
  const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)));
  const entry = (shiftId: string, userId: string) => t.dataSource.manager.findOneByOrFail(VolunteerHours, { shiftId, userId });

  it('rounds check-in to check-out by the domain rule at the 15 and 45 minute edges', async () => {
    const c = await newCampaign(t, organiser);
    const s = await newShift(t, organiser, c.id, 1, 3);
    const start = new Date(s.startsAt);
    const stays = [15, 16, 45, 46, 125];
    for (const [i, minutes] of stays.entries()) {
      expect((await as(people[i]).post(`/api/volunteering/shifts/${s.id}/signup`)).status).toBe(201);
      await scan(people[i], 'shift', s.id, start);
      await scan(people[i], 'shift_out', s.id, new Date(start.getTime() + minutes * MINUTE));
    }
    const hours = await Promise.all(stays.map((_, i) => entry(s.id, people[i].userId).then((h) => h.halfHours / 2)));
    expect(hours).toEqual([0, 0.5, 0.5, 1, 2]);
    expect((await entry(s.id, people[0].userId)).status).toBe('pending');
    const mine = (await as(people[4]).get('/api/volunteering/shifts/mine')).body[0];
    expect(mine).toMatchObject({ mine: { status: 'attended' }, hours: 2, hoursStatus: 'pending' });
  });

  it('refuses checking out before checking in, and a second check-out, changing nothing', async () => {
    const c = await newCampaign(t, organiser);
    const s = await newShift(t, organiser, c.id, 1, 2);
    const start = new Date(s.startsAt);
    await as(people[5]).post(`/api/volunteering/shifts/${s.id}/signup`);
    expect(await code(scan(people[5], 'shift_out', s.id, start))).toBe('VOLUNTEER_NOT_CHECKED_IN');
    expect(await t.dataSource.manager.countBy(VolunteerHours, { shiftId: s.id })).toBe(0);
    await scan(people[5], 'shift', s.id, start);
    await scan(people[5], 'shift_out', s.id, new Date(start.getTime() + HOUR));
    expect(await code(scan(people[5], 'shift_out', s.id, new Date(start.getTime() + 2 * HOUR)))).toBe('CHECKIN_ALREADY_DONE');
    expect((await entry(s.id, people[5].userId)).halfHours).toBe(2);
  });

  it('checks out automatically 24 h after check-in, to the planned end, flagged for review', async () => {
    const c = await newCampaign(t, organiser);
    const s = await newShift(t, organiser, c.id, 5, 2);
    const start = new Date(s.startsAt);
    expect((await as(people[0]).post(`/api/volunteering/shifts/${s.id}/signup`)).status).toBe(201);
    await scan(people[0], 'shift', s.id, start);
    const jobs = t.app.get(VolunteeringJobs);
    await jobs.run(new Date(start.getTime() + 23 * HOUR));
    expect(await t.dataSource.manager.countBy(VolunteerHours, { shiftId: s.id })).toBe(0);
    await jobs.run(new Date(start.getTime() + 24 * HOUR + MINUTE));
    await jobs.run(new Date(start.getTime() + 25 * HOUR));
    const h = await entry(s.id, people[0].userId);
    expect(h).toMatchObject({ autoCheckout: true, status: 'pending', halfHours: 4 });
    const pending = (await as(organiser).get('/api/volunteering/hours?status=pending')).body as { id: string; autoCheckout: boolean }[];
    expect(pending.find((p) => p.id === h.id)?.autoCheckout).toBe(true);
  });

  it('moves hours from pending to approved or declined once, in bulk, within scope, crediting points once', async () => {
    const c = await newCampaign(t, organiser);
    const s = await newShift(t, organiser, c.id, 10, 3);
    const start = new Date(s.startsAt);
    for (const p of people.slice(0, 3)) {
      expect((await as(p).post(`/api/volunteering/shifts/${s.id}/signup`)).status).toBe(201);
      await scan(p, 'shift', s.id, start);
      await scan(p, 'shift_out', s.id, new Date(start.getTime() + 125 * MINUTE));
    }
    const ids = await Promise.all(people.slice(0, 3).map((p) => entry(s.id, p.userId).then((h) => h.id)));
    expect((await as(outsider).post('/api/volunteering/hours/decide', { ids, decision: 'approve' })).status).toBe(404);
    expect((await as(people[0]).post('/api/volunteering/hours/decide', { ids, decision: 'approve' })).status).toBe(403);
    expect((await as(organiser).post('/api/volunteering/hours/decide', { ids: [ids[2]], decision: 'decline' })).body.code).toBe('VALIDATION_FAILED');
    expect((await as(organiser).post('/api/volunteering/hours/decide', { ids: [ids[2]], decision: 'decline', reason: '未在岗' })).body[0].status).toBe('declined');
    const mixed = await as(organiser).post('/api/volunteering/hours/decide', { ids, decision: 'approve' });
    expect(mixed.status).toBe(409);
    expect(mixed.body.code).toBe('VOLUNTEER_HOURS_NOT_PENDING');
    expect((await entry(s.id, people[0].userId)).status).toBe('pending');
    const ok = await as(organiser).post('/api/volunteering/hours/decide', { ids: ids.slice(0, 2), decision: 'approve' });
    expect(ok.body.map((h: { status: string }) => h.status)).toEqual(['approved', 'approved']);
    expect((await as(organiser).post('/api/volunteering/hours/decide', { ids: [ids[0]], decision: 'approve' })).status).toBe(409);
    const credits = await t.dataSource.query(`SELECT amount FROM points_entries WHERE sourceType = 'volunteer_hours' AND sourceId = '${ids[0]}'`);
    expect(credits.map((r: { amount: number }) => Number(r.amount))).toEqual([2]);
    expect(await t.dataSource.manager.countBy(VolunteerHours, { shiftId: s.id })).toBe(3);
    const mine = (await as(people[0]).get('/api/volunteering/hours/mine')).body;
    expect(mine).toMatchObject({ byCampaign: [expect.objectContaining({ campaignId: c.id, hours: 2 })] });

    const file = await as(organiser).get(`/api/volunteering/campaigns/${c.id}/hours.xlsx`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as never);
    expect(book.getWorksheet('志愿时长')!.rowCount).toBe(4);
    expect((await as(outsider).get(`/api/volunteering/campaigns/${c.id}/hours.xlsx`)).status).toBe(404);
  });

  it('awards stars at the thresholds and issues a certificate anyone can verify without personal data', async () => {
    const c = await newCampaign(t, organiser);
    const s = await newShift(t, organiser, c.id, 200, 2);
    const who = people[3];
    const add = (halfHours: number) =>
      t.dataSource.manager.insert(VolunteerHours, {
        id: newId(), userId: who.userId, shiftId: newId(), campaignId: c.id, nodePath: '/x/', checkInAt: new Date(), checkOutAt: new Date(),
        minutes: halfHours * 30, halfHours, status: 'approved', autoCheckout: false, decidedBy: null, decidedAt: null, declineReason: null,
      });
    void s;
    const before = (await as(who).get('/api/volunteering/hours/mine')).body;
    await add(199 - before.approvedHours * 2);
    expect((await as(who).get('/api/volunteering/hours/mine')).body).toMatchObject({ approvedHours: 99.5, stars: 0, hoursToNextStar: 0.5 });
    await add(1);
    expect((await as(who).get('/api/volunteering/hours/mine')).body).toMatchObject({ approvedHours: 100, stars: 1, nextStarAt: 300 });
    await add(400);
    expect((await as(who).get('/api/volunteering/hours/mine')).body.stars).toBe(2);
    const cert = (await as(who).post('/api/volunteering/certificates')).body;
    expect(cert.code).toMatch(/^[0-9A-Z]{12}$/);
    const check = await t.http.get(`/api/volunteering/certificates/${cert.code.toLowerCase()}`);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ code: cert.code, nameMasked: expect.stringMatching(/\*/), hours: 300, stars: 2, issuedAt: cert.issuedAt, issuer: expect.any(String) });
    expect((await t.http.get('/api/volunteering/certificates/AAAAAAAAAAAA')).status).toBe(404);
    expect((await t.http.get('/api/volunteering/certificates/x%27--')).status).toBe(404);
  });
});
