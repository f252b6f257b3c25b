import { api, apiLogin, assert, byTestId, loginAs, openTab, screenshot, textOf, waitForText } from './lib/app.mjs';
import { openBrowser } from './lib/browser.mjs';

const HOUR = 3_600_000;

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
      const title = `邻里茶话会${Date.now() % 10000}`;
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
  {
    name: "family: 王丽 helps an older Party member linked at her door — checks her in with the organiser's code and pays her dues (代缴) through 模拟支付; the receipt names 王丽 as payer",
    async run({ baseUrl, page }) {
      // An older Party member of 幸福社区 without a smartphone login: 周敏 witnesses her consent at the door.
      const organiser = await apiLogin(baseUrl, 'grid_worker');
      const me = await api(baseUrl, '/api/me', { token: organiser.accessToken });
      const communityId = me.body.community.id;
      const members = await api(baseUrl, `/api/org/nodes/${communityId}/members?limit=100`, { token: organiser.accessToken });
      const senior = members.body.items.find((m) => m.branch && m.birthYear && m.birthYear <= new Date().getFullYear() - 60);
      assert(senior, 'no older Party member in 幸福社区');
      const invite = await api(baseUrl, '/api/family/invites/witnessed', { method: 'POST', token: organiser.accessToken, body: { elderUserId: senior.id, reason: '老人行动不便，网格员上门见证' } });
      assert(invite.status === 201, `witnessed invite: ${invite.status} ${invite.text}`);

      await loginAs(page, baseUrl, 'resident');
      await openFamilyPage(page);
      await byTestId(page, 'family-code').locator('input').fill(invite.body.code);
      await byTestId(page, 'family-code-submit').click();
      const card = byTestId(page, `elder-${senior.name}`);
      await waitForText(card, '已绑定', 'family side after using the witnessed code');

      // 帮TA签到: an activity about to start, the elder signed up, the code from the organiser's screen typed in.
      const title = `健康讲座${Date.now() % 10000}`;
      const soon = await api(baseUrl, '/api/activities', {
        method: 'POST',
        token: organiser.accessToken,
        body: { communityId, title, category: 'festival', place: '幸福社区活动室', startsAt: new Date(Date.now() + 10 * 60_000).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString(), capacity: 20 },
      });
      assert(soon.status === 201, `activity: ${soon.status} ${soon.text}`);
      const family = await apiLogin(baseUrl, 'resident');
      const signed = await api(baseUrl, `/api/family/elders/${senior.id}/activities/${soon.body.id}/signup`, { method: 'POST', token: family.accessToken, body: {} });
      assert(signed.status === 201, `sign-up for the elder: ${signed.status} ${signed.text}`);
      const qr = await api(baseUrl, `/api/checkin/activity/${soon.body.id}/qr`, { token: organiser.accessToken });
      await card.locator('[data-testid="elder-checkin-open"]').click();
      await card.locator('[data-testid="elder-checkin-code"] input').fill(qr.body.token);
      await card.locator('[data-testid="elder-checkin-submit"]').click();
      await waitForText(card.locator('[data-testid="elder-checkin-success"]'), `已为 ${senior.name} 签到：${title}`, 'family check-in result');
      await screenshot(page, 'family-checkin-for-elder');

      // 代缴党费: the dues pages for her bills; this month only, paid on 模拟支付 with 王丽's WeChat.
      const month = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7);
      await card.locator('[data-testid="elder-dues"]').click();
      await waitForText(byTestId(page, 'dues-for-elder'), `为${senior.name}代缴党费`, 'dues page for the elder');
      await byTestId(page, `bill-${month}`).waitFor();
      for (const other of await page.locator('[data-testid^="bill-"]:visible').all()) {
        if ((await other.getAttribute('data-testid')) !== `bill-${month}`) await other.click();
      }
      await screenshot(page, 'family-dues-for-elder');
      await byTestId(page, 'dues-pay').click();
      await page.waitForURL(/\/api\/payments\/demo-pay\//);
      await page.locator('#confirm-pay').click();
      await byTestId(page, 'dues-receipt').waitFor({ timeout: 20_000 });
      assert((await textOf(byTestId(page, 'receipt-member'))).includes(senior.name), 'the receipt does not name the member');
      await waitForText(byTestId(page, 'receipt-payer'), '王丽（代缴）', 'payer on the receipt');
      await screenshot(page, 'family-dues-receipt');

      const history = await api(baseUrl, '/api/family/history?as=actor', { token: family.accessToken });
      const actions = history.body.items.filter((i) => i.subject.id === senior.id).map((i) => i.action);
      assert(actions.includes('dues_payment') && actions.includes('checkin'), `acting-for records: ${actions.join(', ')}`);
    },
  },
];
