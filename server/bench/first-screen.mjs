// The h5 first screen on a slow phone: the built h5 app (miniapp/dist-h5) served by the built server on a
// fresh demo database, opened in Debian's Chromium under Playwright with the CPU slowed 4× (CDP
// Emulation.setCPUThrottlingRate) and the browser cache off, as a signed-in resident (首页) and as an elder
// in elder mode (长辈版首页). Interactive = the page shows the person's own greeting (data from the API
// rendered) and the main thread has gone idle once; measured from navigation start, median of 5 loads.
// initialJsKbGzip: the JavaScript those loads fetched, gzip-compressed (what a server sends with gzip on).
// Prints {"initialJsKbGzip":…,"initialJsFiles":…,"residentInteractiveMs":…,"elderInteractiveMs":…}.
// Usage: npm run build:h5 && npm run bench -- first-screen
import { gzipSync } from 'node:zlib';
import { apiLogin, loginAs } from '../../miniapp/e2e/lib/app.mjs';
import { openBrowser } from '../../miniapp/e2e/lib/browser.mjs';
import { startServer } from '../../miniapp/e2e/lib/server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const THROTTLE = 4;
const log = (...a) => console.error('[first-screen]', ...a);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer();
try {
  // The elder persona's account is in elder mode (the setting lives on the server).
  const elder = await apiLogin(server.baseUrl, 'elder');
  await fetch(`${server.baseUrl}/api/me/preferences`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${elder.accessToken}` }, body: JSON.stringify({ elderMode: true }) });

  async function measure(persona) {
    const browser = await openBrowser();
    try {
      const { page, context } = browser;
      await loginAs(page, server.baseUrl, persona); // signs in once, unthrottled; tokens stay in storage
      const times = [];
      let js = new Map();
      for (let run = 0; run < RUNS; run++) {
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
        const scripts = new Map();
        tab.on('response', async (response) => {
          if (response.request().resourceType() !== 'script') return;
          try {
            scripts.set(response.url(), gzipSync(await response.body()).length);
          } catch {
            /* a script still loading when the page closes */
          }
        });
        await tab.goto(`${server.baseUrl}/#/pages/home/index`, { waitUntil: 'commit' });
        await tab.locator('[data-testid="home-greeting"]:visible').waitFor({ timeout: 60_000 });
        const ms = await tab.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout: 5000 })));
        times.push(ms);
        if (run === 0) js = new Map(scripts);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await tab.close();
      }
      log(persona, times.map(Math.round).join(' '), 'ms;', js.size, 'scripts');
      return { ms: Math.round(median(times)), jsKb: Math.round([...js.values()].reduce((a, b) => a + b, 0) / 1024), files: js.size };
    } finally {
      await browser.close();
    }
  }

  const resident = await measure('resident');
  const elderly = await measure('elder');
  console.log(JSON.stringify({ initialJsKbGzip: Math.max(resident.jsKb, elderly.jsKb), initialJsFiles: Math.max(resident.files, elderly.files), residentInteractiveMs: resident.ms, elderInteractiveMs: elderly.ms, cpuThrottling: THROTTLE, runs: RUNS }));
} finally {
  await server.stop();
}
