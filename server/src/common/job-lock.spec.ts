import { LocalJobLock } from './job-lock.js';

describe('LocalJobLock (one process, no REDIS_URL)', () => {
  it('refuses a second run of the same name while the first is running, and frees it after, even on failure', async () => {
    const lock = new LocalJobLock();
    let release!: () => void;
    const first = lock.run('scan', 1000, () => new Promise<void>((r) => (release = r)));
    expect(await lock.run('scan', 1000, async () => undefined)).toBe(false);
    expect(await lock.run('other', 1000, async () => undefined)).toBe(true);
    release();
    expect(await first).toBe(true);
    await expect(lock.run('scan', 1000, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run('scan', 1000, async () => undefined)).toBe(true);
  });

  it('keeps marks for the process', async () => {
    const lock = new LocalJobLock();
    expect(await lock.mark('day')).toBeNull();
    await lock.setMark('day', '2026-12-08', 1000);
    expect(await lock.mark('day')).toBe('2026-12-08');
  });
});
