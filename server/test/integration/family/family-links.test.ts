import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, count, drain, link, publish, type Auth } from './family-fixtures.js';

describe.each(databases())('family links (亲情账号) on %s', (db) => {
  let t: TestApp;
  let elder: Auth; // 张秀英
  let family: Auth; // 王丽
  let other: Auth; // 李建国
  let gridWorker: Auth; // 周敏, organiser of 幸福社区
  let outsider: Auth; // 刘洋, organiser of 和平社区

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [elder, family, other, gridWorker, outsider] = await Promise.all(['elder', 'resident', 'party_member', 'grid_worker', 'organiser_b'].map((p) => t.login(p)));
  });
  afterAll(() => t.close());

  const revokeAll = async () => {
    for (const who of [elder, family, other]) {
      const { helpers, elders } = (await as(t, who).get('/api/family/links')).body;
      for (const l of [...helpers, ...elders]) if (l.status !== 'revoked') await as(t, who).post(`/api/family/links/${l.id}/revoke`);
    }
  };
  afterEach(revokeAll);

  it('links a family member only once the older resident confirms, showing each side only a masked phone', async () => {
    const invite = await as(t, elder).post('/api/family/invites');
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), elder: { name: '张秀英' }, witnessed: false });
    const requested = await as(t, family).post('/api/family/links', { code: invite.body.code });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'pending', consent: null, myRole: 'family', elder: { name: '张秀英', phoneMasked: '138****0003' } });

    // Pending is not consent: nothing can be done for the elder yet.
    const a = await publish(t, gridWorker);
    const early = await as(t, family).post(`/api/family/elders/${elder.userId}/activities/${a.id}/signup`);
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('FAMILY_NOT_LINKED');

    const seen = (await as(t, elder).get('/api/family/links')).body;
    expect(seen.helpers).toEqual([expect.objectContaining({ id: requested.body.id, status: 'pending', myRole: 'elder', family: { id: family.userId, name: '王丽', phoneMasked: '138****0001' } })]);
    expect(JSON.stringify(seen)).not.toContain('13800000001');
    await drain(t);
    const inbox = (await as(t, elder).get('/api/notifications/inbox')).body.items.map((i: { title: string }) => i.title);
    expect(inbox).toContain('家人请求绑定亲情账号');

    expect((await as(t, family).post(`/api/family/links/${requested.body.id}/confirm`)).status).toBe(404);
    const confirmed = await as(t, elder).post(`/api/family/links/${requested.body.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'active', consent: 'elder_confirmed', confirmedAt: expect.any(String) });
    expect((await as(t, elder).post(`/api/family/links/${requested.body.id}/confirm`)).body.code).toBe('FAMILY_LINK_NOT_PENDING');
    expect((await as(t, family).post(`/api/family/elders/${elder.userId}/activities/${a.id}/signup`)).status).toBe(201);
  });

  it('refuses malformed, wrong, used, replaced, expired and own codes with a reason, and a second live link', async () => {
    const malformed = await as(t, family).post('/api/family/links', { code: '12ab' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields[0].message).toMatch(/6位数字/);
    const first = (await as(t, elder).post('/api/family/invites')).body.code;
    const second = (await as(t, elder).post('/api/family/invites')).body.code;
    if (first !== second) {
      const replaced = await as(t, family).post('/api/family/links', { code: first });
      expect(replaced.body).toMatchObject({ code: 'FAMILY_INVITE_INVALID', message: expect.stringMatching(/重新生成/) });
    }
    expect((await as(t, elder).post('/api/family/links', { code: second })).body.code).toBe('FAMILY_SELF_LINK');
    expect((await as(t, family).post('/api/family/links', { code: second })).status).toBe(201);
    expect((await as(t, other).post('/api/family/links', { code: second })).body.code).toBe('FAMILY_INVITE_INVALID'); // used once

    const again = (await as(t, elder).post('/api/family/invites')).body.code;
    expect((await as(t, family).post('/api/family/links', { code: again })).body.code).toBe('FAMILY_LINK_EXISTS');

    const lapsed = (await as(t, elder).post('/api/family/invites')).body.code;
    await t.dataSource.query(`UPDATE family_invites SET expiresAt = '2000-01-01 00:00:00' WHERE elderUserId = '${elder.userId}'`);
    expect((await as(t, other).post('/api/family/links', { code: lapsed })).body.code).toBe('FAMILY_INVITE_INVALID');
  });

  it('stops guessing codes after ten tries, even when the eleventh is right', async () => {
    const guesser = await t.login('organiser_a');
    const code = (await as(t, elder).post('/api/family/invites')).body.code as string;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 10; i++) expect((await as(t, guesser).post('/api/family/links', { code: wrong })).body.code).toBe('FAMILY_INVITE_INVALID');
    const blocked = await as(t, guesser).post('/api/family/links', { code });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/10分钟/);
    expect(await count(t, 'family_links', `familyUserId = '${guesser.userId}'`)).toBe(0);
  });

  it('lets an organiser of the community witness consent at the door, and nobody else', async () => {
    const reason = '老人不会用智能手机，网格员上门见证，老人口头同意';
    expect((await as(t, family).post('/api/family/invites/witnessed', { elderUserId: elder.userId, reason })).status).toBe(403);
    expect((await as(t, outsider).post('/api/family/invites/witnessed', { elderUserId: elder.userId, reason })).status).toBe(404);
    expect((await as(t, gridWorker).post('/api/family/invites/witnessed', { elderUserId: elder.userId })).body.code).toBe('VALIDATION_FAILED');
    const invite = await as(t, gridWorker).post('/api/family/invites/witnessed', { elderUserId: elder.userId, reason });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ witnessed: true, elder: { name: '张秀英' } });
    expect((await as(t, gridWorker).post('/api/family/links', { code: invite.body.code })).body.code).toBe('FAMILY_WITNESS_SELF');

    const linked = await as(t, other).post('/api/family/links', { code: invite.body.code });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ status: 'active', consent: 'organiser_witnessed', witnessedBy: { id: gridWorker.userId, name: '周敏' }, witnessReason: reason });
  });

  it('revokes at once from either side or by the community organiser, after which the link acts for no one and nothing is written', async () => {
    const a = await publish(t, gridWorker);
    const byElder = await link(t, elder, family);
    expect((await as(t, other).post(`/api/family/links/${byElder}/revoke`)).status).toBe(404);
    const revoked = await as(t, elder).post(`/api/family/links/${byElder}/revoke`, { reason: '不需要了' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect((await as(t, elder).post(`/api/family/links/${byElder}/revoke`)).body.code).toBe('FAMILY_LINK_REVOKED');

    const before = [await count(t, 'enrollments', `userId = '${elder.userId}'`), await count(t, 'proxy_actions', `subjectUserId = '${elder.userId}'`)];
    const refused = await as(t, family).post(`/api/family/elders/${elder.userId}/activities/${a.id}/signup`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FAMILY_NOT_LINKED', message: expect.stringMatching(/绑定/) });
    expect([await count(t, 'enrollments', `userId = '${elder.userId}'`), await count(t, 'proxy_actions', `subjectUserId = '${elder.userId}'`)]).toEqual(before);
    await drain(t);
    const told = (await as(t, family).get('/api/notifications/inbox')).body.items.map((i: { title: string }) => i.title);
    expect(told).toContain('亲情账号已解除');

    // Linking again is a new consent, with its own record.
    const byFamily = await link(t, elder, family);
    expect(byFamily).not.toBe(byElder);
    expect((await as(t, family).post(`/api/family/links/${byFamily}/revoke`)).body.status).toBe('revoked');
    const byOrganiser = await link(t, elder, family);
    expect((await as(t, outsider).post(`/api/family/links/${byOrganiser}/revoke`)).status).toBe(404);
    expect((await as(t, gridWorker).post(`/api/family/links/${byOrganiser}/revoke`, { reason: '老人要求解除' })).body.status).toBe('revoked');
    const history = (await as(t, elder).get('/api/family/links')).body.helpers.map((l: { id: string; status: string }) => [l.id, l.status]);
    expect(history).toEqual(expect.arrayContaining([[byElder, 'revoked'], [byFamily, 'revoked'], [byOrganiser, 'revoked']]));
  });
});
