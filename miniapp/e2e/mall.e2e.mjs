import { accessTokenOf, api, assert, byTestId, loginAs, openTab, screenshot, textOf } from './lib/app.mjs';
import { openBrowser } from './lib/browser.mjs';

const confirmModal = (page) => page.locator('.taro__modal .taro-model__confirm:visible').click();

export const tests = [
  {
    name: 'an organiser stocks the mall, a member redeems, and the organiser checks the code and hands the item over',
    async run({ baseUrl, page }) {
      const itemName = `社区定制雨伞${Date.now() % 10_000}`;
      await loginAs(page, baseUrl, 'organiser_a');
      await openTab(page, '我的');
      await byTestId(page, 'entry-mall-manage').click();
      await byTestId(page, 'item-create').waitFor();
      await byTestId(page, 'item-name').locator('input').fill(itemName);
      await byTestId(page, 'item-pricePoints').locator('input').fill('1');
      await byTestId(page, 'item-stock').locator('input').fill('2');
      await byTestId(page, 'item-create').click();
      const card = byTestId(page, 'org-mall-item').filter({ hasText: itemName });
      await card.waitFor();
      assert((await textOf(card)).includes('库存 2'), `new item card says "${await textOf(card)}"`);
      await screenshot(page, 'mall-manage');

      // The member's phone: the item is on the shelf of their branch.
      const phone = await openBrowser();
      let code;
      try {
        await loginAs(phone.page, baseUrl, 'party_member');
        await phone.page.goto(`${baseUrl}/#/packages/points/pages/mall/index`);
        const offer = byTestId(phone.page, 'mall-item').filter({ hasText: itemName });
        await offer.locator('button, taro-button-core').first().click();
        await confirmModal(phone.page);
        await byTestId(phone.page, 'pickup-code').waitFor();
        code = await textOf(byTestId(phone.page, 'pickup-code'));
        assert(/^[0-9A-Z]{8}$/.test(code), `pickup code "${code}"`);
      } finally {
        await phone.close();
      }

      // At the counter: typed in lower case, looked up, then handed over once.
      await byTestId(page, 'pickup-code-input').locator('input').fill(code.toLowerCase());
      await byTestId(page, 'pickup-lookup').click();
      const found = byTestId(page, 'pickup-found');
      await found.waitFor();
      const shown = await textOf(found);
      assert(shown.includes('李建国') && shown.includes(itemName) && shown.includes('待领取'), `lookup shows "${shown}"`);
      await byTestId(page, 'pickup-confirm').click();
      await byTestId(page, 'pickup-done').waitFor();
      await screenshot(page, 'mall-pickup-verified');
      await page.waitForFunction(
        (name) => [...document.querySelectorAll('[data-testid="org-mall-item"]')].some((e) => e.offsetParent !== null && e.textContent.includes(name) && e.textContent.includes('已领取 1')),
        itemName,
      );

      const token = await accessTokenOf(page);
      const twice = await api(baseUrl, '/api/org/mall/pickups', { method: 'POST', token, body: { code } });
      assert(twice.status === 409 && twice.body.code === 'REDEMPTION_NOT_PENDING', `second hand-over answered ${twice.status} ${twice.text}`);
    },
  },
  {
    name: 'an organiser raises a points rule for the branch and members below see the new daily cap',
    async run({ baseUrl, page }) {
      await loginAs(page, baseUrl, 'organiser_a');
      await openTab(page, '我的');
      await byTestId(page, 'entry-points-rules').click();
      const rule = byTestId(page, 'points-rule').filter({ hasText: '分享' });
      await rule.waitFor();
      await rule.locator('.points-row').click();
      await byTestId(page, 'rule-dailyCap').locator('input').fill('4');
      await byTestId(page, 'rule-points').locator('input').fill('2');
      await byTestId(page, 'rule-save').click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="points-rule"]')].some((e) => e.offsetParent !== null && e.textContent.includes('分享') && e.textContent.includes('每次 2 分') && e.textContent.includes('每日≤4') && e.textContent.includes('本组织设置')),
      );
      await screenshot(page, 'points-rules');

      const member = await openBrowser();
      try {
        await loginAs(member.page, baseUrl, 'party_member');
        const summary = await api(baseUrl, '/api/points/me', { token: await accessTokenOf(member.page) });
        const share = summary.body.today.find((x) => x.action === 'share');
        assert(share && share.dailyCap === 4, `member sees share cap ${JSON.stringify(share)}`);
      } finally {
        await member.close();
      }
    },
  },
];
