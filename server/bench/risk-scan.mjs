// Risk warnings at city scale on MariaDB: 100,000 residents in 30,000 households over 200 grids, 3,000
// of them living alone, with visit and login histories generated so that a known set must warn. Then a
// full scan, a rescan (nothing new may open), and the incremental re-evaluation after one visit.
// Usage: DATABASE_URL=mysql://root@127.0.0.1:3306/<fresh db> npm run bench -- risk-scan [residents]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { benchDatabase, bulkLoader, sqlTime } from './lib/mariadb.mjs';
import { addDays, chinaDay } from '@honglin/shared';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const { startApp } = await import(join(dist, 'bootstrap.js'));
const { loadConfig } = await import(join(dist, 'config/config.js'));
const { newId } = await import(join(dist, 'common/ids.js'));
const { RiskEngine } = await import(join(dist, 'households/risk-engine.js'));
const { VisitsService } = await import(join(dist, 'households/visits.service.js'));

const RESIDENTS = Number(process.argv[2] ?? 100_000);
const HOUSEHOLDS = Math.round(RESIDENTS * 0.3);
const ALONE = Math.round(RESIDENTS * 0.03);
const GRIDS = 200;
const NO_ANSWER = 100;
const DAY = 86_400_000;
const log = (...a) => console.error('[risk-scan]', ...a);
const url = await benchDatabase({ fresh: false });

const running = await startApp(loadConfig({ ...process.env, DATABASE_URL: url, DEMO_MODE: 'false', SEED_DEMO: 'false', OUTBOX_WORKER: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', H5_DIR: '/nonexistent' }));
const pool = mysql.createPool({ uri: url, connectionLimit: 3, timezone: 'Z' });
const insertMany = bulkLoader(pool);

// Noon in Beijing, so "n days ago" is exactly n Beijing days whatever the hour the bench runs.
const today = chinaDay(new Date());
const now = new Date(Date.parse(`${today}T04:00:00Z`));
const at = (daysAgo) => sqlTime(now.getTime() - daysAgo * DAY);
const started = performance.now();
const streetId = newId();
const nodes = [[streetId, 'street', '基准街道', null, `/${streetId}/`, 0, sqlTime(now)]];
const grids = [];
for (let c = 0; c < 10; c++) {
  const cid = newId();
  const cpath = `/${streetId}/${cid}/`;
  nodes.push([cid, 'community', `基准社区${c + 1}`, streetId, cpath, 1, sqlTime(now)]);
  for (let g = 0; g < GRIDS / 10; g++) {
    const gid = newId();
    const bid = newId();
    nodes.push([gid, 'grid', `网格${c + 1}-${g + 1}`, cid, `${cpath}${gid}/`, 2, sqlTime(now)], [bid, 'building', '1号楼', gid, `${cpath}${gid}/${bid}/`, 3, sqlTime(now)]);
    grids.push({ cid, gid, bid, path: `${cpath}${gid}/${bid}/`, gpath: `${cpath}${gid}/` });
  }
}
await insertMany('org_nodes', ['id', 'kind', 'name', 'parentId', 'path', 'depth', 'createdAt'], nodes);

const users = [];
const households = [];
const members = [];
const tags = [];
const visits = [];
const tokens = [];
const expected = new Set();
const visit = (h, daysAgo, situation) => visits.push([newId(), h, h, at(daysAgo), 'home', situation, '[]', null, '[]', null, at(daysAgo)]);
let person = 0;
for (let h = 0; h < HOUSEHOLDS; h++) {
  const grid = grids[h % GRIDS];
  const hid = newId();
  const size = h < ALONE ? 1 : 1 + ((h * 7) % 5 === 0 ? 4 : (h % 4));
  let lastVisit = null;
  let cadence = 365;
  if (h < ALONE) {
    cadence = 7;
    lastVisit = [3, 10, 13, 14, 20][h % 5];
    visit(hid, lastVisit, 'normal');
  } else if (h < ALONE + NO_ANSWER) {
    visit(hid, 12, 'no_answer');
    visit(hid, 5, 'no_answer');
    lastVisit = 5;
    expected.add(`no_answer_repeated:${hid}`);
  } else if (h < ALONE + 2 * NO_ANSWER) {
    visit(hid, 12, 'no_answer');
    visit(hid, 5, 'normal');
    lastVisit = 5;
  } else if (h % 2 === 0) {
    lastVisit = 100;
    visit(hid, lastVisit, 'normal');
  }
  const registered = addDays(today, -400);
  households.push([hid, grid.bid, grid.gid, grid.cid, grid.path, '1', String(h), '{}', cadence, lastVisit === null ? null : at(lastVisit), registered, lastVisit === null ? registered : addDays(addDays(today, -lastVisit), cadence), hid, sqlTime(now), sqlTime(now)]);
  for (let m = 0; m < size && person < RESIDENTS; m++, person++) {
    const uid = newId();
    users.push([uid, `居民${person}`, h < ALONE ? 1940 : 1960 + (person % 50), grid.bid, 0, 0, sqlTime(now), sqlTime(now)]);
    members.push([newId(), hid, uid, uid, m === 0 ? 'head' : 'child', 'registered', uid, sqlTime(now)]);
    if (h < ALONE) {
      tags.push([newId(), uid, 'elder_alone', 'grid_verified', at(30), uid, sqlTime(now)]);
      const sign = [2, 7, null][h % 3];
      if (sign !== null) tokens.push([newId(), uid, newId(), newId() + newId(), at(-30), at(sign)]);
      if (lastVisit >= 14 && sign !== 2) expected.add(`elder_alone_unvisited:${uid}`);
    } else if (person % 3 === 0) {
      tokens.push([newId(), uid, newId(), newId() + newId(), at(-30), at(1)]);
    }
  }
}
// The households above take fewer people than RESIDENTS: the rest join the large ones.
for (let h = ALONE + 2 * NO_ANSWER; person < RESIDENTS; h = h + 1 >= HOUSEHOLDS ? ALONE + 2 * NO_ANSWER : h + 1, person++) {
  const uid = newId();
  users.push([uid, `居民${person}`, 1980, households[h][1], 0, 0, sqlTime(now), sqlTime(now)]);
  members.push([newId(), households[h][0], uid, uid, 'other', 'resident', uid, sqlTime(now)]);
}
await insertMany('users', ['id', 'name', 'birthYear', 'residenceNodeId', 'elderMode', 'disabled', 'createdAt', 'updatedAt'], users);
await insertMany('households', ['id', 'buildingId', 'gridId', 'communityId', 'path', 'unit', 'room', 'provenance', 'cadenceDays', 'lastVisitAt', 'registeredOn', 'nextDueOn', 'createdBy', 'createdAt', 'updatedAt'], households);
await insertMany('household_members', ['id', 'householdId', 'userId', 'activeUserId', 'relation', 'residenceType', 'createdBy', 'createdAt'], members);
await insertMany('person_tags', ['id', 'userId', 'tag', 'source', 'verifiedAt', 'setBy', 'createdAt'], tags);
await insertMany('care_visits', ['id', 'householdId', 'visitorId', 'visitedAt', 'method', 'situation', 'seenUserIds', 'notes', 'needs', 'correctsVisitId', 'createdAt'], visits);
await insertMany('refresh_tokens', ['id', 'userId', 'familyId', 'tokenHash', 'expiresAt', 'createdAt'], tokens);
log(`loaded ${users.length} residents, ${households.length} households, ${visits.length} visits in ${Math.round(performance.now() - started)} ms`);

const engine = running.app.get(RiskEngine);
let t0 = performance.now();
const raised = await engine.scan(now);
const fullScanMs = Math.round(performance.now() - t0);
const again = await engine.scan(now);
const [open] = await pool.query("SELECT rule, subjectId, COUNT(*) AS n FROM risk_warnings WHERE status <> 'resolved' GROUP BY rule, subjectId");
const found = new Set(open.map((r) => `${r.rule}:${r.subjectId}`));
const missed = [...expected].filter((k) => !found.has(k)).length;
const falseAlarms = [...found].filter((k) => !expected.has(k)).length;
const duplicatesOnRescan = again + open.filter((r) => Number(r.n) > 1).length;

// One visit to a warned elder's household, then the incremental re-evaluation of that household.
const [[target]] = await pool.query("SELECT householdId, path FROM risk_warnings WHERE rule = 'elder_alone_unvisited' LIMIT 1");
const grid = grids.find((g) => g.path === target.path);
const actor = { userId: newId(), grants: [{ role: 'grid_worker', nodeId: grid.gid, path: grid.gpath }] };
await running.app.get(VisitsService).record(actor, target.householdId, { method: 'phone', situation: 'normal', seenUserIds: [], needs: [] }, now);
t0 = performance.now();
await engine.scan(now, [target.householdId]);
const incrementalMs = Math.round(performance.now() - t0);

console.log(JSON.stringify({ residents: users.length, households: households.length, expected: expected.size, raised, missed, falseAlarms, duplicatesOnRescan, fullScanMs, incrementalMs }));
await pool.end();
await running.close();
