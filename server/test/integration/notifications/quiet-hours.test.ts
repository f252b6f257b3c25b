import { SUBSCRIPTION_TEMPLATES } from '@honglin/shared';
import { clock } from '../../../src/common/clock.js';
import { User } from '../../../src/members/user.entity.js';
import { InboxItem } from '../../../src/notifications/inbox-item.entity.js';
import { OutboxMessage } from '../../../src/notifications/outbox-message.entity.js';
import { OutboxWorker } from '../../../src/notifications/outbox-worker.js';
import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

const HOUR = 3_600_000;
const BEIJING = 8 * HOUR;
type Auth = { token: string; userId: string };

/** The next `hh:mm` Beijing time after the wall clock: what is published then is in the future for every rule. */
function nextBeijing(hh: number, mm: number): Date {
  const local = new Date(Date.now() + BEIJING);
  let at = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hh, mm) - BEIJING;
  if (at <= Date.now()) at += 24 * HOUR;
  return new Date(at);
}

describe.each(databases())('quiet hours hold the WeChat push, never the inbox, on %s', (db) => {
  let t: TestApp;
  let worker: OutboxWorker;
  let organiser: Auth;
  let resident: Auth;
  let openid: string;
  const night = nextBeijing(23, 30);
  const morning = new Date(night.getTime() + 7.5 * HOUR); // 07:00 Beijing the next day

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    worker = t.app.get(OutboxWorker);
    [organiser, resident] = await Promise.all(['grid_worker', 'resident'].map((p) => t.login(p)));
    openid = (await t.dataSource.manager.findOne(User, { where: { id: resident.userId } }))!.openid!;
    t.wechat.registerOpenid(openid);
    for (const tpl of Object.values(SUBSCRIPTION_TEMPLATES)) t.wechat.addTemplate(tpl.id);
    await worker.drain(); // the seed's own notices out of the way
  });
  afterEach(() => clock.reset());
  afterAll(() => t.close());

  const as = (a: Auth) => ({
    post: (url: string, body: object = {}) => t.http.post(url).set('Authorization', a.token).send(body),
  });
  const grant = (n: number) =>
    as(resident).post('/api/notifications/subscriptions', { results: Array.from({ length: n }, () => ({ templateKey: 'activity_signup', result: 'accept' })) });
  const publish = async (startsInMs: number) => {
    const xingfu = (await t.dataSource.manager.findOne(OrgNode, { where: { name: '幸福社区' } }))!;
    const now = clock.nowMs();
    const res = await as(organiser).post('/api/activities', {
      communityId: xingfu.id,
      title: '夜间报名测试',
      category: 'talk',
      description: '测试',
      place: '党群服务中心',
      startsAt: new Date(now + startsInMs).toISOString(),
      endsAt: new Date(now + startsInMs + 2 * HOUR).toISOString(),
      capacity: 5,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const sentToResident = () => t.wechat.sentMessages().filter((m) => m.openid === openid).length;
  const inboxTitled = (title: string) => t.dataSource.manager.count(InboxItem, { where: { userId: resident.userId, title } });

  it('puts 报名成功 in the inbox at once at 23:30 Beijing and pushes it to WeChat at 07:00', async () => {
    await grant(1);
    const a = await publish(3 * 24 * HOUR);
    clock.pin(night);
    const before = sentToResident();
    const signup = await as(resident).post(`/api/activities/${a.id}/signup`);
    expect(signup.status).toBe(201);
    expect(signup.body.status).toBe('confirmed');

    await worker.drain();
    expect(await inboxTitled('报名成功')).toBe(1);
    const row = (await t.dataSource.manager.findOne(OutboxMessage, { where: { userId: resident.userId, kind: 'enrollment_confirmed' } }))!;
    expect(row).toMatchObject({ status: 'pending', wechat: 'pending', inboxDone: true, grantHeld: false });
    expect(row.notBefore).toEqual(morning);
    expect(sentToResident()).toBe(before);

    clock.pin(new Date(morning.getTime() - 60_000)); // 06:59: still quiet
    await worker.drain();
    expect(sentToResident()).toBe(before);

    clock.pin(morning);
    await worker.drain();
    await worker.drain();
    expect(sentToResident()).toBe(before + 1);
    expect(await inboxTitled('报名成功')).toBe(1); // the inbox item was written once, not again with the push
    expect((await t.dataSource.manager.findOneBy(OutboxMessage, { id: row.id }))!).toMatchObject({ status: 'delivered', wechat: 'sent' });
  });

  it('pushes an urgent call-off at once, even at 23:30 Beijing', async () => {
    await grant(1);
    clock.pin(night);
    const a = await publish(8 * HOUR); // starts at 07:30: people would turn up
    expect((await as(resident).post(`/api/activities/${a.id}/signup`)).status).toBe(201);
    await worker.drain();
    const before = sentToResident();
    expect((await as(organiser).post(`/api/activities/${a.id}/cancel`, { reason: '暴雨预警，活动取消' })).status).toBe(200);
    await worker.drain();
    expect(await inboxTitled('活动已取消')).toBeGreaterThanOrEqual(1);
    expect(sentToResident()).toBe(before + 1);
  });
});
