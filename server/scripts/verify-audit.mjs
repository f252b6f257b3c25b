// `npm run audit:verify`: recomputes the audit trail's hash chain in the database the server is
// configured for (same environment as the server, DATABASE_URL or SQLITE_PATH). Prints one JSON line,
// {"entries":N,"ok":true} or {"entries":N,"ok":false,"firstBrokenSeq":k,"reason":"edited|deleted|inserted"},
// and exits 1 when the chain is broken (2 when it could not be checked at all). Read-only.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
if (!existsSync(join(dist, 'audit/audit-verify.js'))) {
  console.error('audit:verify needs the built server: run `npm run build:server` first');
  process.exit(2);
}
const { loadConfig } = await import(join(dist, 'config/config.js'));
const { createDataSource } = await import(join(dist, 'database/data-source.js'));
const { AuditRepository } = await import(join(dist, 'audit/audit.repository.js'));
const { verifyAuditChain } = await import(join(dist, 'audit/audit-verify.js'));

let ds;
try {
  ds = createDataSource(loadConfig().database);
  await ds.initialize();
  const result = await verifyAuditChain(new AuditRepository(ds));
  console.log(JSON.stringify(result));
  process.exitCode = result.ok ? 0 : 1;
} catch (e) {
  console.error(`audit:verify could not check the chain: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
} finally {
  if (ds?.isInitialized) await ds.destroy();
}
