import { Enrollment } from '../../../src/enrollment/enrollment.entity.js';
import { EnrollmentHooks } from '../../../src/enrollment/enrollment-hooks.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { engineOf, kids } from './engine-helpers.js';

const HOUR = 3_600_000;

describe.each(databases())('enrollment engine on %s', (db) => {
  let t: TestApp;
  let h: ReturnType<typeof engineOf>;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    h = engineOf(t);
    ids = (await h.users(60)).map((u) => u.id);
  });
  afterAll(() => t.close());

  const statusOf = async (id: string) => (await t.dataSource.manager.findOne(Enrollment, { where: { id } }))!.status;

  it('counts companions and keeps reserved places for organisers, then waitlists', async () => {
    const slot = await h.slot({ capacity: 6, reserved: 1 });
    expect((await h.signUp(slot.id, ids[0], kids(2))).status).toBe('confirmed'); // 3 of 5 public seats
    expect(await h.code(h.signUp(slot.id, ids[1], kids(3)))).toBe('ENROLLMENT_NOT_ENOUGH_PLACES');
    expect((await h.signUp(slot.id, ids[2], kids(1))).status).toBe('confirmed'); // 5 of 5
    const waiting = await h.signUp(slot.id, ids[3]);
    expect(waiting.status).toBe('waitlisted');
    expect((await h.engine.view(waiting)).waitlistPosition).toBe(1);
    const elder = await h.tx.run((em) => h.engine.organiserEnrol(em, slot.id, ids[4], [], { userId: ids[5], reason: '老人无智能手机' }));
    expect(elder).toMatchObject({ status: 'confirmed', fromReserve: true, enteredBy: ids[5] });
    expect((await h.tx.run((em) => h.engine.organiserEnrol(em, slot.id, ids[6], [], { userId: ids[5], reason: '电话报名' }))).status).toBe('waitlisted');
    const check = await h.engine.checkCounters(slot.id);
    expect(check).toMatchObject({ agree: true, stored: { taken: 5, reservedTaken: 1 } });
  });

  it('refuses more companions than the slot allows, and a second sign-up by the same person, changing nothing', async () => {
    const slot = await h.slot({ capacity: 3, maxCompanions: 1 });
    expect(await h.code(h.signUp(slot.id, ids[0], kids(2)))).toBe('ENROLLMENT_TOO_MANY_COMPANIONS');
    await h.signUp(slot.id, ids[0], kids(1));
    expect(await h.code(h.signUp(slot.id, ids[0]))).toBe('ENROLLMENT_EXISTS');
    expect((await h.engine.checkCounters(slot.id)).stored.taken).toBe(2);
  });

  it('never overbooks under concurrent sign-ups and the counter equals the enrollments', async () => {
    const slot = await h.slot({ capacity: 10 });
    const settled = await Promise.allSettled(ids.slice(0, 40).map((id, i) => h.signUp(slot.id, id, i % 3 === 0 ? kids(1) : [])));
    // A pair arriving when one place is left is told so (and changes nothing); nothing else may fail.
    const refused = settled.filter((r) => r.status === 'rejected').map((r) => (r.reason as { code?: string }).code);
    expect(refused.every((c) => c === 'ENROLLMENT_NOT_ENOUGH_PLACES')).toBe(true);
    const results = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const seated = results.filter((e) => e.status === 'confirmed').reduce((n, e) => n + e.seats, 0);
    expect(seated).toBeLessThanOrEqual(10);
    expect(seated).toBeGreaterThanOrEqual(9);
    expect(results.filter((e) => e.status === 'waitlisted').length).toBeGreaterThan(20);
    const check = await h.engine.checkCounters(slot.id);
    expect(check.agree).toBe(true);
    expect(check.computed.taken).toBe(seated);
  });

  it('offers a freed place to the first in the queue and passes a lapsed offer to the next', async () => {
    const slot = await h.slot({ capacity: 1 });
    const a = await h.signUp(slot.id, ids[10]);
    const b = await h.signUp(slot.id, ids[11]);
    // The queue is ordered by the millisecond of joining (ties by id): make "after" unambiguous.
    await new Promise((r) => setTimeout(r, 3));
    const c = await h.signUp(slot.id, ids[12]);
    expect((await h.engine.view(c)).waitlistPosition).toBe(2);
    await h.tx.run((em) => h.engine.cancel(em, a.id, { userId: ids[10] }));
    expect(await statusOf(b.id)).toBe('offered');
    expect(await statusOf(c.id)).toBe('waitlisted');
    expect(await h.engine.sweep(new Date(Date.now() + 13 * HOUR))).toBe(1);
    expect(await statusOf(b.id)).toBe('cancelled');
    expect(await statusOf(c.id)).toBe('offered');
    expect(await h.code(h.tx.run((em) => h.engine.acceptOffer(em, b.id, ids[11])))).toBe('ENROLLMENT_NO_OFFER');
    expect((await h.tx.run((em) => h.engine.acceptOffer(em, c.id, ids[12]))).status).toBe('confirmed');
    expect((await h.engine.checkCounters(slot.id)).agree).toBe(true);
  });

  it('refuses to confirm an expired offer even before the sweeper has run, changing nothing', async () => {
    const slot = await h.slot({ capacity: 1 });
    const a = await h.signUp(slot.id, ids[13]);
    const b = await h.signUp(slot.id, ids[14]);
    await h.tx.run((em) => h.engine.cancel(em, a.id, { userId: ids[13] }));
    await t.dataSource.manager.update(Enrollment, { id: b.id }, { offerExpiresAt: new Date(Date.now() - 1000) });
    expect(await h.code(h.tx.run((em) => h.engine.acceptOffer(em, b.id, ids[14])))).toBe('ENROLLMENT_OFFER_EXPIRED');
    expect(await statusOf(b.id)).toBe('offered');
  });

  it('gives shorter offers when the slot starts soon', async () => {
    const slot = await h.slot({ capacity: 1, startsAt: new Date(Date.now() + 3 * HOUR), endsAt: new Date(Date.now() + 4 * HOUR), signupClosesAt: new Date(Date.now() + 2 * HOUR), cancelDeadline: new Date(Date.now() + 2 * HOUR) });
    const a = await h.signUp(slot.id, ids[15]);
    const b = await h.signUp(slot.id, ids[16]);
    await h.tx.run((em) => h.engine.cancel(em, a.id, { userId: ids[15] }));
    const offered = (await t.dataSource.manager.findOne(Enrollment, { where: { id: b.id } }))!;
    expect(offered.offerExpiresAt!.getTime()).toBeLessThanOrEqual(slot.startsAt.getTime() - HOUR);
  });

  it('checks age, residence and Party membership', async () => {
    const persona = async (p: string) => (await t.login(p)).userId;
    const [resident, elder, member] = [await persona('resident'), await persona('elder'), await persona('party_member')];
    const seniors = await h.slot({ eligibility: { minAge: 60 } });
    expect(await h.code(h.signUp(seniors.id, resident))).toBe('ENROLLMENT_AGE_INELIGIBLE');
    expect(await h.code(h.signUp(seniors.id, elder))).toBe('ok');
    const heping = await h.community('和平社区');
    const local = await h.slot({ eligibility: { residenceNodeIds: [heping.id] } });
    expect(await h.code(h.signUp(local.id, resident))).toBe('ENROLLMENT_RESIDENCE_INELIGIBLE');
    const members = await h.slot({ eligibility: { partyMembersOnly: true } });
    expect(await h.code(h.signUp(members.id, resident))).toBe('ENROLLMENT_PARTY_ONLY');
    expect(await h.code(h.signUp(members.id, member))).toBe('ok');
  });

  it('enforces the sign-up window', async () => {
    const early = await h.slot({ signupOpensAt: new Date(Date.now() + HOUR) });
    expect(await h.code(h.signUp(early.id, ids[0]))).toBe('ENROLLMENT_WINDOW_NOT_OPEN');
    const late = await h.slot({ signupOpensAt: new Date(Date.now() - 2 * HOUR), signupClosesAt: new Date(Date.now() - HOUR) });
    expect(await h.code(h.signUp(late.id, ids[0]))).toBe('ENROLLMENT_WINDOW_CLOSED');
  });

  it('holds a place while awaiting approval; rejection frees it for the waitlist', async () => {
    const slot = await h.slot({ capacity: 2, needsApproval: true });
    const a = await h.signUp(slot.id, ids[20]);
    const b = await h.signUp(slot.id, ids[21]);
    const c = await h.signUp(slot.id, ids[22]);
    expect([a.status, b.status, c.status]).toEqual(['registered', 'registered', 'waitlisted']);
    expect((await h.tx.run((em) => h.engine.approve(em, a.id, ids[5]))).status).toBe('confirmed');
    expect(await h.code(h.tx.run((em) => h.engine.approve(em, a.id, ids[5])))).toBe('ENROLLMENT_NOT_PENDING');
    await h.tx.run((em) => h.engine.reject(em, b.id, ids[5], '名额有限'));
    expect(await statusOf(b.id)).toBe('cancelled');
    expect(await statusOf(c.id)).toBe('offered');
  });

  it('refuses cancellation after the deadline but lets a waiting person leave the queue', async () => {
    const slot = await h.slot({ capacity: 1, cancelDeadline: new Date(Date.now() - 1000) });
    const a = await h.signUp(slot.id, ids[23]);
    const b = await h.signUp(slot.id, ids[24]);
    expect(await h.code(h.tx.run((em) => h.engine.cancel(em, a.id, { userId: ids[23] })))).toBe('ENROLLMENT_CANCEL_DEADLINE_PASSED');
    expect(await statusOf(a.id)).toBe('confirmed');
    expect((await h.tx.run((em) => h.engine.cancel(em, b.id, { userId: ids[24] }))).status).toBe('cancelled');
  });

  it("treats someone else's enrollment as not found", async () => {
    const slot = await h.slot();
    const a = await h.signUp(slot.id, ids[25]);
    expect(await h.code(h.tx.run((em) => h.engine.cancel(em, a.id, { userId: ids[26] })))).toBe('NOT_FOUND');
    expect(await statusOf(a.id)).toBe('confirmed');
  });

  it('lets a person sign up again after cancelling, keeping one row', async () => {
    const slot = await h.slot();
    const a = await h.signUp(slot.id, ids[27]);
    await h.tx.run((em) => h.engine.cancel(em, a.id, { userId: ids[27] }));
    const again = await h.signUp(slot.id, ids[27], kids(1));
    expect(again).toMatchObject({ id: a.id, status: 'confirmed', seats: 2 });
    expect((await h.engine.checkCounters(slot.id)).stored.taken).toBe(2);
  });

  it('marks attendance and no-shows and runs the owner hook on attendance', async () => {
    const seen: string[] = [];
    t.app.get(EnrollmentHooks).register('hooked', { onAttended: async (_em, e) => void seen.push(e.id) });
    const slot = await h.slot({ ownerType: 'hooked' });
    const a = await h.signUp(slot.id, ids[28]);
    const b = await h.signUp(slot.id, ids[29]);
    await h.tx.run((em) => h.engine.markAttendance(em, a.id, true));
    await h.tx.run((em) => h.engine.markAttendance(em, b.id, false));
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(['attended', 'missed']);
    expect(seen).toEqual([a.id]);
    expect((await h.engine.checkCounters(slot.id)).agree).toBe(true);
  });

  it('rebuilds a damaged counter from the enrollments', async () => {
    const slot = await h.slot();
    await h.signUp(slot.id, ids[30], kids(2));
    await t.dataSource.query(`UPDATE enrollment_slots SET taken = 7 WHERE id = '${slot.id}'`);
    expect((await h.engine.checkCounters(slot.id)).agree).toBe(false);
    expect(await h.engine.rebuildCounters(slot.id)).toEqual({ taken: 3, reservedTaken: 0 });
    expect((await h.engine.checkCounters(slot.id)).agree).toBe(true);
  });
});
