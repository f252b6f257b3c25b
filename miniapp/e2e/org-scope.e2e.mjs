import { accessTokenOf, api, apiLogin, assert, byTestId, loginAs, openTab, screenshot } from './lib/app.mjs';

export const tests = [
  {
    name: "organiser A sees their own org tree, and A's token cannot list a member of branch B",
    async run({ baseUrl, page }) {
      // Branch B's node ids, as organiser B sees them.
      const b = await apiLogin(baseUrl, 'organiser_b');
      const treeB = await api(baseUrl, '/api/org/tree', { token: b.accessToken });
      assert(treeB.status === 200 && Array.isArray(treeB.body) && treeB.body.length > 0, `organiser_b tree: ${treeB.status} ${treeB.text}`);

      await loginAs(page, baseUrl, 'organiser_a');
      await openTab(page, '我的');
      await byTestId(page, 'entry-org-tree').click();
      const rows = page.locator('[data-testid^="org-node-"]:visible');
      await rows.first().waitFor();
      const shownIds = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid').slice('org-node-'.length)));

      const tokenA = await accessTokenOf(page);
      const treeA = await api(baseUrl, '/api/org/tree', { token: tokenA });
      assert(treeA.status === 200, `organiser_a tree: ${treeA.status} ${treeA.text}`);
      const idsA = new Set(treeA.body.map((n) => n.id));
      assert(shownIds.length === idsA.size && shownIds.every((id) => idsA.has(id)), `page shows ${shownIds.length} nodes, API ${idsA.size}`);
      await screenshot(page, 'org-tree-organiser-a');

      const onlyB = treeB.body.filter((n) => !idsA.has(n.id));
      assert(onlyB.length > 0, 'organiser_a and organiser_b see the same nodes: the demo seed gives no way to test scope');
      const target = onlyB.find((n) => n.kind === 'branch') ?? onlyB[0];
      assert(!shownIds.includes(target.id), `A's tree shows B's node ${target.name}`);
      const members = await api(baseUrl, `/api/org/nodes/${target.id}/members?limit=20`, { token: tokenA });
      assert([403, 404].includes(members.status), `A listing ${target.name} (B) answered ${members.status}: ${members.text}`);
      assert(typeof members.body?.code === 'string' && typeof members.body?.message === 'string', `error body not {code,message}: ${members.text}`);

      // And A's own node works through the UI: open it and see its member list.
      await rows.first().click();
      await page.locator('[data-testid^="member-"]:visible, [data-testid="members-empty"]:visible').first().waitFor();
      await screenshot(page, 'org-members-organiser-a');
    },
  },
];
