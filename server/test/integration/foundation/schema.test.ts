import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDataSource } from '../../../src/database/data-source.js';
import { DOMAINS, ENTITIES } from '../../../src/domains.js';
import { databases, freshMariaDatabase } from '../../support/test-app.js';

const src = fileURLToPath(new URL('../../../src', import.meta.url));

function entityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? entityFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe.each(databases())('migrations on %s', (db) => {
  it('build exactly the schema the entities describe', async () => {
    const fresh = db === 'mariadb' ? await freshMariaDatabase() : null;
    const ds = createDataSource(
      fresh ? { type: 'mariadb', url: fresh.url } : { type: 'better-sqlite3', path: join(mkdtempSync(join(tmpdir(), 'hl-schema-')), 's.sqlite') },
      ENTITIES,
    );
    try {
      await ds.initialize();
      const applied = await ds.runMigrations();
      expect(applied.length).toBeGreaterThan(0);
      // An entity without a migration, named, before the full drift below.
      const runner = ds.createQueryRunner();
      const missing = [];
      for (const m of ds.entityMetadatas) if (!(await runner.hasTable(m.tablePath))) missing.push(`${m.name} (${m.tablePath})`);
      await runner.release();
      expect(missing).toEqual([]);
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

describe('the domain registry', () => {
  it('registers every @Entity class of src/ exactly once, through a domain', () => {
    const declared: string[] = [];
    for (const file of entityFiles(src)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/@Entity\([^)]*\)\s*(?:@[\w.]+\([^)]*\)\s*)*export class (\w+)/g)) declared.push(`${relative(src, file)}:${m[1]}`);
    }
    expect(declared.length).toBeGreaterThan(0);
    const registered = ENTITIES.map((e) => e.name);
    expect(declared.filter((d) => !registered.includes(d.split(':')[1]))).toEqual([]);
    expect(registered.filter((n, i) => registered.indexOf(n) !== i)).toEqual([]);
    expect(registered.length).toBe(declared.length);
    expect(DOMAINS.length).toBeGreaterThan(0);
  });
});
