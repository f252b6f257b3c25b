// Project rules that the type checker cannot see. Run by `npm run lint` after `npm run typecheck`.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';

const root = fileURLToPath(new URL('..', import.meta.url));
const problems = [];

function files(dir, test) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name === 'dist-h5') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, test));
    else if (test(p)) out.push(p);
  }
  return out;
}

const rules = [
  // ESM under nodenext: a relative import without .js compiles but fails at run time.
  { dirs: ['server/src', 'server/test', 'shared/src'], re: /from '(\.{1,2}\/[^']*?)(?<!\.js)'/, msg: 'relative import without .js suffix' },
  // Logs go through the JSON logger so secrets are redacted and lines carry request ids.
  { dirs: ['server/src'], re: /console\.(log|info|debug)\(/, msg: 'console.log in server code (use JsonLogger)', skip: /fakes\// },
  // Transactions only through TransactionRunner (SQLite serialisation, MariaDB retries).
  { dirs: ['server/src'], re: /\.transaction\(/, msg: 'direct dataSource.transaction (use TransactionRunner)', skip: /transaction-runner\.ts|seed\// },
  // Money is integer fen: no floats from parseFloat in server money code.
  { dirs: ['server/src/dues', 'server/src/payments'], re: /parseFloat\(/, msg: 'parseFloat in money code (amounts are integer fen)' },
  { dirs: ['server/src', 'shared/src', 'miniapp/src'], re: /\bdebugger\b/, msg: 'debugger statement' },
  // Page content mounts once the session is restored, often after the page's one show: a loader in
  // useDidShow never ran and the page hung on 正在加载… (issue #22). PageShell counts shows for usePageShow.
  { dirs: ['miniapp/src'], re: /\buseDidShow\(/, msg: 'useDidShow outside PageShell (use usePageShow)', skip: /components\/PageShell\.tsx|pages\/me\/index\.tsx|study\/useStudySession\.ts|\.spec\./ },
];

for (const rule of rules) {
  for (const dir of rule.dirs) {
    let list;
    try {
      list = files(join(root, dir), (p) => /\.(ts|tsx)$/.test(p));
    } catch {
      continue;
    }
    for (const file of list) {
      const rel = relative(root, file);
      if (rule.skip?.test(rel)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (rule.re.test(line)) problems.push(`${rel}:${i + 1}: ${rule.msg}`);
        });
    }
  }
}

// Floors (docs/architecture.md): the low floors of the server import only themselves and the floors
// below them, never a domain folder or the domain list; a domain registers itself in src/domains.ts.
const floors = [
  { dir: 'server/src/database', may: ['database', 'common', 'config'] },
  { dir: 'server/src/common', may: ['common', 'config'] },
];
const serverSrc = join(root, 'server/src');
for (const floor of floors) {
  for (const file of files(join(root, floor.dir), (p) => p.endsWith('.ts'))) {
    const rel = relative(root, file);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const m of line.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
          const top = relative(serverSrc, resolve(dirname(file), m[1])).split(sep)[0];
          if (!floor.may.includes(top)) problems.push(`${rel}:${i + 1}: ${floor.dir.split('/').pop()}/ imports '${m[1]}' (${top} is above it; only ${floor.may.join(', ')})`);
        }
      });
  }
}

// Files stay short enough to read in one go; generated migrations are exempt.
const MAX_LINES = 300;
for (const dir of ['server/src', 'shared/src', 'miniapp/src']) {
  for (const file of files(join(root, dir), (p) => /\.(ts|tsx)$/.test(p))) {
    const rel = relative(root, file);
    if (/^server\/src\/database\/migrations\//.test(rel.split(sep).join('/'))) continue;
    const lines = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').length;
    if (lines > MAX_LINES) problems.push(`${rel}: ${lines} lines (at most ${MAX_LINES}: split it by rule)`);
  }
}

// No import cycles (madge; type-only imports count too, since they tie the files together just the same).
const graphs = [
  { dir: 'server/src', tsConfig: 'server/tsconfig.json' },
  { dir: 'shared/src', tsConfig: 'shared/tsconfig.json' },
  { dir: 'miniapp/src', tsConfig: 'miniapp/tsconfig.json' },
];
for (const g of graphs) {
  const result = await madge(join(root, g.dir), { fileExtensions: ['ts', 'tsx'], tsConfig: join(root, g.tsConfig) });
  for (const cycle of result.circular()) problems.push(`${g.dir}: import cycle ${[...cycle, cycle[0]].join(' → ')}`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log('lint: no problems');
