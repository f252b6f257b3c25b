import { InboxItem } from '../../../src/notifications/inbox-item.entity.js';
import type { OutboxMessage } from '../../../src/notifications/outbox-message.entity.js';
import { OutboxWorker } from '../../../src/notifications/outbox-worker.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { bearerFor, beijingAt, branchA, createMeeting, minutesFromNow, reminderRows, type BranchA } from './meeting-fixtures.js';

/** Each invitee's pending reminders as `kind@notBefore`, to compare plans at a glance. */
const plan = (rows: OutboxMessage[], userId: string) =>
  rows
    .filter((r) => r.userId === userId && r.status === 'pending')
    .map((r) => `${r.kind}@${r.notBefore.toISOString()}`)
    .sort();

describe.each(databases())('meeting reminders on %s', (db) => {
  let t: TestApp;
  let a: BranchA;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    a = await branchA(t);
  });
  afterAll(() => t.close());

  // In three days at 10:00 Beijing time: reminded the day before at 11:00 and at 09:00 on the day.
  const at = { startsAt: beijingAt(3, 10).toISOString(), endsAt: beijingAt(3, 12).toISOString() };
  const expected = [`meeting_reminder_day_before@${beijingAt(2, 11).toISOString()}`, `meeting_reminder_hour_before@${beijingAt(3, 9).toISOString()}`];

  it('plans a reminder the day before at 11:00 Beijing time and one an hour before, for every invitee', async () => {
    const m = await createMeeting(t, a, { ...at, invitees: { kind: 'branch' } });
    const rows = await reminderRows(t, m.id);
    expect(rows).toHaveLength(2 * a.members.length);
    for (const p of a.members) expect(plan(rows, p.id)).toEqual(expected);
    expect(rows.every((r) => r.groupKey === `mrem:${m.id}:${r.userId}` && r.templateKey === 'meeting_notice')).toBe(true);

    const soon = await createMeeting(t, a, { startsAt: minutesFromNow(30), endsAt: minutesFromNow(90) });
    expect(await reminderRows(t, soon.id)).toHaveLength(0); // both moments have passed: the invitation says it all
  });

  it('withdraws the reminders of an invitee whose leave is approved, and keeps those of one whose request was rejected', async () => {
    const m = await createMeeting(t, a, at);
    const [excused, refused] = a.members;
    for (const p of [excused, refused]) await t.http.post(`/api/meetings/${m.id}/leave`).set('Authorization', await bearerFor(t, p.id)).send({ reason: '出差在外地' });
    await t.http.post(`/api/meetings/${m.id}/leave/${excused.id}/decision`).set('Authorization', a.orgA).send({ approve: true });
    await t.http.post(`/api/meetings/${m.id}/leave/${refused.id}/decision`).set('Authorization', a.orgA).send({ approve: false });
    const rows = await reminderRows(t, m.id);
    expect(plan(rows, excused.id)).toEqual([]);
    expect(rows.filter((r) => r.userId === excused.id).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(plan(rows, refused.id)).toEqual(expected);
  });

  it('withdraws the reminders of someone taken off the invitees', async () => {
    const [stays, goes] = a.members;
    const m = await createMeeting(t, a, { ...at, invitees: { kind: 'members', userIds: [stays.id, goes.id] } });
    await t.http.patch(`/api/meetings/${m.id}`).set('Authorization', a.orgA).send({ invitees: { kind: 'members', userIds: [stays.id] } });
    const rows = await reminderRows(t, m.id);
    expect(plan(rows, goes.id)).toEqual([]);
    expect(plan(rows, stays.id)).toEqual(expected);
  });

  it('withdraws every reminder when the meeting is cancelled', async () => {
    const m = await createMeeting(t, a, at);
    expect((await t.http.post(`/api/meetings/${m.id}/cancel`).set('Authorization', a.orgA)).status).toBe(200);
    const rows = await reminderRows(t, m.id);
    expect(rows).toHaveLength(2 * a.members.length);
    expect(rows.every((r) => r.status === 'cancelled')).toBe(true);
  });

  it('re-plans the reminders when the meeting moves to another time, leaving out whoever is excused', async () => {
    const m = await createMeeting(t, a, at);
    const excused = a.members[0];
    await t.http.post(`/api/meetings/${m.id}/leave`).set('Authorization', await bearerFor(t, excused.id)).send({ reason: '住院' });
    await t.http.post(`/api/meetings/${m.id}/leave/${excused.id}/decision`).set('Authorization', a.orgA).send({ approve: true });
    const moved = await t.http.patch(`/api/meetings/${m.id}`).set('Authorization', a.orgA).send({ startsAt: beijingAt(4, 15).toISOString(), endsAt: beijingAt(4, 17).toISOString() });
    expect(moved.status).toBe(200);
    const rows = await reminderRows(t, m.id);
    const replanned = [`meeting_reminder_day_before@${beijingAt(3, 11).toISOString()}`, `meeting_reminder_hour_before@${beijingAt(4, 14).toISOString()}`];
    for (const p of a.members.slice(1)) expect(plan(rows, p.id)).toEqual(replanned);
    expect(plan(rows, excused.id)).toEqual([]);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(2 * (a.members.length - 1));
    // A move back to the first time is planned afresh, not swallowed by the withdrawn rows' keys.
    await t.http.patch(`/api/meetings/${m.id}`).set('Authorization', a.orgA).send(at);
    expect(plan(await reminderRows(t, m.id), a.members[1].id)).toEqual(expected);
  });

  it('delivers each reminder once, when it is due, to the invitee’s inbox', async () => {
    const member = await t.login('party_member');
    const title = '提醒投递测试';
    const m = await createMeeting(t, a, { ...at, title, invitees: { kind: 'members', userIds: [member.userId] } });
    const worker = t.app.get(OutboxWorker);
    const received = (prefix: string) => t.dataSource.manager.count(InboxItem, { where: { userId: member.userId, title: `${prefix}${title}` } });
    const drainAt = (d: Date) => worker.drain(() => new Date(d.getTime() + 1_000));

    await worker.drain();
    expect(await received('会议通知：')).toBe(1);
    expect(await received('明天开会：')).toBe(0);
    await drainAt(beijingAt(2, 11));
    await drainAt(beijingAt(2, 11));
    expect([await received('明天开会：'), await received('会议1小时后开始：')]).toEqual([1, 0]);
    await drainAt(beijingAt(3, 9));
    await drainAt(beijingAt(3, 9));
    expect([await received('明天开会：'), await received('会议1小时后开始：')]).toEqual([1, 1]);
    expect((await reminderRows(t, m.id)).map((r) => r.status)).toEqual(['delivered', 'delivered']);
    const inbox = await t.http.get('/api/notifications/inbox').set('Authorization', member.token);
    expect(inbox.body.items.find((i: { title: string }) => i.title === `会议1小时后开始：${title}`)).toMatchObject({ link: `/packages/meetings/pages/detail/index?id=${m.id}` });
  });
});
