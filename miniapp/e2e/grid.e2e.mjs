import { api, apiLogin, assert, byTestId, loginAs, screenshot, switchUser, textOf, waitForText } from './lib/app.mjs';

/** An 8×8 JPEG, as a visit photo. */
const PHOTO = 'data:image/jpeg;base64,/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAL/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwX/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCABIT/2Q==';

async function openMe(page, baseUrl) {
  await page.goto(`${baseUrl}/#/pages/me/index`);
  await byTestId(page, 'me-name').waitFor();
}

/** 登记走访 from a household page: 入户, the given situation, saved; back on the household page. */
async function recordVisit(page, situation) {
  await byTestId(page, 'household-record-visit').click();
  await byTestId(page, 'visit-method-home').click();
  await byTestId(page, `visit-situation-${situation}`).click();
  await byTestId(page, 'visit-submit').click();
  await byTestId(page, 'household-file').waitFor();
}

export const tests = [
  {
    name: 'grid: the grid worker visits an overdue elder living alone from 今日走访 and the household leaves the overdue list; acknowledges and resolves a red warning; the elder (elder mode) sees the visit in 我的档案 and the look in 谁查看了我的数据',
    async run({ baseUrl, page }) {
      await loginAs(page, baseUrl, 'grid_worker');
      await openMe(page, baseUrl);
      await byTestId(page, 'entry-grid-today').click();
      const overdue = page.locator('[data-testid="grid-overdue-item"]:visible', { hasText: '独居老人' }).first();
      await overdue.waitFor();
      const label = (await textOf(overdue)).split('·')[1].trim().split(' ')[0];
      assert((await textOf(overdue)).startsWith('逾期'), `the overdue row reads "${await textOf(overdue)}"`);
      await screenshot(page, 'grid-today');
      await overdue.click();
      await byTestId(page, 'household-file').waitFor();
      await recordVisit(page, 'normal');
      await page.goto(`${baseUrl}/#/packages/grid/pages/today/index`);
      await byTestId(page, 'grid-done').waitFor();
      await waitForText(byTestId(page, 'grid-done'), label, 'done this week');
      const still = await page.locator('[data-testid="grid-overdue-item"]:visible', { hasText: label }).count();
      assert(still === 0, `${label} is still overdue after the visit`);

      // The seeded red warning about an unvisited elder: acknowledge, then resolve with a note.
      await page.goto(`${baseUrl}/#/packages/grid/pages/warnings/index`);
      const red = byTestId(page, 'warning-red').first();
      await red.waitFor();
      assert((await textOf(red.locator('[data-testid="warning-sentence"]'))).includes('独居老人'), 'the red warning names the elder living alone');
      await red.locator('[data-testid="warning-acknowledge"]').click();
      await waitForText(byTestId(page, 'warning-red').first(), '处理中', 'acknowledged warning');
      await byTestId(page, 'warning-red').first().locator('[data-testid="warning-note"] textarea').fill('已上门看望，老人身体无恙，已留下网格员电话');
      await byTestId(page, 'warning-red').first().locator('[data-testid="warning-resolve"]').click();
      await byTestId(page, 'warnings-resolved').click();
      await waitForText(byTestId(page, 'warning-red').first(), '已上门看望', 'resolved warning with its note');
      await screenshot(page, 'grid-warning-resolved');

      // 张秀英's file: opened (a recorded look) and visited.
      await page.goto(`${baseUrl}/#/packages/grid/pages/households/index`);
      await byTestId(page, 'grid-search').locator('input').fill('张秀英');
      await byTestId(page, 'grid-search-go').click();
      await page.locator('[data-testid="grid-household"]:visible', { hasText: '张秀英' }).locator('[data-testid="grid-household-open"]').click();
      await byTestId(page, 'household-file').waitFor();
      await recordVisit(page, 'normal');

      const elder = await apiLogin(baseUrl, 'elder');
      const pref = await api(baseUrl, '/api/me/preferences', { method: 'PATCH', token: elder.accessToken, body: { elderMode: true } });
      assert(pref.status === 200, `elder mode: ${pref.status}`);
      await switchUser(page, baseUrl, 'elder');
      await openMe(page, baseUrl);
      await byTestId(page, 'entry-my-file').click();
      await waitForText(byTestId(page, 'my-file-visits'), '周敏', 'the visit in 我的档案');
      await screenshot(page, 'my-file-elder');
      await openMe(page, baseUrl);
      await byTestId(page, 'entry-data-access').click();
      await waitForText(byTestId(page, 'data-access-item').first(), '查看户档案', '谁查看了我的数据');
    },
  },
  {
    name: 'grid: the community organiser sets visit cadence and warning thresholds with checked fields; the street admin sees counts without names; a linked family member sees the elder’s visits without staff notes',
    async run({ baseUrl, page }) {
      await loginAs(page, baseUrl, 'grid_worker');
      await openMe(page, baseUrl);
      await byTestId(page, 'entry-grid-settings').click();
      await byTestId(page, 'settings-save').waitFor();
      const count = byTestId(page, 'setting-input-thresholds.no_answer_repeated.count').locator('input');
      await count.fill('0');
      await byTestId(page, 'settings-save').click();
      await waitForText(byTestId(page, 'setting-error').first(), '1到365', 'the threshold error beside its field');
      await count.fill('3');
      await byTestId(page, 'settings-save').click();
      await page.reload();
      await byTestId(page, 'settings-save').waitFor();
      const saved = await byTestId(page, 'setting-input-thresholds.no_answer_repeated.count').locator('input').inputValue();
      assert(saved === '3', `the saved threshold reads "${saved}"`);
      await screenshot(page, 'grid-settings');
      const worker = await apiLogin(baseUrl, 'grid_worker');
      const me = await api(baseUrl, '/api/me', { token: worker.accessToken });
      await api(baseUrl, `/api/org/grid/settings/${me.body.community.id}`, { method: 'PUT', token: worker.accessToken, body: { thresholds: { 'no_answer_repeated.count': 2 } } });
      // A visit with a staff note the family must not see.
      const elderLogin = await apiLogin(baseUrl, 'elder');
      const file = await api(baseUrl, '/api/me/household-file', { token: elderLogin.accessToken });
      const visit = await api(baseUrl, `/api/org/grid/households/${file.body.household.id}/visits`, { method: 'POST', token: worker.accessToken, body: { method: 'phone', situation: 'normal', notes: '血压药快吃完了', photo: PHOTO } });
      assert(visit.status === 201, `visit: ${visit.status} ${visit.text}`);
      // The photo shows on the household page (fetched with the grid worker's token).
      await page.goto(`${baseUrl}/#/packages/grid/pages/household/index?id=${file.body.household.id}`);
      await byTestId(page, 'household-visit-photo').first().waitFor();

      await switchUser(page, baseUrl, 'admin');
      await page.goto(`${baseUrl}/#/packages/grid/pages/aggregates/index`);
      const community = byTestId(page, 'aggregate-community').first();
      await waitForText(community, '幸福社区', 'the street’s communities');
      const text = (await page.locator('[data-testid="aggregate-community"]:visible').allInnerTexts()).join('\n');
      assert(text.includes('少于5人'), `a small sensitive group is shown as 少于5人: ${text.slice(0, 400)}`);
      assert(!text.includes('张秀英'), 'no resident is named in the aggregates');
      await screenshot(page, 'grid-aggregates');

      // 王丽 becomes 张秀英's linked family member, and looks at TA的走访.
      const family = await apiLogin(baseUrl, 'resident');
      // Another journey of the same run may have linked them already.
      const links = (await api(baseUrl, '/api/family/links', { token: family.accessToken })).body.elders;
      if (!links.some((l) => l.elder.name === '张秀英' && l.status === 'active')) {
        for (const l of links.filter((x) => x.status === 'pending')) await api(baseUrl, `/api/family/links/${l.id}/revoke`, { method: 'POST', token: family.accessToken, body: {} });
        const code = (await api(baseUrl, '/api/family/invites', { method: 'POST', token: elderLogin.accessToken, body: {} })).body.code;
        const link = await api(baseUrl, '/api/family/links', { method: 'POST', token: family.accessToken, body: { code } });
        assert(link.status === 201, `link: ${link.status} ${link.text}`);
        await api(baseUrl, `/api/family/links/${link.body.id}/confirm`, { method: 'POST', token: elderLogin.accessToken, body: {} });
      }
      await switchUser(page, baseUrl, 'resident');
      await page.goto(`${baseUrl}/#/packages/family/pages/index/index`);
      const elder = byTestId(page, 'elder-张秀英');
      await elder.locator('[data-testid="elder-care"]').click();
      await waitForText(elder.locator('[data-testid="elder-care-visit"]').first(), '网格员周敏电话走访', 'the visit summary for family');
      assert(!(await textOf(elder)).includes('血压'), 'the staff note stays with the grid');
      await screenshot(page, 'family-elder-care');
    },
  },
];
