import { createDataSource } from '../../../src/database/data-source.js';
import { databases, freshMariaDatabase } from '../../support/test-app.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe.each(databases())('migrations on %s', (db) => {
  it('build exactly the schema the entities describe', async () => {
    const fresh = db === 'mariadb' ? await freshMariaDatabase() : null;
    const ds = createDataSource(
      fresh ? { type: 'mariadb', url: fresh.url } : { type: 'better-sqlite3', path: join(mkdtempSync(join(tmpdir(), 'hl-schema-')), 's.sqlite') },
    );
    try {
      await ds.initialize();
      const applied = await ds.runMigrations();
      expect(applied.length).toBeGreaterThan(0);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      // Running again applies nothing: migrations are recorded.
      expect(await ds.runMigrations()).toEqual([]);
    } finally {
      await ds.destroy();
      await fresh?.drop();
    }
  });
});
