import { api, apiLogin, assert, byTestId, loginAs, screenshot } from './lib/app.mjs';
import { openBrowser } from './lib/browser.mjs';
import { meetingUnderWay } from './lib/meetings.mjs';

// The server for this run is started after the test files are loaded (run.mjs), so a short QR
// rotation is configured here: a code every 3 s, valid 6 s. The semantics stay those of production
// (20 s / 40 s): a code copied and used after its lifetime is refused. Values already set win.
process.env.CHECKIN_ROTATE_SECONDS ??= '3';
process.env.CHECKIN_TOKEN_TTL_SECONDS ??= '6';

const qrToken = async (page) => (await byTestId(page, 'qr-token').getAttribute('data-token')) ?? '';

async function submitCode(page, token) {
  const input = page.locator('[data-testid="checkin-code-input"]:visible input, input[data-testid="checkin-code-input"]:visible').first();
  await input.fill(token);
  await byTestId(page, 'checkin-code-submit').click();
}


export const tests = [
  {
    name: 'a member submits the code shown on the organiser QR screen and appears in live attendance; a copied code used after it expired is refused',
    async run({ baseUrl, page }) {
      const { organiser, member, meetingId } = await meetingUnderWay(baseUrl, 'e2e 主题党日');

      // Organiser's screen.
      await loginAs(page, baseUrl, 'organiser_a');
      await page.goto(`${baseUrl}/#/packages/checkin/pages/qr/index?id=${meetingId}`);
      await page.waitForFunction(() => document.querySelector('[data-testid="qr-token"]')?.getAttribute('data-token')?.startsWith('HL1.'));
      assert(await page.locator('.qr-image img, img.qr-image, .qr-image').first().isVisible(), 'no QR image on the organiser screen');
      const copied = await qrToken(page); // someone photographs/copies this code now
      const copiedAt = Date.now();

      // Member's phone, in a second browser.
      const phone = await openBrowser();
      try {
        await loginAs(phone.page, baseUrl, 'party_member');
        await phone.page.goto(`${baseUrl}/#/packages/checkin/pages/scan/index`);
        await phone.page.getByText('输入签到码').first().waitFor();
        await submitCode(phone.page, await qrToken(page));
        await byTestId(phone.page, 'checkin-success').waitFor();
        await screenshot(phone.page, 'checkin-member-success');

        // Appears on the organiser's live list without a reload.
        await byTestId(page, `live-row-${member.user.id}`).waitFor({ timeout: 10_000 });
        await screenshot(page, 'checkin-organiser-qr');

        // The copied code, used once its lifetime has passed, is refused with its reason.
        const ttlMs = Number(process.env.CHECKIN_TOKEN_TTL_SECONDS) * 1000;
        await phone.page.waitForTimeout(Math.max(0, copiedAt + ttlMs + 1500 - Date.now()));
        assert((await qrToken(page)) !== copied, 'the QR code did not rotate');
        await submitCode(phone.page, copied);
        const refusal = byTestId(phone.page, 'checkin-error');
        await refusal.waitFor();
        const code = await refusal.getAttribute('data-code');
        const text = await refusal.innerText();
        assert(code === 'CHECKIN_TOKEN_EXPIRED', `expected CHECKIN_TOKEN_EXPIRED, got ${code}: ${text}`);
        assert(text.includes('过期'), `refusal does not say why: ${text}`);
        await screenshot(phone.page, 'checkin-expired-refused');
      } finally {
        await phone.close();
      }
    },
  },
  {
    name: 'an organiser changes who is invited to a meeting that has not started: the current invitees are preselected, one is swapped for another',
    async run({ baseUrl, page }) {
      const organiser = await apiLogin(baseUrl, 'organiser_a');
      const member = await apiLogin(baseUrl, 'party_member');
      const tree = await api(baseUrl, '/api/org/tree', { token: organiser.accessToken });
      const branch = tree.body.find((n) => n.kind === 'branch');
      const people = await api(baseUrl, `/api/org/nodes/${branch.id}/members?limit=100`, { token: organiser.accessToken });
      const other = people.body.items.find((p) => p.roles.includes('party_member') && p.id !== member.user.id);
      const tomorrow = Date.now() + 24 * 3600_000;
      const created = await api(baseUrl, '/api/meetings', {
        method: 'POST',
        token: organiser.accessToken,
        body: { nodeId: branch.id, type: 'lecture', title: 'e2e 党课', startsAt: new Date(tomorrow).toISOString(), endsAt: new Date(tomorrow + 3600_000).toISOString(), address: '党群服务中心', invitees: { kind: 'members', userIds: [member.user.id] } },
      });
      assert(created.status === 201, `create meeting: ${created.status} ${created.text}`);
      const meetingId = created.body.id;

      await loginAs(page, baseUrl, 'organiser_a');
      await page.goto(`${baseUrl}/#/packages/meetings/pages/edit/index?id=${meetingId}`);
      const current = byTestId(page, `invitee-${member.user.id}`);
      await current.waitFor();
      assert((await current.innerText()).includes('已选'), 'the current invitee is not preselected');
      await byTestId(page, `invitee-${other.id}`).click();
      await current.click();
      await screenshot(page, 'meeting-edit-invitees');
      await byTestId(page, 'meeting-save').click();
      await byTestId(page, 'meeting-detail').waitFor();

      const live = await api(baseUrl, `/api/meetings/${meetingId}/attendance`, { token: organiser.accessToken });
      const invited = live.body.rows.map((r) => r.userId);
      assert(invited.length === 1 && invited[0] === other.id, `invitees after editing: ${JSON.stringify(invited)}`);
    },
  },
  {
    name: 'the QR check-in screen shows check-in and update times in Beijing time on a device set to UTC',
    async run({ baseUrl }) {
      const { organiser, member, meetingId } = await meetingUnderWay(baseUrl, 'e2e 时间显示');
      const now = Date.now();
      const qr = await api(baseUrl, `/api/checkin/meeting/${meetingId}/qr`, { token: organiser.accessToken });
      const redeemed = await api(baseUrl, '/api/checkin/redeem', { method: 'POST', token: member.accessToken, body: { token: qr.body.token, nonce: `e2e-utc-${now}` } });
      assert(redeemed.status === 200 || redeemed.status === 201, `check-in: ${redeemed.status} ${redeemed.text}`);

      const beijing = (ms, seconds) => new Date(ms + 8 * 3600_000).toISOString().slice(11, seconds ? 19 : 16);
      const utc = (ms) => new Date(ms).toISOString().slice(11, 16);
      const screen = await openBrowser({ timezoneId: 'UTC' });
      try {
        const { page } = screen;
        await loginAs(page, baseUrl, 'organiser_a');
        await page.goto(`${baseUrl}/#/packages/checkin/pages/qr/index?id=${meetingId}`);
        const row = byTestId(page, `live-row-${member.user.id}`);
        await row.waitFor();
        const rowText = await row.innerText();
        const checkedIn = [now - 60_000, now, Date.now()].map((ms) => beijing(ms, false));
        assert(checkedIn.some((t) => rowText.includes(t)), `check-in time is not Beijing time (${checkedIn.join('/')}): "${rowText}"`);
        assert(!rowText.includes(utc(Date.now())), `check-in time shown in UTC: "${rowText}"`);
        const updated = await byTestId(page, 'live-updated').innerText();
        const shown = updated.match(/(\d{2}:\d{2}):\d{2}/)?.[1];
        assert(shown && [Date.now() - 60_000, Date.now()].map((ms) => beijing(ms, false)).includes(shown), `"${updated}" is not Beijing time ${beijing(Date.now(), true)}`);
      } finally {
        await screen.close();
      }
    },
  },
];
