import { api, apiLogin, assert, byTestId, loginAs, openTab, screenshot, textOf } from './lib/app.mjs';
import { openBrowser } from './lib/browser.mjs';

const HOUR = 3_600_000;

async function waitForText(locator, expected, what) {
  for (let i = 0; i < 75; i++) {
    const text = await textOf(locator).catch(() => '');
    if (text.includes(expected)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: expected "${expected}", saw "${await textOf(locator).catch(() => '(nothing)')}"`);
}

async function openFamilyPage(page) {
  await openTab(page, '我的');
  await byTestId(page, 'entry-family').click();
  await byTestId(page, 'family-side').waitFor();
}

export const tests = [
  {
    name: 'family: a family member links to an older resident who confirms on her own phone, signs her up for an activity, and she sees in elder mode who did it',
    async run({ baseUrl, page }) {
      const organiser = await apiLogin(baseUrl, 'grid_worker');
      const me = await api(baseUrl, '/api/me', { token: organiser.accessToken });
      const title = `重阳茶话会${Date.now() % 10000}`;
      const created = await api(baseUrl, '/api/activities', {
        method: 'POST',
        token: organiser.accessToken,
        body: {
          communityId: me.body.community.id,
          title,
          category: 'festival',
          place: '幸福社区活动室',
          startsAt: new Date(Date.now() + 30 * HOUR).toISOString(),
          endsAt: new Date(Date.now() + 32 * HOUR).toISOString(),
          capacity: 20,
        },
      });
      assert(created.status === 201, `creating the activity answered ${created.status}: ${created.text}`);
      const elderSetup = await apiLogin(baseUrl, 'elder');
      const pref = await api(baseUrl, '/api/me/preferences', { method: 'PATCH', token: elderSetup.accessToken, body: { elderMode: true } });
      assert(pref.status === 200, `elder mode: ${pref.status} ${pref.text}`);

      // 张秀英, on her own phone, in elder mode: shows a code for her daughter-in-law.
      const elderPhone = await openBrowser();
      try {
        const elderPage = elderPhone.page;
        await loginAs(elderPage, baseUrl, 'elder');
        await elderPage.locator('.theme-root.theme-elder:visible').first().waitFor();
        await openFamilyPage(elderPage);
        await byTestId(elderPage, 'invite-create').click();
        const code = (await textOf(byTestId(elderPage, 'invite-code'))).replace(/\D/g, '');
        assert(/^\d{6}$/.test(code), `no 6-digit code on the elder's screen: "${code}"`);
        await screenshot(elderPage, 'family-elder-invite-code');

        // 王丽 types it on hers: a request, not yet a link.
        await loginAs(page, baseUrl, 'resident');
        await openFamilyPage(page);
        await byTestId(page, 'family-code').locator('input').fill(code);
        await byTestId(page, 'family-code-submit').click();
        await waitForText(byTestId(page, 'elder-张秀英'), '等待确认', 'family side after typing the code');

        // The request appears on the elder's screen by itself; she agrees.
        const request = byTestId(elderPage, 'pending-王丽');
        await request.waitFor({ timeout: 15_000 });
        assert((await textOf(request)).includes('138****0001'), 'the request does not show the masked phone');
        assert(!(await textOf(request)).includes('13800000001'), 'the full phone number leaked to the elder');
        await screenshot(elderPage, 'family-elder-confirm');
        await request.locator('[data-testid="link-agree"]').click();
        await byTestId(elderPage, 'helper-王丽').waitFor();

        // 王丽 signs her up from the activity page: pick whom → confirm → done.
        await page.goto(`${baseUrl}/#/pages/activities/index`);
        await byTestId(page, `activity-${title}`).click();
        await byTestId(page, 'family-signup').waitFor();
        await byTestId(page, 'family-pick-张秀英').click();
        await byTestId(page, 'family-signup-submit').click();
        await page.locator('.taro__modal .taro-model__confirm:visible').click();
        await byTestId(page, 'family-signup-done').waitFor();
        await screenshot(page, 'family-signup-for-elder');

        // 张秀英 opens 我的活动, still in elder mode, and reads who signed her up.
        await elderPage.goto(`${baseUrl}/#/packages/activities/pages/mine/index`);
        const row = byTestId(elderPage, `mine-${title}`);
        await waitForText(row.locator('[data-testid="mine-entered-by"]'), '由 家人 王丽 代报名', '我的活动 of the elder');
        await waitForText(row.locator('[data-testid="mine-status"]'), '已报名', 'status in 我的活动');
        assert(await elderPage.locator('.theme-root.theme-elder:visible').first().isVisible(), '我的活动 is not in elder mode');
        await screenshot(elderPage, 'family-elder-my-activities');

        // …and the same in her 代办记录.
        await elderPage.goto(`${baseUrl}/#/packages/family/pages/index/index`);
        await waitForText(byTestId(elderPage, 'history-for-me'), `王丽 代报名“${title}”`, "the elder's acting-for history");
      } finally {
        await elderPhone.close();
      }
    },
  },
];
