import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SCREENSHOT_DIR } from './paths.mjs';

/** Same storage key as src/stores/tokens.ts; Taro's h5 storage wraps values as {data}. */
const TOKENS_KEY = 'honglin.tokens';

export class AssertionError extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

/** Calls the API directly, the way a script (or an attacker with a valid token) would. */
export async function api(baseUrl, pathname, { method = 'GET', token, body } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, body: json, text };
}

export async function apiLogin(baseUrl, persona) {
  const { status, body, text } = await api(baseUrl, '/api/auth/demo-login', { method: 'POST', body: { persona } });
  assert(status === 200 || status === 201, `demo-login ${persona} answered ${status}: ${text}`);
  return body;
}

/** Elements with a test id that are on screen (Taro's h5 keeps earlier pages in the DOM, hidden). */
export function byTestId(page, testId) {
  return page.locator(`[data-testid="${testId}"]:visible`);
}

/** The real flow: login prompt → persona → privacy agreement when asked → back in the app. */
export async function loginAs(page, baseUrl, persona) {
  await page.goto(`${baseUrl}/#/pages/home/index`);
  await byTestId(page, 'go-login').click();
  // Let the login page finish sliding in (300 ms) first: Taro's h5 router hides the page below once the
  // slide ends, so a login that navigates back to home before then left home hidden (blank) for good.
  await byTestId(page, `persona-${persona}`).waitFor();
  await page.waitForTimeout(450);
  await byTestId(page, `persona-${persona}`).click();
  const agree = byTestId(page, 'privacy-agree');
  const greeting = byTestId(page, 'home-greeting');
  await agree.or(greeting).first().waitFor();
  if (await agree.isVisible()) await agree.click();
  await greeting.waitFor();
}

/** Logs the current person out (storage and the in-memory session) and logs `persona` in afresh. */
export async function switchUser(page, baseUrl, persona) {
  await page.evaluate(() => window.localStorage.clear());
  // The session lives in memory too: start the app afresh on the home page.
  await page.goto(`${baseUrl}/#/pages/home/index`);
  await page.reload();
  await loginAs(page, baseUrl, persona);
}

export async function openTab(page, label) {
  // The app's own bar (components/TabBar.tsx), drawn in each tab page; only the one on screen is visible.
  await page.locator(`[data-testid="tab-${label}"]:visible`).first().click();
}

export async function accessTokenOf(page) {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), TOKENS_KEY);
  assert(raw, 'no tokens in page storage after login');
  const token = JSON.parse(raw).data?.accessToken;
  assert(typeof token === 'string' && token.length > 0, 'stored tokens have no accessToken');
  return token;
}

export async function textOf(locator) {
  return (await locator.first().innerText()).trim();
}

/** Waits (up to 15 s) until the locator's text contains `expected`; `what` names it in the failure. */
export async function waitForText(locator, expected, what) {
  for (let i = 0; i < 75; i++) {
    const text = await textOf(locator).catch(() => '');
    if (text.includes(expected)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: expected "${expected}", saw "${await textOf(locator).catch(() => '(nothing)')}"`);
}

/** Normal mode asks in Taro's modal; tap its confirm button. */
export async function confirmModal(page) {
  await page.locator('.taro__modal .taro-model__confirm:visible').click();
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Taro's h5 router slides pages in for 300 ms; wait it out so the picture shows one page.
  await page.waitForTimeout(450);
  await page.screenshot({ path: file });
  return file;
}
