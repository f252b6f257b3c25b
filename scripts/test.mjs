// `npm test`: every workspace's unit and integration tests. Runs them all even when one fails, so a
// failure in one package does not hide another's, and exits non-zero if any failed.
import { spawnSync } from 'node:child_process';

const steps = [
  ['build shared', ['run', 'build', '-w', '@honglin/shared']],
  ['shared', ['test', '-w', '@honglin/shared']],
  ['server', ['test', '-w', '@honglin/server']],
  ['miniapp', ['test', '-w', '@honglin/miniapp']],
];
const failed = [];
for (const [name, args] of steps) {
  process.stdout.write(`\n[test] ${name}\n`);
  const r = spawnSync('npm', [...args, ...(name === 'build shared' ? [] : ['--', ...process.argv.slice(2)])], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed.push(name);
    if (name === 'build shared') break;
  }
}
if (failed.length) {
  process.stdout.write(`\n[test] failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
