// Issue #22, what a new user hits: the typed check-in code (item 5), styles a page ships itself (item 6),
// no render exceptions (item 11). Every test here also fails on any page error (run.mjs).
import { api, apiLogin, assert, byTestId, loginAs, screenshot } from './lib/app.mjs';
import { openBrowser } from './lib/browser.mjs';
import { meetingUnderWay } from './lib/meetings.mjs';
import { setElderPreference } from './elder/pages.mjs';

/** The computed style of the first visible element matching `selector`. */
function styleOf(page, selector) {
  return page.evaluate((sel) => {
    const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
    if (!el) return null;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return { borderRadius: parseFloat(s.borderTopLeftRadius), borderWidth: parseFloat(s.borderTopWidth), display: s.display, height: r.height, parentDisplay: getComputedStyle(el.parentElement).display };
  }, selector);
}

export const tests = [
  {
    name: 'item 5: the organiser screen shows six digits beside the QR; a member types them on the meeting check-in page and is checked in',
    async run({ baseUrl, page }) {
      const { member, meetingId } = await meetingUnderWay(baseUrl, 'e2e 签到码');
      await loginAs(page, baseUrl, 'organiser_a');
      await page.goto(`${baseUrl}/#/packages/checkin/pages/qr/index?id=${meetingId}`);
      const shown = byTestId(page, 'qr-short-code');
      await shown.waitFor();
      const digits = (await shown.innerText()).replace(/\D/g, '');
      assert(/^\d{6}$/.test(digits), `no six-digit code beside the QR: "${await shown.innerText()}"`);
      assert((await shown.getAttribute('data-code')) === digits, 'the code shown is not the code issued');

      const phone = await openBrowser();
      try {
        await loginAs(phone.page, baseUrl, 'party_member');
        await phone.page.goto(`${baseUrl}/#/packages/checkin/pages/scan/index?meetingId=${meetingId}`);
        await phone.page.getByText('二维码旁的6位数字').first().waitFor();
        // The code on screen now (it rotates every few seconds in this run).
        const now = (await shown.getAttribute('data-code')) ?? '';
        const input = phone.page.locator('[data-testid="checkin-code-input"]:visible input, input[data-testid="checkin-code-input"]:visible').first();
        await input.fill(now);
        await byTestId(phone.page, 'checkin-code-submit').click();
        await byTestId(phone.page, 'checkin-success').waitFor();
        await screenshot(phone.page, 'checkin-member-typed-code');
        await byTestId(page, `live-row-${member.user.id}`).waitFor({ timeout: 10_000 });
        await screenshot(page, 'checkin-organiser-qr-with-code');

        // From 我要签到 (no meeting in the link): the meetings open now are offered, the code names one.
        await phone.page.evaluate(() => window.localStorage.clear());
        await phone.page.goto('about:blank');
        await loginAs(phone.page, baseUrl, 'organiser_a');
        await phone.page.goto(`${baseUrl}/#/packages/checkin/pages/scan/index`);
        await phone.page.getByText('二维码旁的6位数字').first().waitFor();
        await phone.page.waitForTimeout(800);
        const choice = byTestId(phone.page, `code-meeting-${meetingId}`);
        if (await choice.isVisible()) await choice.click();
        await input.fill((await shown.getAttribute('data-code')) ?? '');
        await byTestId(phone.page, 'checkin-code-submit').click();
        await byTestId(phone.page, 'checkin-success').waitFor();
        const title = await byTestId(phone.page, 'checkin-success').innerText();
        assert(title.includes('e2e 签到码'), `checked in to another meeting: ${title}`);

        // A wrong code says what to do, in words.
        await phone.page.goto(`${baseUrl}/#/packages/checkin/pages/scan/index?meetingId=${meetingId}`);
        await input.fill(String((Number(now) + 1) % 1_000_000).padStart(6, '0'));
        await byTestId(phone.page, 'checkin-code-submit').click();
        const refusal = byTestId(phone.page, 'checkin-error');
        await refusal.waitFor();
        const code = await refusal.getAttribute('data-code');
        assert(code === 'CHECKIN_CODE_WRONG' || code === 'CHECKIN_ALREADY_DONE', `unexpected refusal ${code}`);
      } finally {
        await phone.close();
      }
    },
  },
  {
    name: 'item 6: the volunteer pages opened first in a session draw their choices as chips (computed style), not run-together words',
    async run({ baseUrl, page }) {
      await loginAs(page, baseUrl, 'party_member');
      // Straight to 志愿服务: no 活动 page has been visited in this session.
      await page.goto(`${baseUrl}/#/packages/volunteer/pages/index/index`);
      await page.locator('.chip:visible').first().waitFor();
      const chip = await styleOf(page, '.chip');
      assert(chip, 'no chip on 志愿服务');
      assert(chip.borderRadius >= 20 && chip.borderWidth >= 1, `chips are not drawn as chips: ${JSON.stringify(chip)}`);
      assert(chip.height >= 40, `chip shorter than a tap target: ${JSON.stringify(chip)}`);
      assert(chip.parentDisplay === 'flex', `chips do not wrap as a row of choices: ${JSON.stringify(chip)}`);
      await screenshot(page, 'volunteer-first-in-session');
    },
  },
  {
    name: 'item 11: buttons that change their label while loading (审计日志 加载更多, activity detail) throw no insertBefore error',
    async run({ baseUrl, page }) {
      await loginAs(page, baseUrl, 'admin');
      await page.goto(`${baseUrl}/#/packages/audit/pages/log/index`);
      await byTestId(page, 'audit-filters').waitFor();
      const more = byTestId(page, 'load-more');
      await page.waitForTimeout(1500);
      if (await more.isVisible()) await more.click();
      await page.waitForTimeout(1000);
      await page.goto(`${baseUrl}/#/packages/audit/pages/data-access/index`);
      await page.waitForTimeout(1500);
      const { accessToken } = await apiLogin(baseUrl, 'resident');
      const activity = (await api(baseUrl, '/api/activities', { token: accessToken })).body;
      const first = (Array.isArray(activity) ? activity : activity.items)[0];
      await page.goto(`${baseUrl}/#/packages/activities/pages/detail/index?id=${first.id}`);
      await page.waitForTimeout(2000);
      // The runner fails this test on any page error; nothing else to assert.
    },
  },
  {
    name: 'item 12: in elder mode the 活动 list starts with the activities, above the fold, with at most one big filter',
    async run({ baseUrl, page }) {
      await setElderPreference(baseUrl, 'elder', true);
      await page.setViewportSize({ width: 375, height: 812 });
      await loginAs(page, baseUrl, 'elder');
      await page.goto(`${baseUrl}/#/pages/activities/index`);
      const first = page.locator('[data-testid^="activity-"]:visible').filter({ has: page.locator('.activity-card__title') }).first();
      await first.waitFor();
      const layout = await page.evaluate(() => {
        const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const card = [...document.querySelectorAll('.activity-card')].find(shown);
        const bar = [...document.querySelectorAll('[data-testid="app-tab-bar"]')].find(shown);
        return {
          cardTop: card.getBoundingClientRect().top,
          fold: bar ? bar.getBoundingClientRect().top : window.innerHeight,
          chips: [...document.querySelectorAll('.chip')].filter(shown).length,
          filters: [...document.querySelectorAll('[data-testid="elder-filter"]')].filter(shown).length,
        };
      });
      assert(layout.cardTop < layout.fold - 100, `the first activity starts at ${layout.cardTop} px, the fold is at ${layout.fold} px`);
      assert(layout.chips === 0 && layout.filters <= 1, `elder list shows ${layout.chips} chips and ${layout.filters} filters`);
      await screenshot(page, 'elder-activities-list-first');
      // The one filter switches between the elder's community and all of them.
      const filter = byTestId(page, 'elder-filter');
      const before = await filter.innerText();
      await filter.click();
      await page.waitForFunction((b) => [...document.querySelectorAll('[data-testid="elder-filter"]')].some((el) => el.getClientRects().length && el.innerText !== b), before);
    },
  },
  {
    name: 'item 13: the tab bar is the app\'s own and follows elder mode: 18 px labels and 60 px targets in elder mode, and it switches tabs',
    async run({ baseUrl, page }) {
      await page.setViewportSize({ width: 375, height: 812 });
      const measure = () =>
        page.evaluate(() => {
          const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
          const bar = [...document.querySelectorAll('[data-testid="app-tab-bar"]')].find(shown);
          if (!bar) return null;
          const items = [...bar.querySelectorAll('[role="tab"]')];
          return {
            labels: items.map((i) => parseFloat(getComputedStyle(i.querySelector('.app-tab-bar__label')).fontSize)),
            heights: items.map((i) => i.getBoundingClientRect().height),
            widths: items.map((i) => i.getBoundingClientRect().width),
            texts: items.map((i) => i.innerText.trim()),
          };
        });
      for (const elder of [true, false]) {
        await setElderPreference(baseUrl, 'resident', elder);
        await page.goto('about:blank');
        await loginAs(page, baseUrl, 'resident');
        const bar = await measure();
        assert(bar && bar.texts.join() === '首页,学习,活动,我的', `tab bar not drawn: ${JSON.stringify(bar)}`);
        if (elder) {
          assert(Math.min(...bar.labels) >= 18, `elder tab labels ${bar.labels.join('/')} px`);
          assert(Math.min(...bar.heights, ...bar.widths) >= 60, `elder tab targets ${bar.heights.join('/')} px tall`);
          await screenshot(page, 'elder-tab-bar');
        } else {
          assert(Math.max(...bar.labels) < 18, `normal-mode labels are elder size: ${bar.labels.join('/')}`);
        }
        await page.locator('[data-testid="tab-我的"]:visible').click();
        await byTestId(page, 'me-name').waitFor();
        const onMe = await measure();
        assert(onMe, 'no tab bar on 我的');
        await page.evaluate(() => window.localStorage.clear());
      }
    },
  },
];
