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

async function boot() {
  const started = performance.now();
  // Port 0: the server picks a free port and prints it in its "listening" line.
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: dbPath, LOG_LEVEL: 'warn', H5_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const m = /"msg":"listening","url":"([^"]+)"/.exec(buffered);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    setTimeout(() => reject(new Error('server did not start within 30 s')), 30_000).unref();
  });
  for (;;) {
    const res = await fetch(`${url}/api/health`).catch(() => null);
    if (res?.ok) break;
    if (performance.now() - started > 30_000) throw new Error('server did not answer health within 30 s');
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - started;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  child.removeAllListeners('exit');
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { ms, rssMB: rssKb / 1024 };
}

await boot(); // first run migrates and seeds; not measured
const runs = [];
for (let i = 0; i < 5; i++) runs.push(await boot());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({ coldStartMs: Math.round(median(runs.map((r) => r.ms))), rssMB: Math.round(median(runs.map((r) => r.rssMB))), runs: runs.length }));
