import { accessTokenOf, api, assert, byTestId, loginAs, openTab, screenshot, textOf } from './lib/app.mjs';

export const tests = [
  {
    name: 'a grid worker registers a resident without a smartphone, signs her up for an activity and marks her present',
    async run({ baseUrl, page }) {
      const name = `孙桂兰${Date.now() % 1000}`;
      await loginAs(page, baseUrl, 'grid_worker');
      await openTab(page, '我的');
      await byTestId(page, 'entry-org-residents').click();
      await byTestId(page, 'resident-name').locator('input').fill(name);
      await byTestId(page, 'resident-birthYear').locator('input').fill('1946');
      await byTestId(page, 'resident-register').click();
      await byTestId(page, 'resident-registered').waitFor();
      await screenshot(page, 'residents-registered');

      const token = await accessTokenOf(page);
      const managed = await api(baseUrl, '/api/activities/manage', { token });
      const activity = managed.body.items.find((a) => a.title === '健康义诊') ?? managed.body.items[0];
      await page.goto(`${baseUrl}/#/packages/activities/pages/roster/index?id=${activity.id}`);
      await byTestId(page, 'enrol-open').click();
      await byTestId(page, 'person-search').locator('input').fill(name);
      await byTestId(page, 'person-search-go').click();
      await byTestId(page, 'person-option').filter({ hasText: name }).click();
      await byTestId(page, 'enrol-confirm').click();
      const row = byTestId(page, `roster-${name}`);
      await row.waitFor();
      const shown = await textOf(row);
      assert(shown.includes('无手机') && shown.includes('代报名'), `roster row says "${shown}"`);
      await row.getByText('到场').click();
      await page.waitForFunction((n) => [...document.querySelectorAll(`[data-testid="roster-${n}"]`)].some((e) => e.offsetParent !== null && e.textContent.includes('已签到')), name);
      await screenshot(page, 'residents-enrolled-present');
    },
  },
];
