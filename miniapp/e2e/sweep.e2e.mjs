// Every page of app.config opened by direct URL and by reload (issue #22 item 1): a page must show its
// content or a clear error within 2 s, never stay on "正在加载…", and never throw. The hang this guards
// against was a start-up race (a page's data load tied to a show event that fired before the session
// was restored), so each page is opened several times, for more than one persona.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { api, apiLogin, assert, loginAs } from './lib/app.mjs';
import { MINIAPP_DIR } from './lib/paths.mjs';

const SETTLE_MS = 2000;
/** How much longer a page that missed the 2 s is watched, to say whether it hung or was slow. */
const LATE_MS = 6000;
const PERSONAS = ['resident', 'organiser_a'];
/** Loads of each page per persona: the first by URL into a fresh document, the rest by reload. */
const RELOADS = 2;
/** Tabs of the one browser working at once. */
const TABS = 3;

/** The page paths of app.config.ts, main package and subpackages, in their order there. */
export async function appPages() {
  const source = await readFile(path.join(MINIAPP_DIR, 'src', 'app.config.ts'), 'utf8');
  const list = (text) => [...text.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const main = source.match(/^\s*pages:\s*\[([^\]]*)\]/m);
  assert(main, 'app.config.ts: no pages list');
  const pages = list(main[1]);
  for (const sub of source.matchAll(/\{\s*root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g)) {
    pages.push(...list(sub[2]).map((p) => `${sub[1]}/${p}`));
  }
  assert(pages.length > 40, `app.config.ts: only ${pages.length} pages found, the parser is out of date`);
  return pages;
}

/** Real ids for the pages that open one thing, from the demo seed as the persona sees it. */
async function queriesFor(baseUrl, persona) {
  const { accessToken: token } = await apiLogin(baseUrl, persona);
  const get = async (pathname) => {
    const r = await api(baseUrl, pathname, { token });
    return r.status === 200 ? r.body : null;
  };
  const first = (body) => (Array.isArray(body) ? body[0] : body?.items?.[0]) ?? null;
  const activity = first(await get('/api/activities'));
  const meeting = first(await get('/api/meetings?scope=mine&when=all')) ?? first(await get('/api/meetings?scope=managed&when=all'));
  const article = first(await get('/api/study/contents?kind=article&limit=1'));
  const video = first(await get('/api/study/contents?kind=video&limit=1'));
  const node = first(await get('/api/org/tree'));
  const shift = first(await get('/api/volunteering/shifts'));
  const campaign = first(await get('/api/volunteering/campaigns'));
  const call = first(await get('/api/volunteering/mobilisations/mine')) ?? first(await get('/api/volunteering/mobilisations/manage'));
  const complaint = first(await get('/api/complaints/mine?limit=1'));
  const report = first(await get('/api/cases/mine?limit=1'));
  const q = (key, thing) => (thing?.id ? `${key}=${encodeURIComponent(thing.id)}` : null);
  // 大屏 opens with a kiosk link's token, made by whoever may make one (an hour is plenty).
  const scope = await get('/api/org/analytics/scope');
  const kiosk = scope?.[0] ? await api(baseUrl, '/api/org/analytics/kiosk-links', { method: 'POST', token, body: { nodeId: scope[0].id, hours: 1 } }) : null;
  return {
    'packages/activities/pages/detail/index': q('id', activity),
    'packages/activities/pages/signup/index': q('id', activity),
    'packages/activities/pages/edit/index': q('id', activity),
    'packages/activities/pages/roster/index': q('id', activity),
    'packages/meetings/pages/detail/index': q('id', meeting),
    'packages/meetings/pages/edit/index': q('id', meeting),
    'packages/meetings/pages/attendance/index': q('id', meeting),
    'packages/meetings/pages/minutes/index': q('id', meeting),
    'packages/checkin/pages/qr/index': q('id', meeting),
    'packages/checkin/pages/scan/index': q('meetingId', meeting),
    'packages/study/pages/article/index': q('id', article),
    'packages/study/pages/video/index': q('id', video),
    'packages/org/pages/members/index': node ? `${q('id', node)}&name=${encodeURIComponent(node.name)}` : null,
    'packages/volunteer/pages/shift/index': q('id', shift),
    'packages/volunteer/pages/campaign/index': q('id', campaign),
    'packages/volunteer/pages/call/index': q('id', call),
    'packages/volunteer/pages/board/index': q('id', call),
    'packages/complaints/pages/detail/index': q('id', complaint),
    'packages/voice/pages/detail/index': q('id', report),
    'packages/analytics/pages/screen/index': kiosk?.status === 201 ? `token=${encodeURIComponent(kiosk.body.token)}` : null,
  };
}

/** What the visible page shows: loading, nothing yet, or settled (content or an error). */
function pageState() {
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const bodies = [...document.querySelectorAll('.page-shell__body')].filter(shown);
  const text = bodies.map((b) => b.innerText).join('\n').trim();
  if (!bodies.length) return { settled: false, text: '(no page drawn)' };
  if (text.includes('正在加载')) return { settled: false, text };
  return { settled: text.length > 0, text: text || '(empty page)' };
}

async function waitSettled(page, started, within = SETTLE_MS) {
  let state = { settled: false, text: '(nothing)' };
  while (Date.now() - started < within) {
    state = await page.evaluate(pageState).catch(() => state);
    if (state.settled) return { ...state, ms: Date.now() - started };
    await page.waitForTimeout(50);
  }
  return state;
}

/** Opens one page the ways a person does, several times; returns what went wrong. */
async function sweepRoute(page, baseUrl, persona, route, query, counter) {
  const failures = [];
  const suffix = query ? `?${query}` : '';
  // Opened with a real id three times; without one (a clear error, not a hang) once by URL and once by reload.
  const loads = query || !counter.needsId.has(route) ? 1 + RELOADS : 2;
  for (let attempt = 0; attempt < loads; attempt++) {
    page.sweepWhere = `${persona} ${attempt ? 'reload' : 'open'} /${route}${suffix}`;
    const started = Date.now();
    if (attempt === 0) {
      // A new document, as from a shared link or a bookmark: the app starts from nothing.
      counter.documents += 1;
      await page.goto(`${baseUrl}/?open=${counter.documents}#/${route}${suffix}`, { waitUntil: 'commit' });
    } else {
      await page.reload({ waitUntil: 'commit' });
    }
    const state = await waitSettled(page, started);
    counter.loads += 1;
    if (!state.settled) {
      // Still a failure either way; waiting on tells a hang from a page that was merely slow.
      const later = await waitSettled(page, Date.now(), LATE_MS);
      const verdict = later.settled ? `slow: settled after ${SETTLE_MS + later.ms} ms` : `hung: still loading after ${SETTLE_MS + LATE_MS} ms`;
      failures.push(`${page.sweepWhere}: ${verdict}, at ${SETTLE_MS} ms "${state.text.slice(0, 80).replace(/\s+/g, ' ')}"`);
    }
    else if (state.ms > counter.slowest.ms) counter.slowest = { ms: state.ms, where: page.sweepWhere };
  }
  return failures;
}

export const tests = [
  {
    name: 'every page of app.config opens by direct URL and by reload within 2 s, for a resident and an organiser',
    async run({ baseUrl, page }) {
      const routes = await appPages();
      const context = page.context();
      // Tabs of the one browser share the login; each works through its share of the pages.
      const tabs = [page, ...(await Promise.all(Array.from({ length: TABS - 1 }, () => context.newPage())))];
      const failures = [];
      const errors = [];
      for (const tab of tabs) tab.on('pageerror', (error) => errors.push(`${tab.sweepWhere}: ${String(error?.message ?? error).split('\n')[0]}`));
      const counter = { loads: 0, documents: 0, slowest: { ms: 0, where: '' }, needsId: new Set() };
      for (const persona of PERSONAS) {
        await page.goto('about:blank');
        await loginAs(page, baseUrl, persona);
        const queries = await queriesFor(baseUrl, persona);
        counter.needsId = new Set(Object.keys(queries));
        // Pages that open one thing: with a real id, and without one.
        const work = routes.flatMap((route) => (route in queries ? [[route, queries[route]], [route, '']].filter(([, q]) => q !== null) : [[route, '']]));
        await Promise.all(
          tabs.map(async (tab) => {
            while (work.length) {
              const [route, query] = work.shift();
              failures.push(...(await sweepRoute(tab, baseUrl, persona, route, query, counter)));
            }
          }),
        );
        // A clean profile for the next persona.
        await page.evaluate(() => window.localStorage.clear());
      }
      await Promise.all(tabs.slice(1).map((tab) => tab.close()));
      console.log(`    ${counter.loads} loads of ${routes.length} pages in ${TABS} tabs; slowest settled in ${counter.slowest.ms} ms (${counter.slowest.where})`);
      assert(failures.length === 0 && errors.length === 0, `${failures.length} loads did not settle, ${errors.length} page errors:\n      ${[...failures, ...errors].join('\n      ')}`);
    },
  },
];
