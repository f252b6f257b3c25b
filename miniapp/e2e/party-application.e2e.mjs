import { api, apiLogin, assert, byTestId, confirmModal, loginAs, openTab, screenshot, textOf } from './lib/app.mjs';

export const tests = [
  {
    name: "a resident applies for Party membership, logs out, and organiser A approves it on the review page",
    async run({ baseUrl, page }) {
      const organiser = await apiLogin(baseUrl, 'organiser_a');
      const tree = await api(baseUrl, '/api/org/tree', { token: organiser.accessToken });
      const branch = tree.body.find((n) => n.kind === 'branch');
      assert(branch, `organiser_a manages no branch: ${tree.text}`);

      await loginAs(page, baseUrl, 'resident');
      await openTab(page, '我的');
      await byTestId(page, 'party-apply').click();
      await byTestId(page, `branch-${branch.id}`).click();
      await page.locator('[data-testid="application-note"]:visible textarea').fill('2001年入党，原在幸福社区第一党支部');
      await screenshot(page, 'party-application-form');
      await byTestId(page, 'application-submit').click();
      // The form page leaves with navigateBack; wait until it is gone, not merely covered.
      await page.locator('.taro_page[id^="/packages/me/pages/party-application"]').waitFor({ state: 'detached' });
      await byTestId(page, 'party-status').waitFor();
      assert((await textOf(byTestId(page, 'party-status'))) === '待审核', 'status after applying is not 待审核');

      await byTestId(page, 'logout').click();
      await confirmModal(page);
      await byTestId(page, 'go-login').waitFor();

      await loginAs(page, baseUrl, 'organiser_a');
      await openTab(page, '我的');
      await byTestId(page, 'entry-org-applications').click();
      const card = page.locator('[data-testid^="application-"]:visible', { hasText: '王丽' });
      await card.waitFor();
      await screenshot(page, 'party-application-review');
      await card.locator('[data-testid="approve"]').click();
      await confirmModal(page);
      await card.waitFor({ state: 'detached' });

      const resident = await apiLogin(baseUrl, 'resident');
      const me = await api(baseUrl, '/api/me', { token: resident.accessToken });
      assert(me.body.partyApplication?.status === 'approved', `application not approved: ${me.text}`);
      assert(me.body.roles.some((g) => g.role === 'party_member'), `approved resident has no party_member role: ${me.text}`);
    },
  },
];
