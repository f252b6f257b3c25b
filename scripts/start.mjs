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

if (stale(join(root, 'shared/dist/index.js'), 'shared/src')) run('building shared', ['run', 'build', '-w', '@honglin/shared']);
if (stale(join(root, 'server/dist/server.mjs'), 'server/src', 'shared/src')) run('building server', ['run', 'build', '-w', '@honglin/server']);
if (stale(join(root, 'miniapp/dist-h5/index.html'), 'miniapp/src', 'miniapp/config', 'shared/src'))
  run('building the h5 app', ['run', 'build:h5', '-w', '@honglin/miniapp']);

const server = spawn(process.execPath, [join(root, 'server/dist/server.mjs')], { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
