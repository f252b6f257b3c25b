import { RedisRateLimitStore } from '../../../src/common/rate-limit.store.js';

// CI sets TEST_REDIS_URL (Redis at 127.0.0.1:6379); without it the shared store cannot be exercised.
const url = process.env.TEST_REDIS_URL;
const maybe = url ? describe : describe.skip;

maybe('rate limits shared through Redis', () => {
  it('counts one window across two server instances', async () => {
    const a = new RedisRateLimitStore(url!);
    const b = new RedisRateLimitStore(url!);
    const key = `test-${process.pid}-${Date.now()}`;
    try {
      const results = [await a.take(key, 3, 60_000), await b.take(key, 3, 60_000), await a.take(key, 3, 60_000), await b.take(key, 3, 60_000)];
      expect(results).toEqual([true, true, true, false]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
