import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/**
 * A fresh profile per test, so no test sees another's tokens. Debian's chromium is used because
 * `npx playwright install` cannot download here; --user-data-dir must not go in args. `timezoneId` is
 * the device's zone: a phone or a big screen set to UTC must still show Beijing times.
 */
export async function openBrowser({ timezoneId = 'Asia/Shanghai' } = {}) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'honglin-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
