import { api, apiLogin, assert, byTestId, loginAs, openTab, screenshot, switchUser, textOf, waitForText } from './lib/app.mjs';

// The outbox worker delivers inbox notices; poll it often so the browser sees them within a second.
// (The e2e server inherits this process's environment; test files are loaded before it starts.)
process.env.OUTBOX_POLL_MS ??= '200';
process.env.ENROLLMENT_SWEEP_MS ??= '1000';

const HOUR = 3_600_000;

async function openActivity(page, title) {
  await openTab(page, '活动');
  await byTestId(page, `activity-${title}`).click();
  await byTestId(page, 'activity-detail').waitFor();
}

export const tests = [
  {
    name: 'a resident signs up with two family members; the next is waitlisted, offered the freed place, accepts it and sees each notice',
    async run({ baseUrl, page }) {
      const organiser = await apiLogin(baseUrl, 'grid_worker');
      const me = await api(baseUrl, '/api/me', { token: organiser.accessToken });
      const title = `亲子手工课${Date.now() % 10000}`;
      const created = await api(baseUrl, '/api/activities', {
        method: 'POST',
        token: organiser.accessToken,
        body: {
          communityId: me.body.community.id,
          title,
          category: 'class',
          place: '幸福社区活动室',
          startsAt: new Date(Date.now() + 30 * HOUR).toISOString(),
          endsAt: new Date(Date.now() + 32 * HOUR).toISOString(),
          capacity: 3,
          maxCompanions: 2,
        },
      });
      assert(created.status === 201, `creating the activity answered ${created.status}: ${created.text}`);

      // 王丽 signs up with her son and her mother: the 3 places left are all taken.
      await loginAs(page, baseUrl, 'resident');
      await openTab(page, '活动');
      await waitForText(byTestId(page, `activity-${title}`), '剩余3个名额', 'list before sign-up');
      await openActivity(page, title);
      for (const [name, age] of [['小明', '8'], ['王奶奶', '70']]) {
        await byTestId(page, 'companion-name').locator('input').fill(name);
        await byTestId(page, 'companion-age').locator('input').fill(age);
        await byTestId(page, 'companion-add').click();
      }
      await byTestId(page, 'signup-submit').click();
      await waitForText(byTestId(page, 'my-status'), '已报名', 'resident status');
      await waitForText(byTestId(page, 'detail-places'), '已满', 'places after sign-up');
      await screenshot(page, 'activity-signed-up-with-family');

      // 李建国 finds it full and joins the waitlist, first in line.
      await switchUser(page, baseUrl, 'party_member');
      await openActivity(page, title);
      await byTestId(page, 'signup-submit').click();
      await waitForText(byTestId(page, 'my-status'), '候补中', 'second resident status');
      await waitForText(byTestId(page, 'my-position'), '第1位', 'waitlist position');
      await screenshot(page, 'activity-waitlisted');

      // 王丽 cancels; the place is offered to 李建国, who accepts it from 我的活动.
      const resident = await apiLogin(baseUrl, 'resident');
      const mine = (await api(baseUrl, '/api/activities/mine', { token: resident.accessToken })).body.find((e) => e.activity.title === title);
      const cancelled = await api(baseUrl, `/api/enrollments/${mine.id}/cancel`, { method: 'POST', token: resident.accessToken });
      assert(cancelled.status === 200, `cancel answered ${cancelled.status}: ${cancelled.text}`);

      await page.goBack(); // from the detail page to the 活动 tab
      await byTestId(page, 'open-my-activities').click();
      const row = byTestId(page, `mine-${title}`);
      await waitForText(row.locator('[data-testid="mine-status"]'), '候补到位待确认', '我的活动 after the cancellation');
      await row.locator('[data-testid="mine-accept"]').click();
      await waitForText(row.locator('[data-testid="mine-status"]'), '已报名', '我的活动 after accepting');
      await screenshot(page, 'activity-offer-accepted');

      // 消息 shows each notice: waitlisted, offered, confirmed.
      await page.goBack(); // from 我的活动 to the 活动 tab
      const expected = ['已进入候补', '候补名额到了', '报名成功'];
      for (let i = 0; i < 50; i++) {
        const me2 = await apiLogin(baseUrl, 'party_member');
        const titles = (await api(baseUrl, '/api/notifications/inbox', { token: me2.accessToken })).body.items.map((n) => n.title);
        if (expected.every((t) => titles.includes(t))) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      await byTestId(page, 'open-inbox').click();
      await byTestId(page, 'inbox-item').first().waitFor();
      const shown = await byTestId(page, 'inbox-item').allInnerTexts();
      for (const t of expected) assert(shown.some((s) => s.includes(t) && s.includes(title)), `消息 lacks "${t}" for ${title}: ${shown.join(' | ')}`);
      await screenshot(page, 'inbox');
    },
  },
  {
    name: "a Party branch's organiser publishes a 主题党日 activity for her branch from 管理活动 → 发布新活动; a community that is not hers is refused in words",
    async run({ baseUrl, page }) {
      await loginAs(page, baseUrl, 'organiser_a');
      await openTab(page, '活动');
      await byTestId(page, 'open-manage').click();
      await byTestId(page, 'create-activity').click();
      await byTestId(page, 'save-activity').waitFor();
      const navTitle = page.locator('#taro-navigation-bar .taro-navigation-bar-title');
      await waitForText(navTitle, '发布活动', 'the new-activity form title');
      // Only the places she may publish to, her own branch chosen.
      const host = await waitForText(byTestId(page, 'activity-host'), '幸福社区第一党支部', 'the publishing place');
      assert(!host.includes('和平社区') && !host.includes('请选择'), `publishing place shows "${host}"`);
      const title = `主题党日志愿服务${Date.now() % 10000}`;
      await byTestId(page, 'field-title').locator('input').fill(title);
      await byTestId(page, 'field-place').locator('input').fill('幸福社区党群服务中心');
      await screenshot(page, 'activity-publish-branch');
      await byTestId(page, 'save-activity').click();
      await waitForText(byTestId(page, 'activity-detail'), title, 'the published activity');
      const detail = await textOf(byTestId(page, 'activity-detail'));
      assert(detail.includes('幸福社区第一党支部') && detail.includes('仅限幸福社区第一党支部党员'), `detail does not say who it is for: ${detail}`);

      // The API refuses a community she can see but does not look after, and says why.
      const { accessToken } = await apiLogin(baseUrl, 'organiser_a');
      const communities = await api(baseUrl, '/api/activities/communities', { token: accessToken });
      const heping = communities.body.find((c) => c.name === '和平社区');
      const refused = await api(baseUrl, '/api/activities', {
        method: 'POST',
        token: accessToken,
        body: { communityId: heping.id, title: '越界活动', category: 'talk', place: '和平社区', startsAt: new Date(Date.now() + 48 * HOUR).toISOString(), endsAt: new Date(Date.now() + 50 * HOUR).toISOString(), capacity: 5 },
      });
      assert(refused.status === 403 && refused.body?.code === 'ACTIVITY_PLACE_NOT_YOURS' && /[\u4e00-\u9fff]/.test(refused.body.message), `refusal: ${refused.status} ${refused.text}`);
    },
  },
];
