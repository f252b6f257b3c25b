import { RollupJob } from '../../../src/analytics/rollup-job.js';
import type { RollupService } from '../../../src/analytics/rollup.service.js';
import type { AppConfig } from '../../../src/config/config.js';

// CI sets TEST_REDIS_URL (Redis at 127.0.0.1:6379); without it the lock cannot be exercised.
const url = process.env.TEST_REDIS_URL;
const maybe = url ? describe : describe.skip;

maybe('analytics refresh with REDIS_URL', () => {
  it('lets one instance refresh at a time, and the next once the first is done', async () => {
    let release!: () => void;
    let runs = 0;
    const rollups = { refresh: () => { runs++; return new Promise<number>((r) => (release = () => r(0))); } } as unknown as RollupService;
    const config = { REDIS_URL: url, OUTBOX_WORKER: false } as AppConfig;
    const [a, b] = [new RollupJob(config, rollups), new RollupJob(config, rollups)];
    try {
      const first = a.tick();
      await new Promise((r) => setTimeout(r, 100));
      expect(await b.tick()).toBe(false);
      release();
      expect(await first).toBe(true);
      const second = b.tick();
      await new Promise((r) => setTimeout(r, 100));
      release();
      expect(await second).toBe(true);
      expect(runs).toBe(2);
    } finally {
      await a.onModuleDestroy();
      await b.onModuleDestroy();
    }
  });
});
