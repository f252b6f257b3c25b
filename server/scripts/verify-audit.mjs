// `npm run audit:verify`: recomputes the audit trail's hash chain in the database the server is
// configured for (same environment as the server, DATABASE_URL or SQLITE_PATH). Prints one JSON line,
// {"entries":N,"ok":true,"head":{"seq":…,"hash":…}} or {"entries":N,"ok":false,"firstBrokenSeq":k,"reason":"edited|deleted|inserted"},
// and exits 1 when the chain is broken (2 when it could not be checked at all). Read-only.
// Heads published outside the database (the server logs `audit head` hourly; keep the lines, or keep the
// "head" of a verify run) are checked too: `npm run -s audit:verify -- --anchor <seq>:<hash> …`. They
// catch a deleted tail with the head rolled back to match, which the database alone cannot show.
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
const { ENTITIES } = await import(join(dist, 'domains.js'));
const { AuditRepository } = await import(join(dist, 'audit/audit.repository.js'));
const { verifyAuditChain } = await import(join(dist, 'audit/audit-verify.js'));

let ds;
try {
  ds = createDataSource(loadConfig().database, ENTITIES);
  await ds.initialize();
  const anchors = process.argv.slice(2).flatMap((a, i, all) => (all[i - 1] === '--anchor' ? [a] : [])).map((a) => {
    const [seq, hash] = a.split(':');
    if (!/^\d+$/.test(seq ?? '') || !/^[0-9a-f]{64}$/.test(hash ?? '')) throw new Error(`--anchor ${a}: expected <seq>:<sha256 hex>`);
    return { seq: Number(seq), hash };
  });
  const result = await verifyAuditChain(new AuditRepository(ds), anchors);
  console.log(JSON.stringify(result));
  process.exitCode = result.ok ? 0 : 1;
} catch (e) {
  console.error(`audit:verify could not check the chain: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
} finally {
  if (ds?.isInitialized) await ds.destroy();
}
