import { ACCESS_EXTENSION, ACCESS_KINDS } from '../../../src/common/decorators.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// The quick form of `npm run test:authz`'s `undeclared`: a new route without @Access/@Public fails here too.
describe('every route declares its access', () => {
  let t: TestApp;
  let ops: { route: string; kinds: unknown }[];
  beforeAll(async () => {
    t = await startTestApp('sqlite', { OUTBOX_WORKER: 'false' });
    const doc = (await t.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
    ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([m, op]) => ({ route: `${m.toUpperCase()} ${path}`, kinds: op[ACCESS_EXTENSION] })));
  });
  afterAll(() => t.close());

  it('carries a known access kind on every operation of the OpenAPI document', () => {
    const known = (k: unknown) => Array.isArray(k) && k.length > 0 && k.every((x) => (ACCESS_KINDS as readonly unknown[]).includes(x));
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((o) => !known(o.kinds)).map((o) => o.route)).toEqual([]);
  });

  it('says public exactly where no login is needed', () => {
    const publicOnes = ops.filter((o) => Array.isArray(o.kinds) && o.kinds.includes('public'));
    expect(publicOnes.every((o) => (o.kinds as unknown[]).length === 1)).toBe(true);
    expect(publicOnes.map((o) => o.route)).toContain('GET /api/health');
  });
});
