import { accessTokenOf, api, apiLogin, assert, byTestId, confirmModal, loginAs, screenshot, switchUser, textOf, waitForText } from './lib/app.mjs';
import { startServer } from './lib/server.mjs';

const DAY = 86_400_000;

/** 我的 from anywhere: subpackage pages have no tab bar. */
async function openMe(page, baseUrl) {
  await page.goto(`${baseUrl}/#/pages/me/index`);
  await byTestId(page, 'me-name').waitFor();
}

/** The China date (YYYY-MM-DD) `ms` milliseconds from now, as the pages print it. */
const chinaDateIn = (ms) => new Date(Date.now() + ms + 8 * 3_600_000).toISOString().slice(0, 10);

export const tests = [
  {
    name: 'trust: a resident files a complaint from 我的, sees it pending with a 15-day deadline; the admin answers it in 投诉处理; she reads the answer and closes it',
    async run({ baseUrl, page }) {
      const text = `网格群里有人把我的手机号和住址发出来了，编号${Date.now() % 100000}`;
      const answer = '已核实：网格群消息已撤回，相关网格员已批评教育，今后不再在群里发个人信息。';

      // 王丽 (幸福社区 一网格, residence set in the seed) files it from 我的 → 举报投诉.
      await loginAs(page, baseUrl, 'resident');
      await openMe(page, baseUrl);
      await byTestId(page, 'entry-complaints').click();
      await byTestId(page, 'complaint-submit').click();
      await waitForText(page.locator('.form-error:visible'), '请选择投诉类别', 'submitting with no category');
      await byTestId(page, 'complaint-category-data_leak').click();
      await waitForText(byTestId(page, 'complaint-category-data_leak'), '已选', 'the picked category');
      await byTestId(page, 'complaint-text').locator('textarea').fill(text);
      const dueEarliest = chinaDateIn(15 * DAY);
      await byTestId(page, 'complaint-submit').click();
      await byTestId(page, 'complaint-filed').waitFor();
      const due = await textOf(byTestId(page, 'complaint-filed-due'));
      const dueLatest = chinaDateIn(15 * DAY);
      assert(due === `${dueEarliest} 前答复` || due === `${dueLatest} 前答复`, `the filed page promises "${due}", not 15 days from today (${dueLatest})`);
      await screenshot(page, 'complaint-filed');

      await byTestId(page, 'complaint-filed-view').click();
      await page.waitForURL(/complaints\/pages\/detail\/index\?id=/);
      const id = /[?&]id=([^&]+)/.exec(page.url())?.[1];
      assert(id, `no complaint id in ${page.url()}`);
      await waitForText(byTestId(page, 'complaint-status'), '待答复', 'status on the complaint page');

      // 我的投诉 lists it as 待答复 with its deadline.
      await openMe(page, baseUrl);
      await byTestId(page, 'entry-complaints').click();
      await byTestId(page, 'complaints-mine-entry').click();
      const mine = byTestId(page, `complaint-${id}`);
      await mine.waitFor();
      assert((await textOf(mine.locator('[data-testid="complaint-status"]'))).includes('待答复'), `我的投诉 shows "${await textOf(mine)}"`);
      const mineDue = await textOf(mine.locator('[data-testid="complaint-due"]'));
      assert(mineDue.includes(`${dueLatest} 前`) || mineDue.includes(`${dueEarliest} 前`), `答复期限 in 我的投诉 is "${mineDue}"`);
      assert((await textOf(mine)).includes('个人信息泄露'), `我的投诉 does not name the category: "${await textOf(mine)}"`);
      await screenshot(page, 'complaints-mine-pending');

      // 赵强 answers it in 投诉处理.
      await switchUser(page, baseUrl, 'admin');
      await openMe(page, baseUrl);
      await byTestId(page, 'entry-complaints-manage').click();
      const card = byTestId(page, `managed-complaint-${id}`);
      await card.waitFor();
      const shown = await textOf(card);
      assert(shown.includes('王丽') && shown.includes(text) && shown.includes('待答复'), `投诉处理 card says "${shown}"`);
      await card.locator('[data-testid="complaint-answer-input"] textarea').fill(answer);
      await card.locator('[data-testid="complaint-answer-submit"]').click();
      await page.getByText('已答复，投诉人会收到通知').first().waitFor();
      // Answered, it leaves the 待答复 list…
      await card.waitFor({ state: 'hidden' });
      await byTestId(page, 'complaints-filter-answered').click();
      await card.waitFor();
      await waitForText(card, answer, 'the answered complaint in 投诉处理');
      assert((await textOf(card.locator('[data-testid="complaint-status"]'))).includes('已答复'), 'the admin does not see it as 已答复');
      await screenshot(page, 'complaints-manage-answered');

      // 王丽 reads the answer and closes it (办结).
      await switchUser(page, baseUrl, 'resident');
      await openMe(page, baseUrl);
      await byTestId(page, 'entry-complaints').click();
      await byTestId(page, 'complaints-mine-entry').click();
      await waitForText(byTestId(page, `complaint-${id}`).locator('[data-testid="complaint-status"]'), '已答复', '我的投诉 after the answer');
      await byTestId(page, `complaint-${id}`).click();
      const answered = byTestId(page, 'complaint-answer');
      await waitForText(answered, answer, 'the answer on the complaint page');
      assert((await textOf(answered)).includes('赵强'), `the answer does not say who answered: "${await textOf(answered)}"`);
      await screenshot(page, 'complaint-answered');
      await byTestId(page, 'complaint-close').click();
      await confirmModal(page);
      await waitForText(byTestId(page, 'complaint-status'), '已办结', 'status after closing');
      assert(!(await byTestId(page, 'complaint-close').count()), 'the close button is still offered on a closed complaint');
      const stored = await api(baseUrl, `/api/complaints/${id}`, { token: await accessTokenOf(page) });
      assert(stored.body?.status === 'closed', `the server has the complaint as ${stored.status} ${stored.text}`);
    },
  },
  {
    name: 'trust: an organiser reveals a member\'s full phone number in 组织成员; the member sees who looked in 谁查看了我的数据',
    async run({ baseUrl, page }) {
      const member = await apiLogin(baseUrl, 'party_member');
      const before = await api(baseUrl, '/api/me/data-access?limit=50', { token: member.accessToken });
      assert(before.status === 200, `data-access answered ${before.status}: ${before.text}`);
      const earlier = before.body.items.filter((e) => e.description === '查看完整手机号');
      assert(earlier.length === 0, `李建国's phone was already looked at before this test: ${JSON.stringify(earlier)}`);

      // 陈红 opens her branch's members and reveals 李建国's number (the look is recorded).
      await loginAs(page, baseUrl, 'organiser_a');
      await openMe(page, baseUrl);
      await byTestId(page, 'entry-org-tree').click();
      await page
        .locator('[data-testid^="org-node-"]:visible')
        .filter({ has: page.locator('.org-row__name', { hasText: /^幸福社区第一党支部$/ }) })
        .first()
        .click();
      const card = byTestId(page, `member-${member.user.id}`);
      // The branch's members come a page at a time: load more until his card is there or the list ends.
      const more = byTestId(page, 'load-more').filter({ hasText: '加载更多' });
      const end = page.locator('.members-end:visible');
      for (let i = 0; i < 10; i++) {
        await card.or(more).or(end).first().waitFor();
        if ((await card.isVisible()) || !(await more.isVisible())) break;
        await more.click();
      }
      await card.waitFor();
      const masked = await textOf(card);
      assert(masked.includes('李建国') && masked.includes('138****0002') && !masked.includes('13800000002'), `the member card before revealing says "${masked}"`);
      await card.locator('[data-testid="member-reveal-phone"]').click();
      await confirmModal(page);
      await waitForText(card.locator('[data-testid="member-phone"]'), '13800000002', 'the revealed phone');
      await screenshot(page, 'org-member-phone-revealed');

      // 李建国 opens 我的 → 谁查看了我的数据.
      await switchUser(page, baseUrl, 'party_member');
      await openMe(page, baseUrl);
      await byTestId(page, 'entry-data-access').click();
      const entries = byTestId(page, 'data-access-item').filter({ hasText: '查看完整手机号' });
      await entries.first().waitFor();
      assert((await entries.count()) === 1, `expected one 查看完整手机号 entry, saw ${await entries.count()}`);
      const entry = await textOf(entries);
      assert(entry.includes('陈*') && entry.includes('组织者'), `the entry does not name the organiser (masked) and her role: "${entry}"`);
      assert(!entry.includes('陈红'), `the entry shows the organiser's full name: "${entry}"`);
      assert(entry.includes('北京时间'), `the entry has no time: "${entry}"`);
      await screenshot(page, 'data-access-phone-read');
    },
  },
  {
    name: 'trust: a resident sees her consent history in 我的数据与隐私, types 注销 and deletes her account; she is logged out and can no longer log in',
    async run({ page }) {
      // Deleting a persona is for good, and every e2e file shares one server: 王丽 (and 张秀英, 李建国)
      // are used by volunteer.e2e.mjs after this file, organiser_b is the sole secretary of his branch
      // (deletion is refused) and demo login offers only the seeded personas. So this test starts a
      // server of its own (fresh SQLite, same builds) and deletes the plain resident 王丽 there;
      // nothing after it can depend on that server.
      const own = await startServer();
      try {
        const baseUrl = own.baseUrl;
        await loginAs(page, baseUrl, 'resident');
        await openMe(page, baseUrl);
        await byTestId(page, 'entry-my-data').click();
        const consent = byTestId(page, 'consent-privacy_policy');
        await waitForText(consent, '同意隐私保护指引', 'consent history');
        assert((await textOf(consent)).includes(chinaDateIn(0)), `the consent line has no date of today: "${await textOf(consent)}"`);
        await screenshot(page, 'my-data-consents');
        const token = await accessTokenOf(page);

        await byTestId(page, 'delete-word').locator('input').fill('注销');
        await byTestId(page, 'delete-confirm').click();
        await confirmModal(page);
        const prompt = byTestId(page, 'login-prompt');
        await waitForText(prompt, '请先登录', 'the page after deleting the account');
        const stored = await page.evaluate(() => window.localStorage.getItem('honglin.tokens'));
        assert(!stored || !JSON.parse(stored).data, `tokens are still stored after deleting: ${stored}`);
        await screenshot(page, 'account-deleted-logged-out');
        const me = await api(baseUrl, '/api/me', { token });
        assert(me.status === 401, `the deleted account's token still works: ${me.status} ${me.text}`);

        // Logging in again as 王丽 is refused, in Chinese.
        await byTestId(page, 'go-login').click();
        await byTestId(page, 'persona-resident').click();
        await waitForText(byTestId(page, 'login-error'), '该账号已注销', 'logging in again');
        await screenshot(page, 'account-deleted-login-refused');
        const again = await api(baseUrl, '/api/auth/demo-login', { method: 'POST', body: { persona: 'resident' } });
        assert(again.status === 401 && again.body?.code === 'ACCOUNT_DELETED', `demo-login after deletion answered ${again.status}: ${again.text}`);
      } finally {
        await own.stop();
      }
    },
  },
];
