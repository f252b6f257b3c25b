// Objects the demo seed does not give every persona, made through the API before the matrix runs, so the
// routes that take them are tried with a real object of one's own and of someone else: quiz attempts,
// study sessions, complaints, activity sign-ups (enrollments), a family link (resident helps elder), a Party
// application, a 一键动员 call; and the managers' mall items, dues profiles and bills, household members, warnings.
// Returns { [route path or the path up to the object]: { own: { persona: id }, managed: { persona: id } } }.

const items = (x) => (Array.isArray(x) ? x : (x?.items ?? []));
const json = (res) => {
  try {
    return JSON.parse(res.text);
  } catch {
    return null;
  }
};

export async function createObjects({ send, tokens, personas, bodyFor, ops }) {
  const made = {};
  const put = (prefix, side, p, id) => {
    if (!id) return;
    made[prefix] ??= { own: {}, managed: {} };
    made[prefix][side][p] ??= id;
  };
  const as = (p, method, path, body) => send(method, path, { token: tokens[p], body });
  const opOf = (method, path) => ops.find((o) => o.method === method && o.path === path)?.op;

  for (const p of personas) {
    put('/api/quiz-attempts/{id}', 'own', p, json(await as(p, 'post', '/api/quizzes/daily/attempts', {}))?.id);
    const content = json(await as(p, 'get', '/api/study/contents'));
    const contentId = (Array.isArray(content) ? content : content?.items)?.[0]?.id;
    if (contentId) put('/api/study/sessions/{id}', 'own', p, json(await as(p, 'post', '/api/study/sessions', { contentId }))?.sessionId);
    put('/api/mall/items/{id}', 'own', p, items(json(await as(p, 'get', '/api/mall/items')))[0]?.id);
  }
  // What the managers see on their side: mall items; dues profiles and bills of their first branch.
  for (const m of ['organiser_a', 'organiser_b', 'grid_worker', 'admin']) {
    put('/api/org/mall/items/{id}', 'managed', m, items(json(await as(m, 'get', '/api/org/mall/items')))[0]?.id);
    const branch = items(json(await as(m, 'get', '/api/dues/branches')))[0];
    if (!branch) continue;
    put('/api/dues/profiles/{userId}', 'managed', m, items(json(await as(m, 'get', `/api/dues/branches/${branch.id}/profiles`)))[0]?.userId);
    put('/api/dues/bills/{id}', 'managed', m, json(await as(m, 'get', `/api/dues/branches/${branch.id}/board`))?.bills?.[0]?.id);
  }
  // A Party application by the resident to organiser_a's branch, decided by that branch's organisers.
  const branchA = items(json(await as('organiser_a', 'get', '/api/dues/branches')))[0];
  const application = branchA ? json(await as('resident', 'post', '/api/party-applications', { branchId: branchA.id })) : null;
  if (application?.id) for (const m of ['organiser_a', 'admin']) put('/api/org/party-applications/{id}', 'managed', m, application.id);
  for (const p of ['resident', 'party_member']) {
    const body = { ...bodyFor(opOf('post', '/api/complaints')), text: '楼道灯坏了一个月了，反映过没人修。' };
    delete body.accusedUserId;
    put('/api/complaints/{id}', 'own', p, json(await as(p, 'post', '/api/complaints', body))?.id);
  }

  // 我要反映: a report by each resident about their own building, handled by 幸福社区's staff and the street.
  for (const p of ['resident', 'party_member', 'elder']) {
    const c = json(await as(p, 'post', '/api/cases/reports', { category: 'facilities', text: '楼道灯坏了，晚上看不见台阶' }));
    put('/api/cases/{id}', 'own', p, c?.id);
    for (const m of ['grid_worker', 'admin']) put('/api/cases/{id}', 'managed', m, c?.id);
  }

  // Sign-ups: each member without a role on the first activity that takes them, the community organiser's
  // first (so a manager other than the admin manages the enrollment); its managers manage the enrollment.
  const managedBy = {};
  for (const m of personas) managedBy[m] = new Set(items(json(await as(m, 'get', '/api/activities/manage'))).map((x) => x.id));
  const list = [...managedBy.grid_worker, ...managedBy.admin];
  for (const p of ['resident', 'party_member', 'elder']) {
    for (const id of list.slice(0, 40)) {
      const e = json(await as(p, 'post', `/api/activities/${id}/signup`, { companions: [] }));
      if (!e?.id) continue;
      put('/api/enrollments/{id}', 'own', p, e.id);
      for (const m of personas) if (managedBy[m].has(id)) put('/api/enrollments/{id}', 'managed', m, e.id);
      break;
    }
  }

  // A family link: the elder shows a code, the resident types it, the elder confirms.
  const invite = json(await as('elder', 'post', '/api/family/invites', {}));
  const link = invite?.code ? json(await as('resident', 'post', '/api/family/links', { code: invite.code })) : null;
  if (link?.id) {
    await as('elder', 'post', `/api/family/links/${link.id}/confirm`, {});
    put('/api/family/links/{id}', 'own', 'resident', link.id);
    put('/api/family/links/{id}', 'own', 'elder', link.id);
    // Only the elder confirms; the managers of the elder's home may end the link too.
    put('/api/family/links/{id}/confirm', 'own', 'elder', link.id);
    for (const m of ['grid_worker', 'admin']) put('/api/family/links/{id}', 'managed', m, link.id);
    put('/api/family/elders/{elderId}', 'own', 'resident', link.elder?.id);
  }
  // A call (一键动员) by each organiser with a volunteer project, to a grid or branch of theirs: managed by
  // them and the admin, answered by whom it reaches.
  for (const m of ['grid_worker', 'organiser_a', 'organiser_b']) {
    const targets = json(await as(m, 'get', '/api/volunteering/mobilisations/targets'));
    const campaign = items(json(await as(m, 'get', '/api/volunteering/campaigns/manage')))[0];
    const grid = targets?.grids?.[0]?.id;
    const branch = targets?.branches?.[0]?.id;
    if (!(grid || branch) || !campaign) continue;
    const at = (h) => new Date(Date.now() + h * 3600_000).toISOString();
    const body = { campaignId: campaign.id, title: '清扫楼道', place: '社区广场', startsAt: at(30), endsAt: at(32), deadline: at(20), needed: 5, gridIds: grid ? [grid] : [], branchIds: grid ? [] : [branch], skills: [] };
    const res = await as(m, 'post', '/api/volunteering/mobilisations', body);
    const call = json(res);
    if (!call?.id) console.error('[authz] no call by', m, res.status, res.text.slice(0, 200));
    if (!call?.id) continue;
    for (const x of [m, 'admin']) put('/api/volunteering/mobilisations/{id}', 'managed', x, call.id);
  }
  // 一户一档: a person on one of the grid worker's households, and a risk warning of hers.
  const household = items(json(await as('grid_worker', 'get', '/api/org/grid/households')))[0];
  put('/api/org/grid/persons/{userId}', 'managed', 'grid_worker', household?.members?.[0]?.userId);
  put('/api/org/grid/warnings/{id}', 'managed', 'grid_worker', items(json(await as('grid_worker', 'get', '/api/org/grid/warnings')))[0]?.id);
  for (const p of personas) put('/api/volunteering/mobilisations/{id}', 'own', p, items(json(await as(p, 'get', '/api/volunteering/mobilisations/mine')))[0]?.id);
  return made;
}
