// The weapp main package (everything in miniapp/dist outside subPackages) must stay under 1 MB;
// WeChat's hard limit is 2 MB. Prints the figure.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../miniapp/dist/', import.meta.url).pathname;
const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
let main = 0;
let total = 0;
function walk(dir, rel) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(p, r);
    else {
      const size = statSync(p).size;
      total += size;
      if (!roots.some((root) => r.startsWith(`${root}/`)) && !r.endsWith('.map')) main += size;
    }
  }
}
walk(dist, '');
const kb = (n) => Math.round(n / 1024);
console.log(JSON.stringify({ mainPackageKB: kb(main), totalKB: kb(total), subPackages: roots.length, limitKB: 1024 }));
if (main >= 1024 * 1024) {
  console.error('main package is over 1 MB');
  process.exit(1);
}
