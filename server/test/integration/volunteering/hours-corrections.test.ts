import { CheckInService } from '../../../src/checkin/check-in.service.js';
import { newId } from '../../../src/common/ids.js';
import { VolunteerHours, VolunteerHoursCorrection } from '../../../src/volunteering/hours.entity.js';
import { VolunteeringJobs } from '../../../src/volunteering/volunteering-jobs.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { client, gridWorkerActor, HOUR, MINUTE, newCampaign, newShift, residents, type Auth } from './volunteer-fixtures.js';

describe.each(databases())('correcting auto checked-out hours on %s', (db) => {
  let t: TestApp;
  let organiser: Auth;
  let outsider: Auth;
  let people: Auth[];
  let as: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    as = client(t);
    [organiser, outsider] = await Promise.all(['grid_worker', 'organiser_b'].map((p) => t.login(p)));
    people = await residents(t, 3, 'hc');
  });
  afterAll(() => t.close());

  const scan = async (who: Auth, type: 'shift' | 'shift_out', shiftId: string, at: Date) => {
    const checkIns = t.app.get(CheckInService);
    const qr = await checkIns.currentQr(await gridWorkerActor(t, organiser.userId), type, shiftId, at);
    return checkIns.redeem({ userId: who.userId, grants: [] }, { token: qr.token, nonce: newId().slice(0, 20) }, at);
  };
  const entry = (shiftId: string, userId: string) => t.dataSource.manager.findOneByOrFail(VolunteerHours, { shiftId, userId });

  it('sets the minutes of a flagged pending entry with a reason, rounds again, keeps every correction, and approval credits the corrected hours', async () => {
    const c = await newCampaign(t, organiser);
    const s = await newShift(t, organiser, c.id, 3, 3);
    const start = new Date(s.startsAt);
    for (const p of people.slice(0, 2)) {
      expect((await as(p).post(`/api/volunteering/shifts/${s.id}/signup`)).status).toBe(201);
      await scan(p, 'shift', s.id, start);
    }
    await scan(people[1], 'shift_out', s.id, new Date(start.getTime() + 2 * HOUR));
    await t.app.get(VolunteeringJobs).run(new Date(start.getTime() + 25 * HOUR));
    const flagged = await entry(s.id, people[0].userId);
    const normal = await entry(s.id, people[1].userId);
    expect(flagged).toMatchObject({ autoCheckout: true, minutes: 180, halfHours: 6 });
    const url = `/api/volunteering/hours/${flagged.id}/correct`;

    for (const body of [{ minutes: 95 }, { minutes: -1, reason: '实际离开时间' }, { minutes: 1441, reason: '实际离开时间' }, { minutes: 'abc', reason: '实际离开时间' }, { minutes: 95, reason: '短' }]) {
      const res = await as(organiser).post(url, body);
      expect(res.status).toBe(400);
      expect(res.body.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await as(outsider).post(url, { minutes: 95, reason: '实际离开时间' })).status).toBe(404);
    expect((await as(people[0]).post(url, { minutes: 95, reason: '实际离开时间' })).status).toBe(403);
    expect((await as(organiser).post(`/api/volunteering/hours/${normal.id}/correct`, { minutes: 95, reason: '实际离开时间' })).body.code).toBe('VOLUNTEER_HOURS_NOT_CORRECTABLE');

    const first = await as(organiser).post(url, { minutes: 95, reason: '带队人确认10:35离开' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: flagged.id, minutes: 95, hours: 1.5, status: 'pending', autoCheckout: true, correction: { fromMinutes: 180, reason: '带队人确认10:35离开', by: '周敏' } });
    expect(first.body.checkOutAt).toBe(new Date(start.getTime() + 95 * MINUTE).toISOString());
    const second = await as(organiser).post(url, { minutes: 104, reason: '本人补充说明' });
    expect(second.body).toMatchObject({ minutes: 104, hours: 1.5, correction: { fromMinutes: 95, reason: '本人补充说明' } });
    const audit = await t.dataSource.manager.find(VolunteerHoursCorrection, { where: { hoursId: flagged.id }, order: { id: 'ASC' } });
    expect(audit.map((a) => [a.fromMinutes, a.toMinutes, a.fromHalfHours, a.toHalfHours, a.correctedBy])).toEqual([[180, 95, 6, 3, organiser.userId], [95, 104, 3, 3, organiser.userId]]);

    const pending = (await as(organiser).get('/api/volunteering/hours?status=pending')).body as { id: string; correction: unknown }[];
    expect(pending.find((h) => h.id === flagged.id)?.correction).toMatchObject({ fromMinutes: 95 });
    expect((await as(organiser).post('/api/volunteering/hours/decide', { ids: [flagged.id], decision: 'approve' })).body[0]).toMatchObject({ status: 'approved', hours: 1.5 });
    const credits = await t.dataSource.query(`SELECT amount FROM points_entries WHERE sourceType = 'volunteer_hours' AND sourceId = '${flagged.id}'`);
    expect(credits.map((r: { amount: number }) => Number(r.amount))).toEqual([1]);
    const late = await as(organiser).post(url, { minutes: 60, reason: '审核后再改' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('VOLUNTEER_HOURS_NOT_CORRECTABLE');
    expect((await entry(s.id, people[0].userId)).minutes).toBe(104);
    expect((await as(organiser).post(`/api/volunteering/hours/${newId()}/correct`, { minutes: 60, reason: '不存在' })).status).toBe(404);
  });
});
