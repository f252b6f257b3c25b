// Browser e2e over the h5 build served by the real server. Builds nothing: it expects
// miniapp/dist-h5 and server/dist to exist (npm run build:h5 && npm run build:server).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openBrowser, takePageErrors } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2]; // optional substring filter on test names

async function collectTests() {
  const files = (await readdir(here)).filter((f) => f.endsWith('.e2e.mjs')).sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(here, file)).href);
    for (const test of mod.tests ?? []) tests.push({ ...test, file });
  }
  return only ? tests.filter((t) => t.name.includes(only)) : tests;
}

async function main() {
  const tests = await collectTests();
  let server;
  try {
    server = await startServer();
  } catch (error) {
    console.error(error?.stack ?? error);
    console.log(`0 passed, ${tests.length} failed`);
    return false;
  }
  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      takePageErrors();
      const browser = await openBrowser();
      const started = Date.now();
      try {
        await test.run({ baseUrl: server.baseUrl, page: browser.page });
        // A test whose pages threw (or logged an exception) fails even if every assertion held.
        const errors = [...new Set(takePageErrors())];
        if (errors.length) throw new Error(`${errors.length} page errors:\n  ${errors.slice(0, 20).join('\n  ')}`);
        passed += 1;
        console.log(`✓ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`✗ ${test.name}\n    ${String(error?.stack ?? error).split('\n').join('\n    ')}`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.stop();
    if (failed > 0) console.log(`--- server output (last lines) ---\n${server.log().split('\n').slice(-40).join('\n')}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && tests.length > 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  },
);
