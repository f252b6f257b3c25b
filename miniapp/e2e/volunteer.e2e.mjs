import { api, apiLogin, assert, byTestId, loginAs, openTab, screenshot, switchUser, textOf, waitForText } from './lib/app.mjs';
import { seasonThemes } from '@honglin/shared';

/** The demo drive is named for the season (冬季助老服务月 in December), as the seed names it. */
const SEEDED_DRIVE = seasonThemes(new Date()).campaign.title;

// The outbox worker delivers inbox notices; poll it often so the browser sees them within a second.
process.env.OUTBOX_POLL_MS ??= '200';

/** Until the notice of this call is in the person's inbox (delivered by the outbox worker). */
async function waitForNotice(baseUrl, persona, title) {
  const { accessToken } = await apiLogin(baseUrl, persona);
  for (let i = 0; i < 75; i++) {
    const inbox = await api(baseUrl, '/api/notifications/inbox', { token: accessToken });
    if (inbox.body?.items?.some((n) => n.title.includes(title))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${persona} never got the call notice`);
}

export const tests = [
  {
    name: 'volunteer mobilisation: an organiser calls 2 people; three answer from their inbox, two get the shift, the third is told it is full; the board shows it; she records the drive\'s impact',
    async run({ baseUrl, page }) {
      const title = `抗洪沙袋转运${Date.now() % 10000}`;
      // 周敏 launches the call from the 志愿服务 page.
      await loginAs(page, baseUrl, 'grid_worker');
      await openTab(page, '活动');
      await byTestId(page, 'open-volunteer').click();
      await byTestId(page, 'entry-launch').click();
      await byTestId(page, `launch-campaign-${SEEDED_DRIVE}`).click();
      await byTestId(page, 'launch-title').locator('input').fill(title);
      await byTestId(page, 'launch-place').locator('input').fill('幸福桥头');
      await byTestId(page, 'launch-needed').locator('input').fill('2');
      // The pickers the API supports: grids in her scope, and calling only those free at the time (left off here).
      await byTestId(page, 'launch-grid-幸福一网格').waitFor();
      await byTestId(page, 'launch-available').scrollIntoViewIfNeeded();
      await screenshot(page, 'volunteer-launch');
      await byTestId(page, 'launch-submit').click();
      await waitForText(byTestId(page, 'board-filled'), '0/2', 'board after launch');
      const targeted = Number(await textOf(byTestId(page, 'board-targeted')));
      assert(targeted >= 3, `expected at least the three volunteers to be called, board says ${targeted}`);

      // Three volunteers open the notice in their inbox and tap 我参加.
      const expected = [
        ['resident', '报名成功'],
        ['party_member', '报名成功'],
        ['elder', '名额已满'],
      ];
      for (const [persona, outcome] of expected) {
        await waitForNotice(baseUrl, persona, title);
        await switchUser(page, baseUrl, persona);
        await openTab(page, '活动');
        await byTestId(page, 'open-inbox').click();
        await page.locator('[data-testid="inbox-item"]:visible', { hasText: title }).first().click();
        await byTestId(page, 'call-accept').click();
        await waitForText(byTestId(page, 'call-result'), outcome, `${persona}'s answer`);
        if (outcome === '名额已满') {
          await byTestId(page, 'call-waitlist').waitFor();
          await screenshot(page, 'volunteer-call-full');
        }
      }

      // The organiser's board: 2 of 2, filled, one told it was full.
      await switchUser(page, baseUrl, 'grid_worker');
      await openTab(page, '活动');
      await byTestId(page, 'open-volunteer').click();
      await byTestId(page, 'entry-manage').click();
      await byTestId(page, `managed-call-${title}`).click();
      await waitForText(byTestId(page, 'board-filled'), '2/2', 'board accepted');
      await waitForText(byTestId(page, 'board-status'), '已满员', 'board status');
      await waitForText(byTestId(page, 'board-full'), '1', 'board full count');
      await waitForText(byTestId(page, 'board-filled'), '2/2', 'board accepted');
      await screenshot(page, 'volunteer-board');

      // Afterwards she records the drive's impact on its page: the latest number against the target.
      await page.goBack();
      await byTestId(page, `campaign-${SEEDED_DRIVE}`).click();
      await byTestId(page, 'impact-achieved').locator('input').fill('12');
      await byTestId(page, 'impact-save').click();
      await waitForText(byTestId(page, 'impact-上门走访户数'), '12 / 目标 120', 'impact recorded');
      await byTestId(page, 'impact-上门走访户数').scrollIntoViewIfNeeded();
      await screenshot(page, 'volunteer-impact');
    },
  },
  {
    name: '一键动员 without a volunteer project says a project is needed and leads to creating one (not 编号格式不正确)',
    async run({ baseUrl, page }) {
      // 刘洋 (和平社区党支部) looks after no volunteer project in the demo seed.
      const organiser = await apiLogin(baseUrl, 'organiser_b');
      const campaigns = await api(baseUrl, '/api/volunteering/campaigns/manage', { token: organiser.accessToken });
      assert(campaigns.status === 200 && !campaigns.body.some((c) => c.status === 'open'), `organiser_b already has a project: ${campaigns.text}`);
      await loginAs(page, baseUrl, 'organiser_b');
      await page.goto(`${baseUrl}/#/packages/volunteer/pages/launch/index`);
      const empty = await waitForText(byTestId(page, 'launch-no-campaign'), '志愿服务项目', 'the launch page without a project');
      assert(!empty.includes('编号格式不正确'), `launch page says "${empty}"`);
      await screenshot(page, 'volunteer-launch-no-campaign');
      await byTestId(page, 'launch-create-campaign').click();
      await byTestId(page, 'new-campaign').waitFor();
    },
  },
];
