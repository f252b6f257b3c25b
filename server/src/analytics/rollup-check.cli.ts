import { addDays, beijingDay } from '@honglin/shared';
import { clock } from '../common/clock.js';
import { loadConfig } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DOMAINS, ENTITIES } from '../domains.js';
import { RollupRepository } from './rollup.repository.js';
import { RollupService } from './rollup.service.js';

/**
 * `npm run analytics:check -w @honglin/server [-- --from YYYY-MM-DD --to YYYY-MM-DD --rebuild]`:
 * compares every rollup with a fresh recompute from the domains' tables over the range (default:
 * the last 400 days) and prints one JSON line; exits 1 on a mismatch. `--rebuild` first rebuilds the
 * range from source. Uses the server's own configuration (DATABASE_URL or SQLITE_PATH).
 */
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const today = beijingDay(clock.now());
const from = arg('from') ?? addDays(today, -400);
const to = arg('to') ?? today;
const config = loadConfig(process.env);
const ds = await createDataSource(config.database, ENTITIES).initialize();
const rollups = new RollupService(DOMAINS.flatMap((d) => d.metrics ?? []), new RollupRepository(ds), new TransactionRunner(ds));
const started = Date.now();
if (process.argv.includes('--rebuild')) await rollups.rebuild(from, to);
const mismatches = await rollups.check(from, to);
process.stdout.write(`${JSON.stringify({ from, to, metrics: rollups.definitions().length, mismatches: mismatches.length, ms: Date.now() - started, first: mismatches.slice(0, 5) })}\n`);
await ds.destroy();
process.exit(mismatches.length ? 1 : 0);
