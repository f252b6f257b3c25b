import { jpegDataUrl, metadataLeft, phonePhoto } from '../../support/photos.js';
import { link } from '../family/family-fixtures.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, type Auth } from './helpers.js';


describe.each(databases())('family view of care, visit photos and locations on %s', (db) => {
  let t: TestApp;
  let worker: Auth;
  let elder: Auth; // 张秀英, in the seeded ledger (幸福一网格 101)
  let family: Auth; // 王丽
  let stranger: Auth;
  let home: string;
  const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM care_visits WHERE householdId = ?', [home]))[0].n);

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [worker, elder, family, stranger] = await Promise.all(['grid_worker', 'elder', 'resident', 'party_member'].map((p) => t.login(p)));
    home = (await as(t, elder).get('/api/me/household-file')).body.household.id;
  });
  afterAll(() => t.close());

  it('shows a linked family member the elder’s visits and warnings without staff notes, and the elder sees the read', async () => {
    expect((await as(t, family).get(`/api/family/elders/${elder.userId}/care`)).body).toMatchObject({ code: 'FAMILY_NOT_LINKED' });
    const linkId = await link(t, elder, family);
    const seen = await as(t, worker).post(`/api/org/grid/households/${home}/visits`, { method: 'home', situation: 'unwell', seenUserIds: [elder.userId], notes: '血压偏高，药快吃完了', needs: ['帮忙预约社区医生上门'] });
    expect(seen.status).toBe(201);

    const res = await as(t, family).get(`/api/family/elders/${elder.userId}/care`);
    expect(res.status).toBe(200);
    expect(res.body.elder).toEqual({ id: elder.userId, name: '张秀英' });
    expect(res.body.visits[0]).toMatchObject({ id: seen.body.id, visitorName: '周敏', situation: 'unwell', summary: '网格员周敏入户走访，见到张秀英，情况身体不适，登记了1件需要帮忙的事。' });
    expect(JSON.stringify(res.body)).not.toContain('血压');
    expect(JSON.stringify(res.body)).not.toContain('预约');
    // The elder sees who looked: the family member, in 谁查看了我的数据.
    const log = (await as(t, elder).get('/api/me/data-access')).body.items;
    expect(log[0]).toMatchObject({ description: '查看家人的走访记录和预警' });

    // Someone else's elder, and a revoked link: nothing.
    expect((await as(t, stranger).get(`/api/family/elders/${elder.userId}/care`)).status).toBe(403);
    expect((await as(t, family).post(`/api/family/links/${linkId}/revoke`, {})).status).toBe(200);
    expect((await as(t, family).get(`/api/family/elders/${elder.userId}/care`)).body).toMatchObject({ code: 'FAMILY_NOT_LINKED' });
  });

  it('shows the family the warnings raised about the elder’s household', async () => {
    await link(t, elder, family);
    const before = await count();
    for (let i = 0; i < 2; i++) expect((await as(t, worker).post(`/api/org/grid/households/${home}/visits`, { method: 'home', situation: 'no_answer' })).status).toBe(201);
    expect(await count()).toBe(before + 2);
    const care = (await as(t, family).get(`/api/family/elders/${elder.userId}/care`)).body;
    expect(care.warnings).toEqual([expect.objectContaining({ level: 'orange', status: 'raised', sentence: expect.stringContaining('连续2次走访无人应答') })]);
  });

  it('keeps a visit photo re-encoded without its GPS and camera, for grid staff only, and refuses bytes that are not an image, writing nothing', async () => {
    const before = await count();
    const bad = await as(t, worker).post(`/api/org/grid/households/${home}/visits`, { method: 'home', situation: 'normal', photo: `data:image/jpeg;base64,${Buffer.from('not a photo at all').toString('base64')}` });
    expect(bad.body).toMatchObject({ code: 'VISIT_PHOTO_INVALID' });
    expect(await count()).toBe(before);
    const huge = await as(t, worker).post(`/api/org/grid/households/${home}/visits`, { method: 'home', situation: 'normal', photo: jpegDataUrl(Buffer.alloc(170 * 1024, 0xff)) });
    expect(huge.status).toBe(400);
    expect(huge.body.fields).toEqual([expect.objectContaining({ field: 'photo', message: '照片太大，请压缩后再上传' })]);
    expect(await count()).toBe(before);

    const ok = await as(t, worker).post(`/api/org/grid/households/${home}/visits`, { method: 'home', situation: 'normal', photo: jpegDataUrl(await phonePhoto()) });
    expect(ok.status).toBe(201);
    expect(ok.body.photoUrl).toBe(`/api/org/grid/visits/${ok.body.id}/photo`);
    const file = await t.http.get(ok.body.photoUrl).set('Authorization', worker.token).buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^image\/jpeg/);
    expect(await metadataLeft(file.body)).toEqual({ exif: false, gps: false, camera: false, orientation: undefined });
    expect((await t.http.get(ok.body.photoUrl).set('Authorization', elder.token)).status).toBe(403);
    // The resident sees the visit, not a link they could not open.
    const mine = (await as(t, elder).get('/api/me/household-file')).body.visits.find((v: { id: string }) => v.id === ok.body.id);
    expect(mine.photoUrl).toBeNull();
  });

  it('records a visit’s location only while everyone seen has consented', async () => {
    const body = { method: 'home', situation: 'normal', seenUserIds: [elder.userId], location: { lat: 31.2304, lng: 121.4737 } };
    const before = await count();
    expect((await as(t, worker).post(`/api/org/grid/households/${home}/visits`, body)).body).toMatchObject({ code: 'VISIT_LOCATION_NO_CONSENT' });
    expect((await as(t, worker).post(`/api/org/grid/households/${home}/visits`, { ...body, seenUserIds: [] })).body).toMatchObject({ code: 'VISIT_LOCATION_NO_CONSENT' });
    expect(await count()).toBe(before);

    expect((await as(t, elder).put('/api/me/household-file/location-consent', { allow: true })).body).toEqual({ visitLocationConsent: true });
    expect((await as(t, elder).get('/api/me/household-file')).body.visitLocationConsent).toBe(true);
    expect((await as(t, worker).get(`/api/org/grid/households/${home}`)).body.locationConsent).toEqual([elder.userId]);
    const ok = await as(t, worker).post(`/api/org/grid/households/${home}/visits`, body);
    expect(ok.status).toBe(201);
    expect(ok.body.location).toEqual({ lat: 31.2304, lng: 121.4737 });

    expect((await as(t, elder).put('/api/me/household-file/location-consent', { allow: false })).status).toBe(200);
    expect((await as(t, worker).post(`/api/org/grid/households/${home}/visits`, body)).status).toBe(409);
    const kinds = (await as(t, elder).get('/api/me/consents')).body.map((c: { kind: string }) => c.kind);
    expect(kinds.slice(0, 2)).toEqual(['visit_location_withdrawn', 'visit_location']);
    expect((await as(t, elder).put('/api/me/household-file/location-consent', { allow: 'yes' })).status).toBe(400);
  });
});
