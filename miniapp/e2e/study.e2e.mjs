import { accessTokenOf, api, assert, byTestId, loginAs, openTab, screenshot, textOf } from './lib/app.mjs';

const number = async (locator) => Number((await textOf(locator)).replace(/[^\d-]/g, ''));

export const tests = [
  {
    name: 'a Party member reads an article until points are credited, takes the daily quiz, and sees points and rank change',
    async run({ baseUrl, page }) {
      await loginAs(page, baseUrl, 'party_member');
      const token = await accessTokenOf(page);
      const before = await api(baseUrl, '/api/points/rankings?scope=branch&period=week', { token });
      assert(before.status === 200, `rankings answered ${before.status}: ${before.text}`);

      await openTab(page, '学习');
      const today = byTestId(page, 'study-points-today');
      await today.waitFor();
      const pointsBefore = await number(today);
      const balanceBefore = await number(byTestId(page, 'study-balance'));
      await screenshot(page, 'study-tab');

      // Read an article: the server credits effective time from heartbeats, then the read point.
      await page.locator('[data-testid="content-item"]:visible', { hasText: '网格化管理' }).first().click();
      await byTestId(page, 'article-title').waitFor();
      await byTestId(page, 'study-timer').waitFor();
      const earned = byTestId(page, 'study-points-earned');
      await earned.first().waitFor({ timeout: 20_000 });
      assert((await textOf(earned)).includes('阅读文章 +1分'), `timer shows "${await textOf(earned)}"`);
      await screenshot(page, 'study-article-credited');
      await page.goBack();

      await openTab(page, '学习');
      await page.waitForFunction((was) => {
        const el = [...document.querySelectorAll('[data-testid="study-points-today"]')].find((e) => e.offsetParent !== null);
        return el && Number(el.textContent) > was;
      }, pointsBefore);

      // The daily quiz: five questions, an explanation after each, points for correct answers.
      await byTestId(page, 'start-daily-quiz').click();
      for (let i = 0; i < 5; i++) {
        await byTestId(page, 'quiz-stem').waitFor();
        await byTestId(page, 'quiz-option-A').click();
        await byTestId(page, 'quiz-submit').click();
        const explanation = byTestId(page, 'quiz-explanation');
        await explanation.waitFor();
        assert((await textOf(explanation)).startsWith('解析：'), 'no explanation after an answer');
        if (i === 0) await screenshot(page, 'study-quiz-explanation');
        await byTestId(page, 'quiz-next').click();
      }
      const result = byTestId(page, 'quiz-result');
      await result.waitFor();
      const score = await textOf(byTestId(page, 'quiz-result-score'));
      assert(/答对 \d \/ 5 题/.test(score), `quiz result says "${score}"`);
      await screenshot(page, 'study-quiz-result');
      await byTestId(page, 'quiz-done').click();

      await openTab(page, '学习');
      await byTestId(page, 'daily-quiz-done').waitFor();
      const balanceAfter = await number(byTestId(page, 'study-balance'));
      assert(balanceAfter > balanceBefore, `balance ${balanceBefore} → ${balanceAfter}`);

      // This week's branch ranking picks the member up.
      await byTestId(page, 'go-rankings').click();
      await byTestId(page, 'ranking-me').waitFor();
      const rankText = await textOf(byTestId(page, 'ranking-me-rank'));
      const shownPoints = await number(byTestId(page, 'ranking-me-points'));
      const after = await api(baseUrl, '/api/points/rankings?scope=branch&period=week', { token });
      assert(after.body.me.points > before.body.me.points, `weekly points ${before.body.me.points} → ${after.body.me.points}`);
      assert(after.body.me.rank !== before.body.me.rank || before.body.me.points === 0, `rank stayed ${after.body.me.rank}`);
      assert(rankText === `第 ${after.body.me.rank} 名`, `rankings page shows "${rankText}", API says ${after.body.me.rank}`);
      assert(shownPoints === after.body.me.points, `rankings page shows ${shownPoints} points, API says ${after.body.me.points}`);
      assert(await byTestId(page, 'ranking-row').filter({ hasText: '李建国（我）' }).count() === 1, 'member not highlighted in the top list');
      await screenshot(page, 'study-rankings-after');

      const history = await api(baseUrl, '/api/points/history', { token });
      const actions = history.body.items.map((e) => e.action);
      assert(actions.includes('article_read'), `history has no article_read: ${actions.join(',')}`);
      const quizPoints = Number(score.match(/答对 (\d)/)[1]);
      assert(quizPoints === 0 || actions.includes('daily_quiz'), `history has no daily_quiz after ${quizPoints} correct: ${actions.join(',')}`);
    },
  },
];
