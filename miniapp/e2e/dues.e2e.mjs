import { api, apiLogin, assert, byTestId, loginAs, openTab, screenshot, textOf } from './lib/app.mjs';

const thisMonth = () => {
  const d = new Date(Date.now() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

export const tests = [
  {
    name: "a Party member pays this month's dues through the fake WeChat Pay, sees the receipt, and the treasurer's board shows it paid",
    async run({ baseUrl, page }) {
      const month = thisMonth();
      await loginAs(page, baseUrl, 'party_member');
      await openTab(page, '我的');
      await byTestId(page, 'entry-dues').click();
      await byTestId(page, `bill-${month}`).waitFor();
      // Every unpaid month starts selected; pay just this one (older arrears stay for another day).
      for (const other of await page.locator('[data-testid^="bill-"]:visible').all()) {
        if ((await other.getAttribute('data-testid')) !== `bill-${month}`) await other.click();
      }
      const total = await textOf(byTestId(page, 'dues-total'));
      assert(total.includes('81.00'), `the total for 5400 元 should be 81.00 元, shows "${total}"`);
      await screenshot(page, 'dues-member');

      await byTestId(page, 'dues-pay').click();
      await page.waitForURL(/\/api\/payments\/demo-pay\//);
      await screenshot(page, 'dues-fake-pay');
      await page.locator('#confirm-pay').click();
      await byTestId(page, 'dues-receipt').waitFor({ timeout: 20_000 });
      const paid = await textOf(byTestId(page, 'receipt-total'));
      assert(paid.includes('81.00'), `receipt shows "${paid}"`);
      assert((await textOf(byTestId(page, 'receipt-months'))).includes(month), 'receipt does not name this month');
      const code = (await textOf(byTestId(page, 'receipt-code'))).replace(/^校验码\s*/, '');
      const check = await api(baseUrl, `/api/dues/receipts-check?code=${code}`);
      assert(check.body?.valid === true, `receipt code ${code} did not verify: ${check.text}`);
      await screenshot(page, 'dues-receipt');

      // The treasurer (陈红) sees it paid on the board, in the UI and the API alike.
      const treasurer = await apiLogin(baseUrl, 'organiser_a');
      const [branch] = (await api(baseUrl, '/api/dues/branches', { token: treasurer.accessToken })).body;
      const board = await api(baseUrl, `/api/dues/branches/${branch.id}/board?month=${month}`, { token: treasurer.accessToken });
      const row = board.body.bills.find((b) => b.memberName === '李建国');
      assert(row?.status === 'paid', `board says 李建国 is ${row?.status}`);
      await page.evaluate(() => window.localStorage.clear());
      await page.goto('about:blank'); // a fresh document: the app keeps its session in memory too
      await loginAs(page, baseUrl, 'organiser_a');
      await openTab(page, '我的');
      await byTestId(page, 'entry-dues-board').click();
      const shown = await textOf(byTestId(page, 'board-bill-李建国'));
      assert(shown.includes('已缴'), `board row shows "${shown}"`);
      // Past daily reconciliations (or, before the first one, when they run) are on the board too.
      const recon = await textOf(byTestId(page, 'board-reconciliations'));
      assert(recon.includes('微信支付对账'), `reconciliation card shows "${recon}"`);
      await screenshot(page, 'dues-board');
    },
  },
];
