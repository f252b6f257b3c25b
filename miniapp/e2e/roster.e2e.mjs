import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { api, apiLogin, assert, byTestId, loginAs, screenshot, textOf, waitForText } from './lib/app.mjs';

/** Three residents of 周敏's grids with their full file (ID number, dwelling), read as she would. */
async function residents(baseUrl, token) {
  const list = await api(baseUrl, '/api/org/grid/households?filter=all&limit=30', { token });
  assert(list.status === 200, `households: ${list.status} ${list.text}`);
  const out = [];
  for (const h of list.body.items) {
    const file = await api(baseUrl, `/api/org/grid/households/${h.id}`, { token });
    for (const m of file.body.members) if (m.idNumber && !m.phones.length && out.length < 3) out.push({ ...m, householdId: h.id, building: file.body.label });
    if (out.length === 3) break;
  }
  assert(out.length === 3, 'three residents with ID numbers and no phone in the seed');
  return out;
}

export const tests = [
  {
    name: 'roster: the organiser imports a roster with three existing residents (one with a conflicting phone), previews, commits with a progress bar, decides a possible same person; the grid worker settles the phone during a visit',
    async run({ baseUrl, page }) {
      const worker = await apiLogin(baseUrl, 'grid_worker');
      const [a, b, c] = await residents(baseUrl, worker.accessToken);
      // c's phone was verified by the grid worker; the roster says otherwise.
      const set = await api(baseUrl, `/api/org/grid/persons/${c.userId}`, { method: 'PATCH', token: worker.accessToken, body: { phones: ['13900001111'], source: 'grid_verified' } });
      assert(set.status === 200, `setting c's phone: ${set.status} ${set.text}`);
      const dwelling = (m) => {
        const match = /(\d+号楼)(?:(\d+)单元)?(\d+)室/.exec(m.building);
        return [match[1], match[2] ?? '', match[3]];
      };
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('低保户');
      ws.addRow(['姓名', '身份证号', '联系电话', '楼栋', '单元', '门牌号', '人员类别']);
      ws.addRow([a.name, a.idNumber, '', ...dwelling(a), '低保']);
      ws.addRow([b.name, b.idNumber.toLowerCase(), '', ...dwelling(b), '低保']);
      ws.addRow([c.name, c.idNumber, '13800002222', ...dwelling(c), '低保']);
      ws.addRow(['新来的', '110105195505050026', '13800003333', '3号楼', '2', '808', '低保']);
      ws.addRow([a.name, '', '', ...dwelling(a), '']);
      const dir = await mkdtemp(path.join(tmpdir(), 'roster-'));
      const file = path.join(dir, '民政低保名单.xlsx');
      await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));

      await loginAs(page, baseUrl, 'grid_worker');
      await page.goto(`${baseUrl}/#/pages/me/index`);
      await byTestId(page, 'entry-roster').click();
      const source = page.locator('[data-testid="roster-source"]:visible', { hasText: '民政低保名单' });
      await source.locator('[data-testid="roster-upload"]').click();
      await page.locator('[data-testid="roster-file"]').setInputFiles(file);
      await byTestId(page, 'roster-preview').click();
      await waitForText(byTestId(page, 'roster-counts'), '新建1人，合并3人，待人工判断1条', 'preview counts');
      await byTestId(page, 'roster-row').nth(4).waitFor();
      assert((await byTestId(page, 'roster-row').count()) === 5, 'five rows in the preview table');
      await screenshot(page, 'roster-preview');
      await byTestId(page, 'roster-commit').click();
      await byTestId(page, 'roster-progress').or(byTestId(page, 'roster-done')).first().waitFor();
      // A reload while (or after) it runs shows the same import from the server.
      await page.reload();
      await byTestId(page, 'roster-done').waitFor({ timeout: 20_000 });
      await waitForText(byTestId(page, 'roster-counts'), '合并3人', 'counts after commit');
      await screenshot(page, 'roster-committed');

      await page.goto(`${baseUrl}/#/packages/roster/pages/pairs/index`);
      const pair = byTestId(page, 'pair').first();
      await pair.waitFor();
      assert((await textOf(pair)).includes('住址相同'), `the pair shows its evidence: ${await textOf(pair)}`);
      await screenshot(page, 'roster-pair');
      await pair.locator('[data-testid="pair-same"]').click();
      await byTestId(page, 'pairs-empty').waitFor();

      // At the door: the visit form asks which phone is right.
      await page.goto(`${baseUrl}/#/packages/grid/pages/visit/index?id=${c.householdId}`);
      const prompt = byTestId(page, 'verification-prompt').first();
      await prompt.waitFor();
      const text = await textOf(prompt);
      assert(text.includes('网格员核实 13900001111') && text.includes('民政低保名单 13800002222') && text.includes('以哪个为准'), `the prompt reads "${text}"`);
      await screenshot(page, 'roster-verify-visit');
      await page.locator('[data-testid="verification-choose"]:visible', { hasText: '13800002222' }).click();
      await byTestId(page, 'verification').waitFor({ state: 'detached' });
      await byTestId(page, 'visit-method-home').click();
      await byTestId(page, 'visit-situation-normal').click();
      await byTestId(page, 'visit-submit').click();
      await byTestId(page, 'visit-submit').waitFor({ state: 'hidden' });
      await page.goto(`${baseUrl}/#/packages/grid/pages/household/index?id=${c.householdId}`);
      const member = page.locator('[data-testid="household-member"]:visible', { hasText: c.name }).first();
      await member.waitFor();
      await waitForText(member, '13800002222', 'the verified phone on the file');
      await waitForText(member, '所在名单：民政低保名单', 'the lists that name the person');
      await screenshot(page, 'roster-household-verified');
    },
  },
];
