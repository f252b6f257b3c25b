import { accessTokenOf, api, apiLogin, assert, byTestId, loginAs, openTab, screenshot, textOf } from './lib/app.mjs';

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
  {
    name: 'an organiser calls an activity off with a reason; the resident who signed up sees it cancelled and is told why',
    async run({ baseUrl, page }) {
      const organiser = await apiLogin(baseUrl, 'grid_worker');
      const communities = await api(baseUrl, '/api/activities/communities', { token: organiser.accessToken });
      const xingfu = communities.body.find((c) => c.name === '幸福社区');
      const start = Date.now() + 72 * 3_600_000;
      const created = await api(baseUrl, '/api/activities', {
        method: 'POST', token: organiser.accessToken,
        body: { communityId: xingfu.id, title: '户外健步走', category: 'other', description: '沿河步道健步走', place: '幸福社区南门', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3_600_000).toISOString(), capacity: 10, maxCompanions: 0 },
      });
      assert(created.status === 201, `create answered ${created.status}`);
      const resident = await apiLogin(baseUrl, 'resident');
      const signed = await api(baseUrl, `/api/activities/${created.body.id}/signup`, { method: 'POST', token: resident.accessToken, body: {} });
      assert(signed.status === 201, `sign-up answered ${signed.status}`);

      await loginAs(page, baseUrl, 'grid_worker');
      await page.goto(`${baseUrl}/#/packages/activities/pages/roster/index?id=${created.body.id}`);
      await byTestId(page, 'cancel-activity-reason').locator('input').fill('暴雨预警，活动取消');
      await byTestId(page, 'cancel-activity').click();
      const confirm = page.locator('.taro__modal .taro-model__confirm:visible');
      const inline = byTestId(page, 'cancel-activity-question');
      await confirm.or(inline).first().waitFor();
      if (await confirm.isVisible()) await confirm.click();
      else await inline.getByText('取消活动').click();
      await page.getByText('已通知所有报名和候补的居民').first().waitFor();
      await screenshot(page, 'activity-cancelled-by-organiser');

      const detail = await api(baseUrl, `/api/activities/${created.body.id}`, { token: resident.accessToken });
      assert(detail.body.status === 'cancelled' && detail.body.mine?.status === 'cancelled', `resident sees ${detail.body.status} / ${detail.body.mine?.status}`);
      const outbox = await api(baseUrl, '/api/notifications/inbox', { token: resident.accessToken });
      const deadline = Date.now() + 15_000;
      let told = JSON.stringify(outbox.body).includes('暴雨预警');
      while (!told && Date.now() < deadline) {
        await page.waitForTimeout(500);
        told = JSON.stringify((await api(baseUrl, '/api/notifications/inbox', { token: resident.accessToken })).body).includes('暴雨预警');
      }
      assert(told, 'the resident was not told the reason in the inbox');
    },
  },
];
