import { jest } from '@jest/globals';
import { RedisJobLock } from '../../../src/common/job-lock.js';
import { APP_CONFIG, type AppConfig } from '../../../src/config/config.js';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { CareSchedule } from '../../../src/households/care-schedule.js';
import { HouseholdsRepository } from '../../../src/households/households.repository.js';
import { RiskEngine, RiskJob } from '../../../src/households/risk-engine.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// CI sets TEST_REDIS_URL (Redis at 127.0.0.1:6379); without it the shared lock cannot be exercised.
const url = process.env.TEST_REDIS_URL;
const maybe = url ? describe : describe.skip;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

maybe('risk scan on one instance at a time (REDIS_URL)', () => {
  const prefix = `test:${process.pid}:${Date.now()}:`;
  const locks: RedisJobLock[] = [];
  const lock = () => {
    const l = new RedisJobLock(url!, prefix);
    locks.push(l);
    return l;
  };
  afterAll(() => Promise.all(locks.map((l) => l.close())));

  it('lets one instance hold a named lock, renews it past its TTL while the work runs, and frees it after', async () => {
    const [a, b] = [lock(), lock()];
    const order: string[] = [];
    const first = a.run('scan', 120, async () => {
      order.push('a start');
      await sleep(400); // over three TTLs: only the renewal keeps b out
      order.push('a end');
    });
    await sleep(50);
    for (let i = 0; i < 3; i++) {
      expect(await b.run('scan', 120, async () => void order.push('b ran'))).toBe(false);
      await sleep(100);
    }
    expect(await first).toBe(true);
    expect(await b.run('scan', 120, async () => void order.push('b ran'))).toBe(true);
    expect(order).toEqual(['a start', 'a end', 'b ran']);
  });

  it('frees the lock when the work fails', async () => {
    const [a, b] = [lock(), lock()];
    await expect(a.run('failing', 60_000, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await b.run('failing', 60_000, async () => undefined)).toBe(true);
  });

  describe('two server instances ticking at once', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp('sqlite', { OUTBOX_WORKER: 'false' });
    });
    afterAll(() => t.close());

    it('runs the full scan once a day across the fleet and escalates on whichever instance ticks', async () => {
      const engine = t.app.get(RiskEngine);
      const scans = jest.spyOn(engine, 'scan').mockImplementation(async () => {
        await sleep(300);
        return 0;
      });
      const escalations = jest.spyOn(engine, 'escalate').mockResolvedValue(0);
      const instance = () => {
        const job = new RiskJob({ ...t.app.get<AppConfig>(APP_CONFIG), REDIS_URL: url }, engine, t.app.get(HouseholdsRepository), t.app.get(CareSchedule), t.app.get(TransactionRunner));
        void job.lock.close();
        Object.assign(job, { lock: lock() });
        return job;
      };
      const [one, two] = [instance(), instance()];
      try {
        const now = new Date('2026-12-07T18:00:00Z'); // 02:00 on 8 Dec in Beijing
        expect((await Promise.all([one.tick(now), two.tick(now)])).sort()).toEqual([false, true]);
        expect(scans).toHaveBeenCalledTimes(1);
        // Later the same Beijing day, on the other instance: escalations only.
        expect(await two.tick(new Date('2026-12-08T02:00:00Z'))).toBe(true);
        expect(scans).toHaveBeenCalledTimes(1);
        expect(escalations).toHaveBeenCalledTimes(2);
        // The next Beijing day (from 16:00 UTC): one full scan again.
        expect(await one.tick(new Date('2026-12-08T16:00:00Z'))).toBe(true);
        expect(await two.tick(new Date('2026-12-08T16:10:00Z'))).toBe(true);
        expect(scans).toHaveBeenCalledTimes(2);
      } finally {
        scans.mockRestore();
        escalations.mockRestore();
      }
    });
  });
});
