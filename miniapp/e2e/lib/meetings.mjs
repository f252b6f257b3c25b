import { api, apiLogin, assert } from './app.mjs';

/** A meeting of 陈红's branch that started a minute ago, with 李建国 invited; both logged in by API. */
export async function meetingUnderWay(baseUrl, title) {
  const organiser = await apiLogin(baseUrl, 'organiser_a');
  const member = await apiLogin(baseUrl, 'party_member');
  const tree = await api(baseUrl, '/api/org/tree', { token: organiser.accessToken });
  const branch = tree.body.find((n) => n.kind === 'branch');
  const now = Date.now();
  const created = await api(baseUrl, '/api/meetings', {
    method: 'POST',
    token: organiser.accessToken,
    body: { nodeId: branch.id, type: 'theme_day', title, startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3600_000).toISOString(), address: '党群服务中心', invitees: { kind: 'branch' } },
  });
  assert(created.status === 201, `create meeting: ${created.status} ${created.text}`);
  return { organiser, member, meetingId: created.body.id };
}
