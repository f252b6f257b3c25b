import { MemoryRateLimitStore } from './rate-limit.store.js';

describe('MemoryRateLimitStore', () => {
  it('allows up to the limit in a window and refuses the rest', async () => {
    const store = new MemoryRateLimitStore();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await store.take('k', 3, 60_000));
    expect(results).toEqual([true, true, true, false, false]);
  });

  it('keeps separate counters per key', async () => {
    const store = new MemoryRateLimitStore();
    expect(await store.take('a', 1, 60_000)).toBe(true);
    expect(await store.take('b', 1, 60_000)).toBe(true);
    expect(await store.take('a', 1, 60_000)).toBe(false);
  });
});
