import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('error answers on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db);
  });
  afterAll(() => t.close());

  it('answers health with the database state', async () => {
    const res = await t.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('answers malformed JSON with MALFORMED_REQUEST, not 500', async () => {
    const res = await t.http.post('/api/auth/demo-login').set('Content-Type', 'application/json').send('{"persona": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_REQUEST');
    expect(res.body.requestId).toBeTruthy();
  });

  it('lists every offending field with a Chinese message', async () => {
    const res = await t.http.post('/api/auth/demo-login').send({ persona: 42, extra: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.fields.length).toBeGreaterThanOrEqual(1);
    for (const f of res.body.fields) expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers unknown routes with ROUTE_NOT_FOUND', async () => {
    const res = await t.http.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses oversized bodies with PAYLOAD_TOO_LARGE', async () => {
    const res = await t.http.post('/api/auth/demo-login').send({ persona: 'x'.repeat(400_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown demo persona with 404 and a reason', async () => {
    const res = await t.http.post('/api/auth/demo-login').send({ persona: 'nobody' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('DEMO_PERSONA_UNKNOWN');
  });

  it('describes every route in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json')).body;
    for (const path of ['/api/health', '/api/auth/wechat-login', '/api/me', '/api/org/tree', '/api/org/nodes/{id}/members', '/api/party-applications']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/auth/wechat-login'].post.requestBody).toBeTruthy();
  });

  it('says which routes need no login, even under a controller that needs one', async () => {
    const doc = (await t.http.get('/api/docs-json')).body;
    expect(doc.paths['/api/payments/notify'].post.security).toEqual([]);
    expect(doc.paths['/api/me'].get.security).toEqual([{ bearer: [] }]);
    expect(JSON.stringify(doc)).not.toContain('x-honglin-public');
  });

  it('sends security headers and a request id', async () => {
    const res = await t.http.get('/api/health').set('X-Request-Id', 'trace-12345678');
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('limits login attempts per client with RATE_LIMITED', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await t.http.post('/api/auth/demo-login').send({ persona: 'resident' })).status);
    expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
    expect(codes.slice(3)).toEqual([429, 429]);
  });
});
