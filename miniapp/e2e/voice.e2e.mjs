import sharp from 'sharp';
import { api, apiLogin, assert, byTestId, loginAs, screenshot, switchUser, textOf, waitForText } from './lib/app.mjs';

async function openCase(page, baseUrl, id) {
  await page.goto(`${baseUrl}/#/packages/voice/pages/detail/index?id=${id}`);
  await byTestId(page, 'case-timeline').waitFor();
}

/** A phone photo of the dark stair: with GPS in its EXIF, which the server must drop. */
const stairPhoto = () =>
  sharp({ create: { width: 120, height: 90, channels: 3, background: '#333' } })
    .jpeg()
    .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' } })
    .toBuffer();

/** The grid worker's steps on the detail page: write, then tap. */
async function handle(page, testId, text) {
  if (text) await byTestId(page, 'case-handle-text').locator('textarea').fill(text);
  await byTestId(page, testId).click();
}

export const tests = [
  {
    name: 'voice: an elder (elder mode) reports a broken stair light with a photo; a neighbour follows it instead of filing again; the grid worker accepts, replies and closes; 不满意 reopens it; closed again and rated 满意; the public board shows it masked',
    async run({ baseUrl, page }) {
      const elderApi = await apiLogin(baseUrl, 'elder');
      const pref = await api(baseUrl, '/api/me/preferences', { method: 'PATCH', token: elderApi.accessToken, body: { elderMode: true } });
      assert(pref.status === 200, `elder mode: ${pref.status} ${pref.text}`);
      const elderMe = (await api(baseUrl, '/api/me', { token: elderApi.accessToken })).body;

      // 张秀英, elder mode: big picture → photo → confirm.
      await loginAs(page, baseUrl, 'elder');
      await page.locator('.theme-root.theme-elder:visible').first().waitFor();
      await page.goto(`${baseUrl}/#/packages/voice/pages/file/index`);
      await byTestId(page, 'voice-contact-me').waitFor();
      await byTestId(page, 'voice-category-facilities').click();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), byTestId(page, 'voice-add-photo').click()]);
      await chooser.setFiles({ name: 'stair.jpg', mimeType: 'image/jpeg', buffer: await stairPhoto() });
      await byTestId(page, 'voice-photo').or(byTestId(page, 'voice-error')).first().waitFor();
      assert(!(await byTestId(page, 'voice-error').count()), `the photo was refused: ${await textOf(byTestId(page, 'voice-error')).catch(() => '')}`);
      await byTestId(page, 'voice-next').click();
      await waitForText(byTestId(page, 'voice-confirm-summary'), '1 张照片', 'the confirm step');
      await byTestId(page, 'voice-text').locator('textarea').fill('2单元5楼楼道灯坏了，晚上看不见台阶');
      await screenshot(page, 'voice-elder-confirm');
      await byTestId(page, 'voice-submit').click();
      await byTestId(page, 'case-timeline').waitFor();
      await waitForText(byTestId(page, 'case-status'), '待受理', 'the new case');
      await byTestId(page, 'case-photos-report').waitFor();
      const caseId = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
      assert(caseId, `no case id in ${page.url()}`);
      const photo = (await api(baseUrl, `/api/cases/${caseId}`, { token: elderApi.accessToken })).body.photos[0];
      assert(photo, 'the case has no photo');

      // 王丽, a neighbour: the same category and building offers to follow instead.
      await switchUser(page, baseUrl, 'resident');
      await page.goto(`${baseUrl}/#/packages/voice/pages/file/index`);
      await byTestId(page, 'voice-category-facilities').click();
      await byTestId(page, `voice-building-${elderMe.grid.name} ${elderMe.building.name}`).click();
      await waitForText(byTestId(page, 'voice-similar-count'), '已有 1 位邻居反映，是否一起关注?', 'the similar-report offer');
      await screenshot(page, 'voice-similar');
      await byTestId(page, 'voice-follow-similar').click();
      await byTestId(page, 'case-timeline').waitFor();
      assert(page.url().includes(caseId), `following opened ${page.url()}, not the elder's case`);
      const resident = await apiLogin(baseUrl, 'resident');
      const mine = (await api(baseUrl, '/api/cases/mine', { token: resident.accessToken })).body.items;
      assert(mine.some((c) => c.id === caseId && c.me.follower && !c.me.reporter), 'the neighbour follows the case');
      assert(!mine.some((c) => c.me.reporter && c.category === 'facilities'), 'the neighbour filed a second case');
      assert(!(await textOf(byTestId(page, 'case-timeline'))).includes('张秀英'), 'the neighbour sees who reported');

      // 周敏, the grid worker: accept, reply, close.
      await switchUser(page, baseUrl, 'grid_worker');
      await openCase(page, baseUrl, caseId);
      await handle(page, 'case-accept');
      await waitForText(byTestId(page, 'case-status'), '已受理', 'accepted');
      await handle(page, 'case-reply', '已报物业电工，明天上午换灯');
      await byTestId(page, 'timeline-replied').waitFor();
      await handle(page, 'case-resolve', '已更换声控灯，请看看亮不亮');
      await waitForText(byTestId(page, 'case-status'), '已办结', 'resolved');

      // 张秀英: 不满意, reopen.
      await switchUser(page, baseUrl, 'elder');
      await openCase(page, baseUrl, caseId);
      await byTestId(page, 'case-rate-unsatisfied').click();
      await byTestId(page, 'case-reopen-button').click();
      await waitForText(byTestId(page, 'case-status'), '处理中', 'reopened');

      await switchUser(page, baseUrl, 'grid_worker');
      await openCase(page, baseUrl, caseId);
      await handle(page, 'case-resolve', '换了新的感应开关，已陪张阿姨试过');
      await waitForText(byTestId(page, 'case-status'), '已办结', 'resolved again');

      await switchUser(page, baseUrl, 'elder');
      await openCase(page, baseUrl, caseId);
      await byTestId(page, 'case-rate-satisfied').click();
      await waitForText(byTestId(page, 'case-status'), '已评价', 'rated');
      const timeline = await textOf(byTestId(page, 'case-timeline'));
      for (const step of ['提交反映', '一起关注', '已受理', '答复', '已办结', '评价：不满意', '重新办理', '评价：满意']) assert(timeline.includes(step), `the timeline lacks ${step}: ${timeline}`);
      await screenshot(page, 'voice-case-rated');

      // 公开栏: resolved, masked — no rooms, no names.
      await page.goto(`${baseUrl}/#/packages/voice/pages/board/index`);
      const item = page.locator('[data-testid="board-item"]:visible', { hasText: '楼道灯坏了' }).first();
      await item.waitFor();
      const shown = await textOf(item);
      assert(shown.includes('*单元*楼楼道灯坏了') && !shown.includes('2单元') && !shown.includes('张秀英'), `the board shows "${shown}"`);
      assert(shown.includes('满意'), `the board item lacks its rating: ${shown}`);
      await screenshot(page, 'voice-board');
    },
  },
];
