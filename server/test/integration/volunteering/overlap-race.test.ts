import { In } from 'typeorm';
import { Enrollment } from '../../../src/enrollment/enrollment.entity.js';
import { VolunteerShift } from '../../../src/volunteering/campaign.entity.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { client, HOUR, newCampaign, newShift, residents, type Auth } from './volunteer-fixtures.js';

const HOLDING = ['registered', 'confirmed', 'waitlisted', 'offered', 'attended'];

describe.each(databases())('overlapping shifts under concurrency on %s', (db) => {
  let t: TestApp;
  let organiser: Auth;
  let as: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    as = client(t);
    organiser = await t.login('grid_worker');
  });
  afterAll(() => t.close());

  /** How many of these shifts the person holds (or waits for). */
  const held = async (userId: string, shiftIds: string[]) => {
    const slots = (await t.dataSource.manager.findBy(VolunteerShift, { id: In(shiftIds) })).map((s) => s.slotId);
    return t.dataSource.manager.countBy(Enrollment, { userId, slotId: In(slots), status: In(HOLDING) });
  };

  it('lets exactly one of two simultaneous sign-ups by one person to overlapping shifts through, with or without a profile yet', async () => {
    const c = await newCampaign(t, organiser);
    // Seeded 王丽 has a profile; the fresh residents get theirs on their first sign-up, in parallel.
    const people = [await t.login('resident'), ...(await residents(t, 5, 'race'))];
    for (const [i, p] of people.entries()) {
      const a = await newShift(t, organiser, c.id, 24 + 6 * i, 2, { title: `早班${i}` });
      const b = await newShift(t, organiser, c.id, 25 + 6 * i, 2, { title: `午班${i}` });
      const tries = await Promise.all([a, b, a, b].map((s) => as(p).post(`/api/volunteering/shifts/${s.id}/signup`)));
      expect(tries.filter((r) => r.status === 201)).toHaveLength(1);
      expect(tries.filter((r) => r.status === 409).map((r) => r.body.code).sort()).toEqual(['ENROLLMENT_EXISTS', 'VOLUNTEER_SHIFT_OVERLAP', 'VOLUNTEER_SHIFT_OVERLAP']);
      expect(await held(p.userId, [a.id, b.id])).toBe(1);
    }
  });

  it('lets an urgent call acceptance and an overlapping shift sign-up of one person race: only one holds', async () => {
    const c = await newCampaign(t, organiser);
    const people = await residents(t, 4, 'racecall');
    const at = Date.now() + 300 * HOUR;
    const call = await as(organiser).post('/api/volunteering/mobilisations', {
      campaignId: c.id, title: '紧急排涝', place: '幸福桥', needed: 10,
      startsAt: new Date(at).toISOString(), endsAt: new Date(at + 2 * HOUR).toISOString(), deadline: new Date(at - HOUR).toISOString(),
    });
    expect(call.status).toBe(201);
    const shift = await newShift(t, organiser, c.id, 301, 2, { title: '同时段巡查', capacity: 10 });
    for (const p of people) {
      const [answer, signup] = await Promise.all([
        as(p).post(`/api/volunteering/mobilisations/${call.body.id}/answer`, { answer: 'accept' }),
        as(p).post(`/api/volunteering/shifts/${shift.id}/signup`),
      ]);
      const enrolledByCall = answer.status === 200 && answer.body.outcome === 'enrolled';
      expect([enrolledByCall, signup.status === 201].filter(Boolean)).toHaveLength(1);
      expect(enrolledByCall ? signup.body.code : answer.body.code).toBe('VOLUNTEER_SHIFT_OVERLAP');
      expect(await held(p.userId, [call.body.shiftId, shift.id])).toBe(1);
    }
  });
});
