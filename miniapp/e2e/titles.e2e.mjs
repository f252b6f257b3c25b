// Issue #22 items 9, 10 and 14 as one screenshot review: every page's navigation title fits a 375 px
// screen, in normal and in elder mode; the companion 添加 button is one line; the demo seed's activities
// fit the season (no 重阳节 in December).
import { api, apiLogin, assert, byTestId, loginAs, screenshot } from './lib/app.mjs';
import { setElderPreference } from './elder/pages.mjs';
import { appPages } from './sweep.e2e.mjs';

/** The visible bar title: its text, whether it is cut (ellipsis), and the room it had. */
function titleState() {
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const title = [...document.querySelectorAll('.taro-navigation-bar-title')].find(shown);
  if (!title) return null;
  return { text: title.textContent.trim(), cut: title.scrollWidth > title.clientWidth + 1, scrollWidth: title.scrollWidth, clientWidth: title.clientWidth };
}

async function titlesCut(page, baseUrl, routes) {
  const cut = [];
  for (const [route, query] of routes) {
    await page.goto(`${baseUrl}/#/${route}${query ? `?${query}` : ''}`);
    let state = null;
    // The title is set from the page config when the page mounts, or by the page once its data is in.
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(100);
      state = await page.evaluate(titleState);
    }
    if (state?.cut) cut.push(`/${route}: "${state.text}" needs ${state.scrollWidth} px, has ${state.clientWidth} px`);
  }
  return cut;
}

async function routesWithTitles(baseUrl, persona) {
  const { accessToken: token } = await apiLogin(baseUrl, persona);
  const tree = await api(baseUrl, '/api/org/tree', { token });
  // Titles a page sets itself from data: the org members page names the node (the longest names are branches).
  const nodes = Array.isArray(tree.body) ? tree.body : [];
  const longest = [...nodes].sort((a, b) => b.name.length - a.name.length)[0];
  const routes = (await appPages()).filter((r) => !r.startsWith('pages/')).map((r) => [r, '']);
  if (longest) routes.push(['packages/org/pages/members/index', `id=${longest.id}&name=${encodeURIComponent(longest.name)}`]);
  return routes;
}

export const tests = [
  {
    name: 'items 9, 10, 14: navigation titles fit 375 px in normal and elder mode; 添加 on one line; the demo season fits today',
    async run({ baseUrl, page }) {
      await page.setViewportSize({ width: 375, height: 812 });
      const cut = [];
      for (const elder of [false, true]) {
        await setElderPreference(baseUrl, 'organiser_a', elder);
        await page.goto('about:blank');
        await loginAs(page, baseUrl, 'organiser_a');
        const found = await titlesCut(page, baseUrl, await routesWithTitles(baseUrl, 'organiser_a'));
        cut.push(...found.map((f) => `${elder ? 'elder' : 'normal'} ${f}`));
        await page.evaluate(() => window.localStorage.clear());
      }
      await setElderPreference(baseUrl, 'organiser_a', false);
      assert(cut.length === 0, `${cut.length} titles are cut at 375 px:\n      ${cut.join('\n      ')}`);

      // Item 10: the companion form's 添加, one line of text.
      await page.goto('about:blank');
      await loginAs(page, baseUrl, 'resident');
      const { accessToken } = await apiLogin(baseUrl, 'resident');
      const listed = (await api(baseUrl, '/api/activities', { token: accessToken })).body;
      const activities = Array.isArray(listed) ? listed : listed.items;
      const organiser = await apiLogin(baseUrl, 'grid_worker');
      const me = await api(baseUrl, '/api/me', { token: organiser.accessToken });
      const created = await api(baseUrl, '/api/activities', {
        method: 'POST',
        token: organiser.accessToken,
        body: { communityId: me.body.community.id, title: '书法兴趣课', category: 'class', place: '幸福社区活动室', startsAt: new Date(Date.now() + 30 * 3_600_000).toISOString(), endsAt: new Date(Date.now() + 32 * 3_600_000).toISOString(), capacity: 10, maxCompanions: 2 },
      });
      assert(created.status === 201, `creating the activity answered ${created.status}: ${created.text}`);
      await page.goto(`${baseUrl}/#/packages/activities/pages/detail/index?id=${created.body.id}`);
      const add = byTestId(page, 'companion-add');
      await add.waitFor();
      const lines = await add.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return tops.size;
      });
      assert(lines === 1, `添加 is drawn on ${lines} lines`);
      await screenshot(page, 'activity-companion-add-one-line');

      // Item 14: the seed's activities fit the season of today (Beijing), whatever day the demo starts.
      const month = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(new Date()));
      const offSeason = { 重阳: [9, 10, 11], 端午: [5, 6], 中秋: [8, 9, 10], 春节: [1, 2], 元宵: [1, 2, 3], 清明: [3, 4], 消夏: [6, 7, 8], 纳凉: [6, 7, 8], 防暑: [6, 7, 8, 9] };
      const wrong = activities.filter((a) => Object.entries(offSeason).some(([word, months]) => a.title.includes(word) && !months.includes(month)));
      assert(wrong.length === 0, `demo activities out of season in month ${month}: ${wrong.map((a) => a.title).join('、')}`);
      await page.goto(`${baseUrl}/#/pages/activities/index`);
      await page.waitForTimeout(1200);
      await screenshot(page, 'activities-seasonal-demo');
    },
  },
];
