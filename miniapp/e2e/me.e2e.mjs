import { accessTokenOf, api, apiLogin, assert, byTestId, loginAs, openTab, screenshot, textOf } from './lib/app.mjs';

export const tests = [
  {
    name: 'a Party member sees their community, grid and branch on 我的, as the API reports them',
    async run({ baseUrl, page }) {
      await loginAs(page, baseUrl, 'party_member');
      await openTab(page, '我的');
      const shown = {
        community: await textOf(byTestId(page, 'me-community')),
        grid: await textOf(byTestId(page, 'me-grid')),
        branch: await textOf(byTestId(page, 'me-branch')),
      };
      const me = await api(baseUrl, '/api/me', { token: await accessTokenOf(page) });
      assert(me.status === 200, `GET /api/me answered ${me.status}: ${me.text}`);
      for (const key of ['community', 'grid', 'branch']) {
        const expected = me.body[key]?.name;
        assert(expected, `GET /api/me has no ${key} for the party_member persona`);
        assert(shown[key] === expected, `我的 shows ${key} "${shown[key]}", the API says "${expected}"`);
      }
      await screenshot(page, 'me-party-member');
    },
  },
  {
    name: 'the elder-mode switch enlarges the text at once and is saved to the account',
    async run({ baseUrl, page }) {
      // Start from normal size whatever the seed says, so the test always sees a real change.
      const setup = await apiLogin(baseUrl, 'elder');
      const reset = await api(baseUrl, '/api/me/preferences', { method: 'PATCH', token: setup.accessToken, body: { elderMode: false } });
      assert(reset.status === 200, `PATCH /api/me/preferences answered ${reset.status}: ${reset.text}`);

      await loginAs(page, baseUrl, 'elder');
      const greeting = byTestId(page, 'home-greeting');
      const fontSize = () => greeting.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      const normalSize = await fontSize();
      await screenshot(page, 'home-normal');

      const saved = page.waitForResponse((r) => r.url().includes('/api/me/preferences'));
      await byTestId(page, 'elder-switch').click();
      await page.locator('.theme-root.theme-elder:visible').first().waitFor();
      const elderSize = await fontSize();
      assert(elderSize >= normalSize * 1.25, `greeting grew only from ${normalSize}px to ${elderSize}px`);
      assert((await saved).ok(), 'PATCH /api/me/preferences failed');
      const after = await api(baseUrl, '/api/me', { token: await accessTokenOf(page) });
      assert(after.body?.elderMode === true, `elderMode not saved: ${after.text}`);
      await screenshot(page, 'home-elder');
    },
  },
  {
    name: "我的 has 我的活动 and 我的志愿 entries, and a grid worker's 我的 says 网格员 with her grids",
    async run({ baseUrl, page }) {
      await loginAs(page, baseUrl, 'grid_worker');
      await openTab(page, '我的');
      const served = await textOf(byTestId(page, 'me-grids-served'));
      for (const grid of ['幸福一网格', '幸福二网格', '幸福三网格']) assert(served.includes(grid), `网格员 row shows "${served}", missing ${grid}`);
      const roles = await textOf(byTestId(page, 'me-roles'));
      assert(roles.includes('网格员'), `我的身份 does not say 网格员: "${roles}"`);
      await screenshot(page, 'me-grid-worker');

      await byTestId(page, 'entry-my-activities').click();
      await page.locator('[data-testid="mine-status"]:visible, [data-testid="mine-empty"]:visible').first().waitFor();
    },
  },
];
