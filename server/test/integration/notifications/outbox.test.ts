import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBSCRIPTION_TEMPLATES } from '@honglin/shared';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { User } from '../../../src/members/user.entity.js';
import { InboxItem } from '../../../src/notifications/inbox-item.entity.js';
import { NotificationService } from '../../../src/notifications/notification.service.js';
import { OutboxMessage } from '../../../src/notifications/outbox-message.entity.js';
import { OutboxWorker } from '../../../src/notifications/outbox-worker.js';
import { NotificationRepository } from '../../../src/notifications/notification.repository.js';
import { WechatClient } from '../../../src/wechat/wechat.client.js';
import { databases, freshMariaDatabase, startTestApp, type TestApp } from '../../support/test-app.js';

const later = (ms: number) => () => new Date(Date.now() + ms);

describe.each(databases())('notification outbox on %s', (db) => {
  let t: TestApp;
  let outbox: NotificationService;
  let worker: OutboxWorker;
  let tx: TransactionRunner;
  let resident: { token: string; userId: string };
  let openid: string;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false', OUTBOX_BACKOFF_MS: '1000' });
    outbox = t.app.get(NotificationService);
    worker = t.app.get(OutboxWorker);
    tx = t.app.get(TransactionRunner);
    resident = await t.login('resident');
    openid = (await t.dataSource.manager.findOne(User, { where: { id: resident.userId } }))!.openid!;
    t.wechat.registerOpenid(openid);
    for (const tpl of Object.values(SUBSCRIPTION_TEMPLATES)) t.wechat.addTemplate(tpl.id);
  });
  afterAll(() => t.close());

  const send = (key: string, extra: Record<string, unknown> = {}) =>
    tx.run((em) => outbox.enqueue(em, { userId: resident.userId, kind: 'test', title: '测试通知', body: `正文 ${key}`, dedupeKey: key, urgent: true, ...extra }));
  const inboxCount = (key: string) => t.dataSource.manager.count(InboxItem, { where: { body: `正文 ${key}` } });
  const row = (key: string) => t.dataSource.manager.findOne(OutboxMessage, { where: { dedupeKey: key } });
  const sentTo = () => t.wechat.sentMessages().filter((m) => m.openid === openid).length;

  it('delivers a row to the inbox once and ignores a repeat of the same dedupe key', async () => {
    await send('once');
    await send('once');
    await worker.drain();
    await worker.drain();
    expect(await inboxCount('once')).toBe(1);
    expect((await row('once'))!.status).toBe('delivered');
    const inbox = await t.http.get('/api/notifications/inbox').set('Authorization', resident.token);
    expect(inbox.body.items.find((i: { body: string }) => i.body === '正文 once')).toMatchObject({ title: '测试通知', read: false });
    expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
  });

  it('rolls the row back with the business change that wrote it', async () => {
    await expect(
      tx.run(async (em) => {
        await outbox.enqueue(em, { userId: resident.userId, kind: 'test', title: 't', body: 'b', dedupeKey: 'rolled-back' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await row('rolled-back')).toBeNull();
  });

  it('spends one subscription grant per WeChat message and falls back to the inbox when none is left', async () => {
    const granted = await t.http
      .post('/api/notifications/subscriptions')
      .set('Authorization', resident.token)
      .send({ results: [{ templateKey: 'activity_signup', result: 'accept' }, { templateKey: 'waitlist_offer', result: 'reject' }] });
    expect(granted.status).toBe(200);
    expect(granted.body.grants.find((g: { templateKey: string }) => g.templateKey === 'activity_signup').remaining).toBe(1);
    const before = sentTo();
    const data = { thing1: '健康义诊', time2: '2026-12-03 09:00', thing3: '报名成功' };
    await send('grant-1', { templateKey: 'activity_signup', data });
    await send('grant-2', { templateKey: 'activity_signup', data });
    await worker.drain();
    expect(sentTo()).toBe(before + 1);
    // Whichever the worker took first got the one grant; the other went to the inbox only.
    expect([(await row('grant-1'))!.wechat, (await row('grant-2'))!.wechat].sort()).toEqual(['sent', 'skipped']);
    expect((await inboxCount('grant-1')) + (await inboxCount('grant-2'))).toBe(2);
    const after = await t.http.get('/api/notifications/subscriptions').set('Authorization', resident.token);
    expect(after.body.grants.find((g: { templateKey: string }) => g.templateKey === 'activity_signup').remaining).toBe(0);
  });

  it('retries a failed WeChat send with backoff without spending a second grant', async () => {
    await t.http.post('/api/notifications/subscriptions').set('Authorization', resident.token).send({ results: [{ templateKey: 'activity_reminder', result: 'accept' }] });
    t.wechat.failNextSends(1, 45009);
    const before = sentTo();
    await send('retry', { templateKey: 'activity_reminder', data: { thing1: 'a', time2: 'b', thing3: 'c' } });
    await worker.drain();
    const waiting = (await row('retry'))!;
    expect(waiting).toMatchObject({ status: 'pending', wechat: 'pending', grantHeld: true, attempts: 1 });
    expect(waiting.notBefore.getTime()).toBeGreaterThan(Date.now());
    await worker.drain(later(2_000));
    expect((await row('retry'))!).toMatchObject({ status: 'delivered', wechat: 'sent' });
    expect(sentTo()).toBe(before + 1);
    expect(await inboxCount('retry')).toBe(1);
  });

  it('never sends twice when a worker died between sending and recording it', async () => {
    await t.http.post('/api/notifications/subscriptions').set('Authorization', resident.token).send({ results: [{ templateKey: 'activity_reminder', result: 'accept' }] });
    await send('crash', { templateKey: 'activity_reminder', data: { thing1: 'a', time2: 'b', thing3: 'c' } });
    const r = (await row('crash'))!;
    // Worker A claims the row and gets as far as marking it "sending", then the process dies.
    const dying = new OutboxWorker(t.config, t.app.get(NotificationRepository), tx, t.app.get(WechatClient));
    const now = new Date();
    expect(await t.app.get(NotificationRepository).claim([r.id], dying.id, now, new Date(now.getTime() + 60_000))).toEqual([r.id]);
    await tx.run((em) => (dying as never as { prepare: Function }).prepare(em, [r.id], now));
    expect((await row('crash'))!.wechat).toBe('sending');
    const before = sentTo();
    await worker.drain(); // lease still held: nothing happens
    expect((await row('crash'))!.status).toBe('pending');
    await worker.drain(later(61_000)); // lease expired: the survivor finishes without resending
    expect((await row('crash'))!).toMatchObject({ status: 'delivered', wechat: 'unknown' });
    expect(sentTo()).toBe(before);
    expect(await inboxCount('crash')).toBe(1);
  });

  it('holds non-urgent notices during quiet hours', async () => {
    const night = new Date('2026-12-01T23:30:00+08:00');
    await send('quiet', { urgent: false, notBefore: night });
    expect((await row('quiet'))!.notBefore).toEqual(new Date('2026-12-02T07:00:00+08:00'));
  });

  it('answers an empty list of ids to mark read with the unread count, not a 500 (MariaDB rejects IN ())', async () => {
    await send('empty-ids');
    await worker.drain();
    const res = await t.http.post('/api/notifications/read').set('Authorization', resident.token).send({ ids: [] });
    expect(res.status).toBe(200);
    expect(res.body.unread).toBeGreaterThanOrEqual(1);
  });

  it('marks the inbox read and reports the unread count', async () => {
    const res = await t.http.post('/api/notifications/read').set('Authorization', resident.token).send({});
    expect(res.status).toBe(200);
    expect(res.body.unread).toBe(0);
    const bad = await t.http.post('/api/notifications/subscriptions').set('Authorization', resident.token).send({ results: [{ templateKey: 'nope', result: 'accept' }] });
    expect(bad.status).toBe(400);
  });
});

describe.each(databases())('outbox across a restart on %s', (db) => {
  it('delivers rows written before a restart exactly once after it', async () => {
    const fresh = db === 'mariadb' ? await freshMariaDatabase() : null;
    const env: Record<string, string> = fresh ? { DATABASE_URL: fresh.url } : { SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'hl-outbox-')), 'restart.sqlite') };
    try {
      const first = await startTestApp(db, { ...env, OUTBOX_WORKER: 'false' });
      const { userId } = await first.login('resident');
      await first.app.get(TransactionRunner).run((em) =>
        first.app.get(NotificationService).enqueue(em, { userId, kind: 'test', title: '重启前', body: '重启前写入', dedupeKey: 'before-restart', urgent: true }),
      );
      await first.close();
      const second = await startTestApp(db, { ...env, OUTBOX_WORKER: 'true', OUTBOX_POLL_MS: '50' });
      try {
        for (let i = 0; i < 100 && (await second.dataSource.manager.count(InboxItem, { where: { body: '重启前写入' } })) === 0; i++) await new Promise((r) => setTimeout(r, 50));
        await second.app.get(OutboxWorker).drain();
        expect(await second.dataSource.manager.count(InboxItem, { where: { body: '重启前写入' } })).toBe(1);
        expect((await second.dataSource.manager.findOne(OutboxMessage, { where: { dedupeKey: 'before-restart' } }))!.status).toBe('delivered');
      } finally {
        await second.close();
      }
    } finally {
      await fresh?.drop();
    }
  }, 120_000); // two full server starts (migrations + seed) on a busy machine
});
