import { clock } from '../../../src/common/clock.js';
import { metadataLeft, jpegDataUrl, phonePhoto } from '../../support/photos.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';
import { as, building, type Auth } from './helpers.js';

describe.each(databases())('report photos and 代办 on %s', (db) => {
  let t: TestApp;
  let elder: Auth;
  let member: Auth;
  let worker: Auth;
  let outsider: Auth;
  let b1: string;

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [elder, member, worker, outsider] = await Promise.all(['elder', 'party_member', 'grid_worker', 'organiser_b'].map((p) => t.login(p)));
    b1 = await building(t, '幸福一网格');
  });
  afterEach(() => clock.reset());
  afterAll(() => t.close());

  const upload = async (who: Auth, dataUrl: string) => as(t, who).post('/api/cases/photos', { dataUrl });
  const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM cases'))[0].n);

  it('stores a phone photo without its EXIF (GPS, camera) and shows it only to the case readers', async () => {
    const original = await phonePhoto();
    expect(await metadataLeft(original)).toMatchObject({ gps: true, camera: true });
    const up = await upload(elder, jpegDataUrl(original));
    expect(up.status).toBe(201);
    const filed = await as(t, elder).post('/api/cases/reports', { category: 'facilities', text: '3楼楼道灯坏了', buildingId: b1, photoIds: [up.body.id] });
    expect(filed.status).toBe(201);
    expect(filed.body.photos).toEqual([{ id: up.body.id, phase: 'report', url: `/api/cases/${filed.body.id}/photos/${up.body.id}` }]);
    const got = await as(t, worker).get(filed.body.photos[0].url).buffer(true);
    expect(got.status).toBe(200);
    expect(await metadataLeft(got.body as Buffer)).toMatchObject({ exif: false, gps: false, camera: false });
    const thumb = await as(t, elder).get(`${filed.body.photos[0].url}?thumb=1`).buffer(true);
    expect(await metadataLeft(thumb.body as Buffer)).toMatchObject({ gps: false });
    expect((await as(t, outsider).get(filed.body.photos[0].url)).status).toBe(404);

    const after = await as(t, worker).post(`/api/cases/${filed.body.id}/photos`, { dataUrl: jpegDataUrl(await phonePhoto()) });
    expect(after.status).toBe(201);
    expect((await as(t, outsider).post(`/api/cases/${filed.body.id}/photos`, { dataUrl: jpegDataUrl(await phonePhoto()) })).body.code).toBe('CASE_NOT_YOURS');
    expect((await as(t, elder).get(`/api/cases/${filed.body.id}`)).body.photos.map((p: { phase: string }) => p.phase)).toEqual(['report', 'after']);
  });

  it('refuses 7 photos, a 25 MB photo, a PDF named .jpg and a photo someone else uploaded, writing no case', async () => {
    const before = await count();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await upload(elder, jpegDataUrl(await phonePhoto(16, 16)))).body.id);
    const seven = await as(t, elder).post('/api/cases/reports', { category: 'sanitation', text: '垃圾没人清运', buildingId: b1, photoIds: ids });
    expect(seven.status).toBe(400);
    expect(seven.body.fields.map((f: { field: string }) => f.field)).toContain('photoIds');
    const huge = await upload(elder, `data:image/jpeg;base64,${Buffer.alloc(25 * 1024 * 1024, 1).toString('base64')}`);
    expect(huge.status).toBe(413);
    const pdf = await upload(elder, `data:image/jpeg;base64,${Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF').toString('base64')}`);
    expect(pdf.status).toBe(400);
    expect(pdf.body.code).toBe('CASE_PHOTO_INVALID');
    const theirs = (await upload(member, jpegDataUrl(await phonePhoto(16, 16)))).body.id;
    const stolen = await as(t, elder).post('/api/cases/reports', { category: 'sanitation', text: '垃圾没人清运', buildingId: b1, photoIds: [ids[0], theirs] });
    expect(stolen.body.code).toBe('CASE_PHOTO_UNKNOWN');
    expect(await count()).toBe(before);
    // The photo of the refused report is still the elder's to use.
    expect((await as(t, elder).post('/api/cases/reports', { category: 'sanitation', text: '垃圾没人清运', buildingId: b1, photoIds: [ids[0]] })).status).toBe(201);
  });

  it('lets the grid worker file for a resident (代办), who then follows it as the reporter; others may not', async () => {
    const filed = await as(t, worker).post('/api/cases/reports', { category: 'facilities', text: '张阿姨家门口的扶手松了', onBehalfOf: elder.userId });
    expect(filed.status).toBe(201);
    expect(filed.body.place.buildingName).toBeTruthy();
    const mine = (await as(t, elder).get('/api/cases/mine')).body.items.find((c: { id: string }) => c.id === filed.body.id);
    expect(mine).toMatchObject({ me: { reporter: true } });
    expect((await as(t, elder).get(`/api/cases/${filed.body.id}`)).body.timeline[0]).toMatchObject({ type: 'filed', actor: '周敏（代办）' });
    expect((await as(t, member).post('/api/cases/reports', { category: 'facilities', text: '替邻居反映一下', onBehalfOf: elder.userId })).body.code).toBe('CASE_PROXY_NOT_ALLOWED');
  });

  it('raises a need found on a visit as a follow-up case (走访发现) the visited resident follows', async () => {
    const households = (await as(t, worker).get('/api/org/grid/households')).body;
    const home = (households.items ?? households).find((h: { members: { userId: string }[] }) => h.members.some((m) => m.userId === elder.userId));
    expect(home).toBeDefined();
    const visit = await as(t, worker).post(`/api/org/grid/households/${home.id}/visits`, { method: 'home', situation: 'needs_help', seenUserIds: [elder.userId], needs: [] });
    expect(visit.status).toBe(201);
    expect((await as(t, outsider).post(`/api/cases/visits/${visit.body.id}/followup`, { category: 'facilities', text: '楼上卫生间漏水到张阿姨家' })).status).toBe(404);
    const raised = await as(t, worker).post(`/api/cases/visits/${visit.body.id}/followup`, { category: 'facilities', text: '楼上卫生间漏水到张阿姨家' });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ kind: 'visit_followup', status: 'pending', handler: { name: '周敏' } });
    const mine = (await as(t, elder).get('/api/cases/mine')).body.items.find((c: { id: string }) => c.id === raised.body.id);
    expect(mine).toMatchObject({ me: { reporter: true } });
  });
});
