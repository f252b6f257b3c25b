// Cold start of the server on an already migrated SQLite database: time from process spawn until
// /api/health answers ok, and the resident set size then. Median of 5 runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The bundle that `npm start` runs (see scripts/bundle.mjs).
const main = join(dirname(fileURLToPath(import.meta.url)), '../dist/server.mjs');
const dbPath = join(mkdtempSync(join(tmpdir(), 'hl-bench-startup-')), 'demo.sqlite');

async function boot(port) {
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: dbPath, LOG_LEVEL: 'warn', H5_DIR: '/nonexistent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - started > 30_000) throw new Error('server did not start within 30 s');
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - started;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  return { ms, rssMB: rssKb / 1024 };
}

await boot(39_100); // first run migrates and seeds; not measured
const runs = [];
for (let i = 0; i < 5; i++) runs.push(await boot(39_101 + i));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({ coldStartMs: Math.round(median(runs.map((r) => r.ms))), rssMB: Math.round(median(runs.map((r) => r.rssMB))), runs: runs.length }));
