// 长辈模式 audit: opens every main page of the h5 build at 375 × 812, in elder mode and in normal mode,
// measures what is visible and saves a screenshot of each. Elder mode must meet the thresholds below;
// normal mode is measured and reported. Prints one JSON line last. Builds nothing (see ../run.mjs).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openBrowser, takePageErrors } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { loginAs } from '../lib/app.mjs';
import { auditScreen } from './audit.mjs';
import { SCREENS, prepare, setElderPreference } from './pages.mjs';

/** MIIT 适老化 rules for the elder version (see shared/reference/domain.md). */
export const LIMITS = { bodyFontPx: 18, headingPx: 30, lineRatio: 1.3, targetPx: 60 };

// The production minimum (60 s) for an article's points: nothing is credited while a screen is watched,
// so any change seen on the study page is the page ticking by itself. Heartbeats stay at the e2e 2 s.
process.env.STUDY_MIN_ARTICLE_SECONDS ??= '60';

// ELDER_SCREENS=analytics,grid audits only the screens whose names start so (a quick look at one area).
const ONLY = process.env.ELDER_SCREENS ? process.env.ELDER_SCREENS.split(',') : null;
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function runMode(server, mode) {
  const made = await prepare(server.baseUrl, mode);
  const results = [];
  for (const persona of [...new Set(SCREENS.filter((s) => !ONLY || ONLY.some((o) => s.name.startsWith(o))).map((s) => s.persona))]) {
    await setElderPreference(server.baseUrl, persona, mode === 'elder');
    const browser = await openBrowser();
    try {
      const { page, context } = browser;
      await page.setViewportSize({ width: 375, height: 812 });
      // Phones have a Chinese voice; headless Chromium has none, and read-aloud hides itself without one.
      await context.addInitScript(() => {
        const voice = { lang: 'zh-CN', name: '审计用中文语音', default: true, localService: true, voiceURI: 'audit-zh' };
        if (window.speechSynthesis) window.speechSynthesis.getVoices = () => [voice];
      });
      await loginAs(page, server.baseUrl, persona);
      const ctx = { page, baseUrl: server.baseUrl, ...made };
      for (const screen of SCREENS.filter((s) => s.persona === persona && (!s.modes || s.modes.includes(mode)) && (!ONLY || ONLY.some((o) => s.name.startsWith(o))))) {
        try {
          takePageErrors();
          const result = await auditScreen(ctx, screen, mode, { axeSource, limits: LIMITS });
          // A screen that threw (or logged an exception) fails in either mode, like any e2e test.
          const errors = [...new Set(takePageErrors())].map((e) => `page error: ${e}`);
          results.push(errors.length ? { ...result, failures: [...result.failures, ...errors] } : result);
        } catch (error) {
          // One screen that cannot be reached fails alone; the rest are still measured.
          results.push({ name: screen.name, mode, broken: true, failures: [String(error?.message ?? error).split('\n')[0]], axe: [], moving: [], popups: [] });
        }
      }
    } finally {
      await browser.close();
    }
  }
  return results;
}

function summarise(results) {
  // A screen that could not be measured leaves the figure unknown (null), never flattered.
  const unmeasured = results.some((r) => r.minFontPx === undefined);
  const min = (values) => {
    const measured = values.filter((v) => typeof v === 'number');
    return unmeasured || !measured.length ? null : Math.round(Math.min(...measured) * 10) / 10;
  };
  return {
    pages: results.length,
    minBodyFontPx: min(results.map((r) => r.minFontPx)),
    minTargetPx: min(results.map((r) => r.minTargetPx)),
    axeSeriousOrCritical: results.reduce((n, r) => n + r.axe.length, 0),
    minHeadingPx: min(results.map((r) => r.maxFontPx)),
    minLineHeight: min(results.map((r) => r.minLineRatio)),
    moving: results.reduce((n, r) => n + r.moving.length, 0),
    popups: results.reduce((n, r) => n + r.popups.length, 0),
    screenChanged: results.filter((r) => r.changedWhileWatching).length,
    aaaContrastMisses: results.reduce((n, r) => n + (r.aaaContrast?.length ?? 0), 0),
  };
}

async function main() {
  const server = await startServer();
  let elder;
  let normal;
  try {
    elder = await runMode(server, 'elder');
    normal = await runMode(server, 'normal');
  } finally {
    await server.stop();
  }
  // Elder mode must meet every limit. Normal mode is held to WCAG AA (axe), must show what it should
  // (the offer to a 72-year-old, read-aloud) and must open; its sizes are reported, not enforced.
  const enforced = (r) => (r.mode === 'elder' || r.broken ? r.failures : r.failures.filter((f) => /^(axe|missing|page error)/.test(f)));
  const failed = [...elder, ...normal].filter((r) => enforced(r).length);
  for (const r of [...elder, ...normal]) {
    const figures = r.broken ? 'not measured' : `text ≥ ${r.minFontPx}px, largest ${r.maxFontPx}px, line ≥ ${r.minLineRatio}, targets ≥ ${r.minTargetPx}px, axe ${r.axe.length}`;
    console.log(`${enforced(r).length ? '✗' : '✓'} ${r.mode} ${r.name}: ${figures}`);
    for (const failure of enforced(r)) console.log(`    ${failure}`);
    // 7:1 (AAA) is the aim in elder mode, 4.5:1 the rule: shown, not enforced.
    if (r.mode === 'elder' && r.aaaContrast?.length) console.log(`    under 7:1 contrast: ${r.aaaContrast.join(' | ')}`);
  }
  console.log(`normal mode: ${JSON.stringify(summarise(normal))}`);
  console.log(`${elder.length + normal.length - failed.length} passed, ${failed.length} failed`);
  console.log(JSON.stringify(summarise(elder)));
  return failed.length === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  },
);
