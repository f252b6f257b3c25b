import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// How the h5 app itself is served (same port as the API): what a phone on a weak link downloads on its
// first visit and what it may keep. SQLite only: no database is involved.
describe('serving the h5 app', () => {
  let t: TestApp;
  const script = `/* app */ ${'console.log("红邻");\n'.repeat(400)}`;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-h5-'));
    mkdirSync(join(dir, 'js'));
    mkdirSync(join(dir, 'static'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html><body><div id="app"></div><script src="/js/app.1a2b3c4d.js"></script>${' '.repeat(2000)}</body></html>`);
    writeFileSync(join(dir, 'js', 'app.1a2b3c4d.js'), script);
    writeFileSync(join(dir, 'static', 'logo.txt'), 'logo');
    t = await startTestApp('sqlite', { H5_DIR: dir });
  });
  afterAll(() => t.close());

  it('sends the scripts gzip-compressed and lets the phone keep a content-hashed file for a year', async () => {
    const res = await t.http.get('/js/app.1a2b3c4d.js').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe(script);
  });

  it('makes the phone check index.html on every open, so a new release is picked up at once', async () => {
    for (const path of ['/', '/index.html', '/some/deep/link']) {
      const res = await t.http.get(path).set('Accept-Encoding', 'gzip');
      expect([res.status, res.headers['cache-control'], res.headers['content-encoding']]).toEqual([200, 'no-cache', 'gzip']);
      expect(res.text).toContain('<div id="app">');
    }
    expect((await t.http.get('/static/logo.txt')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('leaves API answers uncompressed (small, and their CPU belongs to the request)', async () => {
    const res = await t.http.get('/api/docs-json').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'] ?? res.text.length)).toBeGreaterThan(10_000);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
