import { SUBSCRIPTION_TEMPLATES } from '@honglin/shared';
import { Redis } from 'ioredis';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { User } from '../../../src/members/user.entity.js';
import { InboxItem } from '../../../src/notifications/inbox-item.entity.js';
import { NotificationService } from '../../../src/notifications/notification.service.js';
import { OutboxMessage } from '../../../src/notifications/outbox-message.entity.js';
import { freshMariaDatabase, startTestApp } from '../../support/test-app.js';

const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisUp(): Promise<boolean> {
  const r = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

// Several instances on one MariaDB database, sharing delivery through BullMQ (needs Redis and MariaDB).
const run = process.env.TEST_DATABASE_URL ? describe : describe.skip;

run('outbox with REDIS_URL across two instances', () => {
  it('delivers every row exactly once between two instances', async () => {
    if (!(await redisUp())) return console.warn('Redis not reachable: skipped');
    const fresh = await freshMariaDatabase();
    const env = { DATABASE_URL: fresh.url, REDIS_URL: REDIS, OUTBOX_POLL_MS: '100' };
    const a = await startTestApp('mariadb', { ...env, OUTBOX_WORKER: 'false' });
    const { userId } = await a.login('resident');
    const openid = (await a.dataSource.manager.findOne(User, { where: { id: userId } }))!.openid!;
    const N = 30;
    const tx = a.app.get(TransactionRunner);
    const tpl = SUBSCRIPTION_TEMPLATES.activity_reminder;
    await tx.run(async (em) => {
      await em.query(`INSERT INTO subscription_grants (id, userId, templateKey, remaining) VALUES ('${'r'.repeat(26)}', ?, 'activity_reminder', ?)`, [userId, N]);
      for (let i = 0; i < N; i++) {
        await a.app.get(NotificationService).enqueue(em, { userId, kind: 'test', title: '双实例', body: `第${i}条`, dedupeKey: `two-${i}`, urgent: true, notBefore: new Date(Date.now() + 4000), templateKey: 'activity_reminder', data: { thing1: 'a', time2: 'b', thing3: 'c' } });
      }
    });
    await a.close(); // rows fall due 4 s from now: after both instances know the WeChat openid
    const [one, two] = await Promise.all([startTestApp('mariadb', { ...env, OUTBOX_WORKER: 'true' }), startTestApp('mariadb', { ...env, OUTBOX_WORKER: 'true' })]);
    try {
      for (const i of [one, two]) {
        i.wechat.registerOpenid(openid);
        i.wechat.addTemplate(tpl.id);
      }
      const inbox = () => one.dataSource.manager.count(InboxItem, { where: { title: '双实例' } });
      const delivered = () => one.dataSource.manager.count(OutboxMessage, { where: { status: 'delivered' } });
      for (let i = 0; i < 150 && (await delivered()) < N; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await inbox()).toBe(N);
      const sent = one.wechat.sentMessages().length + two.wechat.sentMessages().length;
      expect(sent).toBe(N);
    } finally {
      await Promise.all([one.close(), two.close()]);
      await fresh.drop();
    }
  }, 180_000); // three full server starts
});
