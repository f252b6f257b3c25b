import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { byTestId } from '../lib/app.mjs';
import { SCREENSHOT_DIR } from '../lib/paths.mjs';
import { measureScreen } from './measure.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const SHOT_DIR = path.join(SCREENSHOT_DIR, 'elder-mode');

/** Waits until the page shows its own content (any one of `ready`) and has stopped loading and sliding in. */
async function settle(page, ready) {
  await page.locator([ready].flat().map((id) => `[data-testid="${id}"]:visible`).join(', ')).first().waitFor();
  for (let i = 0; i < 50; i++) {
    const loading = await page.getByText('正在加载…').filter({ visible: true }).count();
    if (!loading) break;
    await page.waitForTimeout(200);
  }
  // Taro's h5 router slides a page in for 300 ms.
  await page.waitForTimeout(600);
}

async function runAxe(page, axeSource) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const summarise = (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`;
    // axe skips display:none subtrees, which is how Taro's h5 router hides the pages behind this one.
    const aa = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const aaa = await window.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] }, resultTypes: ['violations'] });
    return {
      serious: aa.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(summarise),
      aaaContrast: aaa.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))),
    };
  }, AXE_TAGS);
}

const lowest = (items, value) => (items.length ? Math.min(...items.map(value)) : null);
const list = (items, show) => items.slice(0, 6).map(show).join('; ') + (items.length > 6 ? ` … (${items.length} in all)` : '');

/** Opens one screen, measures it, runs axe and saves its picture; `failures` lists what breaks the limits. */
export async function auditScreen(ctx, screen, mode, { axeSource, limits }) {
  const { page } = ctx;
  await screen.open(ctx);
  await settle(page, screen.ready);
  const seen = await page.evaluate(measureScreen);
  const absent = [];
  for (const testId of screen.shows?.[mode] ?? []) {
    if (!(await byTestId(page, testId).count())) absent.push(testId);
  }
  // A screen that changes by itself (timers, auto-advance) is caught by looking twice.
  await page.waitForTimeout(2000);
  const later = await page.evaluate(() => document.body.innerText);
  const axe = await runAxe(page, axeSource);
  await mkdir(SHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOT_DIR, `${screen.name}-${mode}.png`), scale: 'css' });

  const smallText = seen.texts.filter((t) => t.fontPx < limits.bodyFontPx);
  const tightText = seen.texts.filter((t) => t.lineRatio < limits.lineRatio);
  const smallTargets = seen.targets.filter((t) => Math.min(t.w, t.h) < limits.targetPx);
  const maxFontPx = seen.texts.reduce((m, t) => Math.max(m, t.fontPx), 0);
  const failures = absent.length ? [`missing: ${absent.join(', ')}`] : [];
  if (smallText.length) failures.push(`text under ${limits.bodyFontPx}px: ${list(smallText, (t) => `${t.el} ${t.fontPx}px`)}`);
  if (maxFontPx < limits.headingPx) failures.push(`largest text ${maxFontPx}px, under ${limits.headingPx}px`);
  if (tightText.length) failures.push(`line height under ${limits.lineRatio}: ${list(tightText, (t) => `${t.el} ${t.lineRatio}`)}`);
  if (smallTargets.length) failures.push(`targets under ${limits.targetPx}px: ${list(smallTargets, (t) => `${t.el} ${t.w}×${t.h}`)}`);
  if (axe.serious.length) failures.push(`axe: ${axe.serious.join('; ')}`);
  if (seen.moving.length) failures.push(`moving: ${seen.moving.join('; ')}`);
  if (seen.popups.length) failures.push(`pop-ups: ${seen.popups.join('; ')}`);
  if (seen.gestures.length) failures.push(`gesture handlers: ${seen.gestures.join('; ')}`);
  if (later !== seen.screenText) failures.push('the screen changed by itself within 2 s');

  return {
    name: screen.name,
    mode,
    minFontPx: lowest(seen.texts, (t) => t.fontPx),
    maxFontPx,
    minLineRatio: lowest(seen.texts, (t) => t.lineRatio),
    minTargetPx: lowest(seen.targets, (t) => Math.min(t.w, t.h)),
    axe: axe.serious,
    aaaContrast: axe.aaaContrast,
    moving: seen.moving,
    popups: seen.popups,
    changedWhileWatching: later !== seen.screenText,
    failures,
  };
}
