import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/**
 * Errors thrown in any page of any browser opened here, since the last `takePageErrors()`. The runner
 * fails a test that leaves one behind (issue #22 item 11): an uncaught exception, or an exception a
 * library caught and logged with console.error (Stencil logs its render failures that way, e.g.
 * "NotFoundError: Failed to execute 'insertBefore'"). Failed requests (a 403 the page explains) are
 * not page errors.
 */
const pageErrors = [];
const EXCEPTION_LOGGED = /^(Uncaught\b|\w*(Error|Exception)\b[:\s])/;

export function takePageErrors() {
  return pageErrors.splice(0);
}

/** Whether a console.error text is an exception (exported for the harness's own spec). */
export function isLoggedException(text) {
  return EXCEPTION_LOGGED.test(text) && !/^Failed to load resource/.test(text);
}

function watchPage(page) {
  const where = () => {
    try {
      return new URL(page.url()).hash || page.url();
    } catch {
      return page.url();
    }
  };
  page.on('pageerror', (error) => pageErrors.push(`${where()}: ${String(error?.message ?? error).split('\n')[0]}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (isLoggedException(text)) pageErrors.push(`${where()}: console.error ${text.split('\n')[0]}`);
  });
}

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
  for (const open of context.pages()) watchPage(open);
  context.on('page', watchPage);
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
