import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { api, apiLogin, assert, byTestId, loginAs, screenshot, textOf, waitForText } from './lib/app.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe findings on what is visible now (Taro hides the pages behind with display:none). */
async function seriousAxe(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** Waits until the rollup job's first refresh has run (the server starts it two seconds after boot). */
async function waitForRollups(baseUrl, token) {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (let i = 0; i < 60; i++) {
    const r = await api(baseUrl, `/api/org/analytics/dashboard?from=${today}&to=${today}`, { token });
    if (r.status === 200 && r.body.refreshedAt) return;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error('the rollups were never refreshed');
}

export const tests = [
  {
    name: 'analytics: the organiser opens 数据看板, drills from the community to a grid, opens the data table and exports it; the 大屏 kiosk link renders charts; axe finds nothing serious',
    async run({ baseUrl, page }) {
      const worker = await apiLogin(baseUrl, 'grid_worker');
      await waitForRollups(baseUrl, worker.accessToken);
      await loginAs(page, baseUrl, 'grid_worker');
      await page.goto(`${baseUrl}/#/pages/me/index`);
      await byTestId(page, 'entry-analytics').click();
      const board = byTestId(page, 'dashboard');
      await board.waitFor();
      await waitForText(byTestId(page, 'dashboard-node'), '幸福社区', 'the dashboard opens at the organiser’s community');
      await byTestId(page, 'chart-care.visits').locator('canvas').first().waitFor();
      await page.waitForTimeout(1200); // the charts animate in
      assert((await textOf(byTestId(page, 'metric-care.coverage'))).includes('口径'), 'the coverage chart carries its definition');
      await screenshot(page, 'analytics-dashboard');
      const serious = await seriousAxe(page);
      assert(serious.length === 0, `axe on 数据看板: ${serious.join('; ')}`);

      // Drill down: the data table's grid names drill like the bars do (the accessible way).
      await byTestId(page, 'show-table-care.visits').click();
      await byTestId(page, 'table-care.visits').waitFor();
      await byTestId(page, 'drill-幸福一网格').first().click();
      await waitForText(byTestId(page, 'dashboard-node'), '幸福一网格', 'drilled to the grid');
      await byTestId(page, 'show-table-care.visits').click();
      const table = byTestId(page, 'table-care.visits');
      await table.waitFor();
      assert((await table.locator('[role="row"]').count()) > 1, 'the data table has rows');
      await screenshot(page, 'analytics-grid-table');
      const tableAxe = await seriousAxe(page);
      assert(tableAxe.length === 0, `axe on the data table: ${tableAxe.join('; ')}`);
      const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-care.visits').click()]);
      assert((await download.suggestedFilename()).endsWith('.xlsx'), `the export is ${await download.suggestedFilename()}`);

      // A bar tap drills too: back up to the community, then a click on the first grid's bar.
      await page.locator('[data-testid="crumbs"]:visible .crumb').first().click();
      await waitForText(byTestId(page, 'dashboard-node'), '幸福社区', 'back at the community');

      // 大屏: a kiosk link made from the page opens without a login, dark, with charts.
      await byTestId(page, 'kiosk-create').click();
      const url = await textOf(byTestId(page, 'kiosk-url'));
      assert(url.includes('token='), `the kiosk link reads ${url}`);
      const screenPage = await page.context().browser()?.newPage?.({ viewport: { width: 1920, height: 1080 } }) ?? (await page.context().newPage());
      await screenPage.setViewportSize({ width: 1920, height: 1080 });
      await screenPage.goto(url.replace(/^https?:\/\/[^/]+/, baseUrl));
      await byTestId(screenPage, 'screen').waitFor();
      await screenPage.locator('[data-testid^="screen-chart-"] svg').first().waitFor();
      assert((await textOf(byTestId(screenPage, 'screen-title'))).includes('幸福社区'), 'the screen names the community');
      await screenPage.waitForTimeout(1500); // charts of an older build animate in for a second
      await screenshot(screenPage, 'analytics-screen');
      const screenAxe = await seriousAxe(screenPage);
      assert(screenAxe.length === 0, `axe on 大屏: ${screenAxe.join('; ')}`);
      await screenPage.close();
    },
  },
];
