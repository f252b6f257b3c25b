import { PeriodicJob } from './periodic-job.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PeriodicJob', () => {
  it('runs repeatedly, never overlapping, and keeps going after a failure', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const errors: string[] = [];
    const job = new PeriodicJob('test', 5, async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      runs++;
      await wait(15);
      active--;
      if (runs === 1) throw new Error('boom');
    }, { error: (m: string) => errors.push(m) });
    job.start();
    // Until three runs happened (a loaded machine may take a while), not a fixed sleep.
    for (const deadline = Date.now() + 5000; runs < 3 && Date.now() < deadline; ) await wait(10);
    await job.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(maxActive).toBe(1);
    expect(errors).toEqual(['test failed: boom']);
  });

  it('waits for the run in progress when stopped, and runs no more afterwards', async () => {
    let finished = 0;
    const job = new PeriodicJob('t', 1, async () => {
      await wait(30);
      finished++;
    }, { error: () => undefined });
    job.start();
    await wait(10);
    await job.stop();
    const after = finished;
    expect(after).toBe(1);
    await wait(50);
    expect(finished).toBe(after);
  });
});
