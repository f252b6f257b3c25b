// `npm start`: build what is missing or stale, then run ONE server on PORT (3000) that migrates and
// seeds the embedded SQLite database on first run, serves the h5 app at / and the API under /api.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale(output, ...sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newest(join(root, s)) > built);
}

function run(label, args) {
  process.stdout.write(`[start] ${label}\n`);
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Like run, without waiting: the server and h5 builds share nothing but shared/dist. */
function runAsync(label, args) {
  process.stdout.write(`[start] ${label}\n`);
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : process.exit(code ?? 1)));
  });
}

if (stale(join(root, 'shared/dist/index.js'), 'shared/src')) run('building shared', ['run', 'build', '-w', '@honglin/shared']);
// In parallel: the server build is mostly tsc, the h5 build mostly webpack; on two cores this saves the
// shorter of the two (about 30 s on a fresh clone).
await Promise.all([
  stale(join(root, 'server/dist/server.mjs'), 'server/src', 'shared/src') && runAsync('building server', ['run', 'build', '-w', '@honglin/server']),
  stale(join(root, 'miniapp/dist-h5/index.html'), 'miniapp/src', 'miniapp/config', 'shared/src') &&
    runAsync('building the h5 app', ['run', 'build:h5', '-w', '@honglin/miniapp']),
]);

const server = spawn(process.execPath, [join(root, 'server/dist/server.mjs')], { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
