import { formatChinaDate, PRIVACY_POLICY_VERSION } from '@honglin/shared';
import { ENTITIES } from '../../../src/domains.js';
import { EXPORTED, NOT_EXPORTED } from '../../../src/privacy/account-export.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, link, type Auth } from '../family/family-fixtures.js';

describe.each(databases())('my data and consents on %s', (db) => {
  let t: TestApp;
  let elder: Auth; // 张秀英
  let resident: Auth; // 王丽
  let member: Auth; // 李建国

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [elder, resident, member] = await Promise.all(['elder', 'resident', 'party_member'].map((p) => t.login(p)));
  });
  afterAll(() => t.close());

  const kinds = async (who: Auth) => (await as(t, who).get('/api/me/consents')).body.map((c: { kind: string }) => c.kind);

  it('records accepting the privacy agreement, a family link and its revocation, for each side, newest first', async () => {
    expect(await kinds(resident)).toEqual([]);
    expect((await as(t, resident).post('/api/me/privacy', { version: PRIVACY_POLICY_VERSION })).status).toBe(200);
    const linkId = await link(t, elder, resident);
    expect((await as(t, resident).post(`/api/family/links/${linkId}/revoke`, { reason: '不再需要' })).status).toBe(200);

    const mine = (await as(t, resident).get('/api/me/consents')).body;
    expect(mine.map((c: { kind: string }) => c.kind)).toEqual(['family_link_revoked', 'family_link', 'privacy_policy']);
    expect(mine[2]).toMatchObject({ version: PRIVACY_POLICY_VERSION, familyLink: null });
    expect(mine[1].familyLink).toEqual({ id: linkId, myRole: 'family', otherName: '张*英', consent: 'elder_confirmed' });
    const theirs = (await as(t, elder).get('/api/me/consents')).body;
    expect(theirs.map((c: { kind: string }) => c.kind)).toEqual(['family_link_revoked', 'family_link']);
    expect(theirs[0].familyLink).toMatchObject({ myRole: 'elder', otherName: '王*' });
    // Nobody else's history leaks into a third person's list.
    expect(await kinds(member)).toEqual([]);
  });

  it('records nothing when a request is declined before anyone consented', async () => {
    const code = (await as(t, elder).post('/api/family/invites')).body.code;
    const requested = await as(t, member).post('/api/family/links', { code });
    expect((await as(t, elder).post(`/api/family/links/${requested.body.id}/revoke`)).status).toBe(200);
    expect(await kinds(member)).toEqual([]);
  });

  it('records a consent an organiser witnessed at the door as soon as the family member uses the code', async () => {
    const gridWorker = await t.login('grid_worker');
    const code = (await as(t, gridWorker).post('/api/family/invites/witnessed', { elderUserId: elder.userId, reason: '老人没有智能手机，上门见证' })).body.code;
    const linked = await as(t, member).post('/api/family/links', { code });
    expect(linked.body.status).toBe('active');
    const [latest] = (await as(t, member).get('/api/me/consents')).body;
    expect(latest).toMatchObject({ kind: 'family_link', familyLink: { id: linked.body.id, myRole: 'family', consent: 'organiser_witnessed' } });
    expect(await kinds(gridWorker)).toEqual([]); // the witness vouched; the consent is the older resident's
    expect((await as(t, member).post(`/api/family/links/${linked.body.id}/revoke`)).status).toBe(200);
  });

  it('exports the caller’s own data as a JSON attachment, naming others masked and holding nobody else’s phone', async () => {
    const linkId = await link(t, elder, member);
    const res = await as(t, member).get('/api/me/data-export');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="honglin-my-data-${formatChinaDate(new Date())}.json"`);
    const doc = res.body;
    expect(doc.profile).toMatchObject({ id: member.userId, name: '李建国', phone: '13800000002', branch: { name: '幸福社区第一党支部' } });
    expect(doc.profile.roles.map((r: { role: string }) => r.role).sort()).toEqual(['party_member', 'resident']);

    const [ledger] = await t.dataSource.query('SELECT COUNT(*) AS n, SUM(amount) AS s FROM points_entries WHERE userId = ?', [member.userId]);
    expect(doc.points.entries).toHaveLength(Number(ledger.n));
    expect(doc.points.balance).toBe(Number(ledger.s));
    const [bills] = await t.dataSource.query('SELECT COUNT(*) AS n FROM dues_bills WHERE userId = ?', [member.userId]);
    expect(doc.dues.bills).toHaveLength(Number(bills.n));
    expect(doc.dues.profile).toMatchObject({ category: expect.any(String), monthlyFen: expect.any(Number) });
    expect(doc.dues.payments.length).toBeGreaterThan(0);
    expect(doc.dues.payments[0]).toMatchObject({ member: '本人', payer: '本人', status: 'paid' });
    const [invited] = await t.dataSource.query('SELECT COUNT(*) AS n FROM meeting_invitees WHERE userId = ?', [member.userId]);
    expect(doc.meetings).toHaveLength(Number(invited.n));
    expect(doc.meetings[0]).toMatchObject({ title: expect.any(String), attendance: expect.any(String) });
    expect(doc.family.links).toEqual(expect.arrayContaining([expect.objectContaining({ id: linkId, myRole: 'family', other: '张*英', status: 'active', confirmedBy: '张*英' })]));
    expect(doc.consents.map((c: { kind: string }) => c.kind)).toContain('family_link');

    // Their own number is the only phone in the file; other people appear by masked name only.
    const text = res.text;
    expect([...new Set(text.match(/1[3-9]\d{9}/g))]).toEqual(['13800000002']);
    expect(text).not.toContain('张秀英');
    expect(text).not.toMatch(/tokenHash|phoneCipher|baseCipher|codeHash/);
  });

  it('holds the caller’s household file as 我的档案 shows it: visits, a masked ID number, no staff notes', async () => {
    const doc = (await as(t, elder).get('/api/me/data-export')).body;
    expect(doc.householdFile.household).toMatchObject({ label: expect.any(String) });
    expect(doc.householdFile.person).toMatchObject({ userId: elder.userId });
    expect(doc.householdFile.person).not.toHaveProperty('notes');
    expect(doc.householdFile.person.idNumberMasked ?? '').not.toMatch(/^\d{17}[\dX]$/);
    expect(doc.householdFile.visits.length).toBeGreaterThan(0);
    expect(Array.isArray(doc.householdFile.corrections)).toBe(true);
  });

  it('says, for every entity of the schema, whether it is exported or why not', () => {
    const decided = new Set([...EXPORTED, ...Object.keys(NOT_EXPORTED).flatMap((k) => k.split(', '))]);
    expect(ENTITIES.map((e) => e.name).filter((n) => !decided.has(n))).toEqual([]);
  });

  it('refuses the export and the history without a login', async () => {
    expect((await t.http.get('/api/me/data-export')).status).toBe(401);
    expect((await t.http.get('/api/me/consents')).status).toBe(401);
  });
});
