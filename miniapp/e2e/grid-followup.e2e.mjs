import { api, apiLogin, assert, byTestId, loginAs } from './lib/app.mjs';

export const tests = [
  {
    name: 'grid: a need found on a visit becomes a case (转为工单) on the household page, routed like a resident report',
    async run({ baseUrl, page }) {
      const worker = await apiLogin(baseUrl, 'grid_worker');
      const elder = await apiLogin(baseUrl, 'elder');
      const file = await api(baseUrl, '/api/me/household-file', { token: elder.accessToken });
      const need = `三楼楼道扶手松了${Date.now() % 10000}`;
      const visit = await api(baseUrl, `/api/org/grid/households/${file.body.household.id}/visits`, { method: 'POST', token: worker.accessToken, body: { method: 'home', situation: 'normal', needs: [need] } });
      assert(visit.status === 201, `visit: ${visit.status} ${visit.text}`);

      await loginAs(page, baseUrl, 'grid_worker');
      await page.goto(`${baseUrl}/#/packages/grid/pages/household/index?id=${file.body.household.id}`);
      const entry = page.locator('[data-testid="household-visit"]:visible', { hasText: '' }).first();
      await entry.waitFor();
      await byTestId(page, 'visit-followup-open').first().click();
      // The visit's need is offered as the case's text; a category is required.
      await byTestId(page, 'visit-followup-submit').click();
      await byTestId(page, 'visit-followup-error').waitFor();
      await byTestId(page, 'visit-followup-category-facilities').first().click();
      const text = await byTestId(page, 'visit-followup-text').locator('textarea').inputValue();
      assert(text.includes(need), `the need was not offered as the case's text: "${text}"`);
      await byTestId(page, 'visit-followup-submit').click();
      await byTestId(page, 'visit-followup-raised').waitFor();

      const queue = await api(baseUrl, '/api/cases/queue', { token: worker.accessToken });
      const raised = (queue.body.items ?? []).find((c) => c.text.includes(need));
      assert(raised, `the case is not in the grid worker's queue: ${queue.text.slice(0, 300)}`);
      assert(raised.kind === 'visit_followup', `kind ${raised.kind}`);
    },
  },
];
