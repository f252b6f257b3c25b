import { AUDITED_WRITES } from '@honglin/shared';
import { OWN_WRITES } from '../../../src/audit/own-writes.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// The route list does not depend on the database: SQLite only.
describe('which writes are audited', () => {
  let t: TestApp;
  let writes: string[];
  beforeAll(async () => {
    t = await startTestApp('sqlite', { OUTBOX_WORKER: 'false' });
    const doc = (await t.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => !['get', 'head', 'options'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
  });
  afterAll(() => t.close());

  it("classes every write route as either an organiser's (audited) or a person's own (not audited), never both", () => {
    const unclassified = writes.filter((w) => !(w in AUDITED_WRITES) && !OWN_WRITES.has(w));
    expect(unclassified).toEqual([]);
    expect(writes.filter((w) => w in AUDITED_WRITES && OWN_WRITES.has(w))).toEqual([]);
  });

  it('lists no route that does not exist (a renamed route would silently stop being classed)', () => {
    const known = new Set(writes);
    expect([...Object.keys(AUDITED_WRITES), ...OWN_WRITES].filter((w) => !known.has(w))).toEqual([]);
  });
});
