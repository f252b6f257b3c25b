// `npm run bench -- <name>`: runs server/bench/<name>.mjs against the built server (server/dist),
// which prints exactly one JSON line of figures on stdout. Progress goes to stderr.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
const available = readdirSync(here).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_')).map((f) => f.replace(/\.mjs$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>   (one of: ${available.join(', ')})`);
  process.exit(2);
}
execSync('npm run build', { cwd: join(here, '..'), stdio: ['ignore', 'ignore', 'inherit'] });
if (!existsSync(join(here, '../dist/main.js'))) throw new Error('server build missing');
const r = spawnSync(process.execPath, [join(here, `${name}.mjs`), ...process.argv.slice(3)], { stdio: 'inherit', env: process.env });
process.exit(r.status ?? 1);
