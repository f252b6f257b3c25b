// 数据看板 at street scale on MariaDB: 100,000 residents in 500 grids, 1,000,000 events over 365 days
// (visits, volunteer hours, warnings, meetings with invitees, dues bills). Then the first (full)
// refresh of the rollups, one day's events fed incrementally, the overview and drill-down over HTTP
// (p95), every rollup checked against a recompute, and every node's sensitive cells scanned for a
// count under 5 that got through.
// Usage: DATABASE_URL=mysql://root@127.0.0.1:3306/<fresh db> npm run bench -- dashboard [residents] [events]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { benchDatabase, bulkLoader, sqlTime } from './lib/mariadb.mjs';
import { addDays, beijingDay } from '@honglin/shared';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const { startApp } = await import(join(dist, 'bootstrap.js'));
const { loadConfig } = await import(join(dist, 'config/config.js'));
const { newId } = await import(join(dist, 'common/ids.js'));
const { RollupService } = await import(join(dist, 'analytics/rollup.service.js'));
const { TokenService } = await import(join(dist, 'auth/token.service.js'));

const RESIDENTS = Number(process.argv[2] ?? 100_000);
const EVENTS = Number(process.argv[3] ?? 1_000_000);
const COMMUNITIES = 10;
const GRIDS = 500;
const BRANCHES = 50;
const DAY = 86_400_000;
const log = (...a) => console.error('[dashboard]', ...a);
const url = await benchDatabase({ fresh: false });

const running = await startApp(loadConfig({ ...process.env, DATABASE_URL: url, DEMO_MODE: 'false', SEED_DEMO: 'false', OUTBOX_WORKER: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', H5_DIR: '/nonexistent' }));
const pool = mysql.createPool({ uri: url, connectionLimit: 3, timezone: 'Z' });
const insertMany = bulkLoader(pool, { commitEvery: 1 });
// A deterministic spread: the same figures on every run.
let seed = 20261207;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// Noon in Beijing, so "n days ago" is exactly n Beijing days whatever the hour the bench runs.
const today = beijingDay(new Date());
const now = new Date(Date.parse(`${today}T04:00:00Z`));
const at = (daysAgo, jitterMs = 0) => sqlTime(now.getTime() - daysAgo * DAY - jitterMs);
const started = performance.now();

const streetId = newId();
const committeeId = newId();
const nodes = [[streetId, 'street', '基准街道', null, `/${streetId}/`, 0, at(400)], [committeeId, 'committee', '基准街道党工委', null, `/${committeeId}/`, 0, at(400)]];
const communities = [];
const grids = [];
for (let c = 0; c < COMMUNITIES; c++) {
  const cid = newId();
  const cpath = `/${streetId}/${cid}/`;
  nodes.push([cid, 'community', `基准社区${c + 1}`, streetId, cpath, 1, at(400)]);
  communities.push({ id: cid, path: cpath });
  for (let g = 0; g < GRIDS / COMMUNITIES; g++) {
    const gid = newId();
    const bid = newId();
    nodes.push([gid, 'grid', `网格${c + 1}-${g + 1}`, cid, `${cpath}${gid}/`, 2, at(400)], [bid, 'building', '1号楼', gid, `${cpath}${gid}/${bid}/`, 3, at(400)]);
    grids.push({ cid, cpath, gid, bid, path: `${cpath}${gid}/${bid}/`, gpath: `${cpath}${gid}/` });
  }
}
const branches = [];
for (let b = 0; b < BRANCHES; b++) {
  const id = newId();
  nodes.push([id, 'branch', `基准支部${b + 1}`, committeeId, `/${committeeId}/${id}/`, 1, at(400)]);
  branches.push({ id, path: `/${committeeId}/${id}/` });
}
await insertMany('org_nodes', ['id', 'kind', 'name', 'parentId', 'path', 'depth', 'createdAt'], nodes);

// People: about 3.3 per household; sensitive tags spread thin so many grid cells hold 1–4 people.
const households = [];
const members = [];
const tags = [];
const TAGS = [['elder_alone', 0.03], ['dibao', 0.01], ['tekun', 0.002], ['disabled', 0.015], ['migrant', 0.08], ['veteran', 0.01]];
for (let person = 0, h = -1; person < RESIDENTS; person++) {
  if (h < 0 || rand() < 0.3) {
    const grid = grids[households.length % GRIDS];
    const registered = Math.floor(rand() * 400);
    households.push([newId(), grid.bid, grid.gid, grid.cid, grid.path, '1', String(households.length), '{}', pick([7, 30, 30, 90, 90, 180]), null, addDays(today, -registered), today, 'bench', at(registered), at(registered)]);
    h = households.length - 1;
  }
  const uid = newId();
  members.push([newId(), households[h][0], uid, uid, 'head', 'registered', 'bench', households[h][13]]);
  for (const [tag, share] of TAGS) if (rand() < share) tags.push([newId(), uid, tag, 'grid_verified', households[h][13], 'bench', households[h][13]]);
}
// One million events: the fixed-size streams first, visits make up the rest.
const hours = [];
const warnings = [];
const meetings = [];
const invitees = [];
const bills = [];
for (const b of branches) {
  const partyMembers = Array.from({ length: 20 }, () => newId());
  for (let m = 0; m < 12; m++) {
    const month = addDays(today, -30 * m).slice(0, 7);
    for (let k = 0; k < 20; k++) bills.push([newId(), partyMembers[k], b.id, b.path, month, 200, 200, rand() < 0.85 ? 'paid' : 'unpaid', at(30 * m)]);
  }
  for (let m = 0; m < 24; m++) {
    const id = newId();
    const day = Math.floor(rand() * 365);
    meetings.push([id, b.id, b.path, b.id, 'branch_assembly', '基准会议', rand() < 0.9 ? 'closed' : 'scheduled', at(day), at(day), '会议室', 0, 10, '', '', '', 'bench', at(day), at(day)]);
    for (let k = 0; k < 20; k++) invitees.push([newId(), id, newId(), pick(['present', 'present', 'present', 'late', 'absent', 'leave']), 'none', at(day), at(day)]);
  }
}
for (let i = 0; i < 150_000 && i < EVENTS / 6; i++) {
  const g = pick(grids);
  const day = Math.floor(rand() * 365);
  hours.push([newId(), newId(), newId(), newId(), g.cpath, at(day), at(day), 120, 4, rand() < 0.8 ? 'approved' : 'pending', 0, at(day), at(day)]);
}
for (let i = 0; i < 50_000 && i < EVENTS / 20; i++) {
  const hh = pick(households);
  const day = Math.floor(rand() * 365);
  const ack = rand() < 0.7;
  warnings.push([newId(), 'bench', pick(['yellow', 'orange', 'red']), ack ? 'acknowledged' : 'raised', newId(), null, hh[0], hh[3], hh[4], '基准预警', newId(), null, at(day), at(day, -24 * 3_600_000), rand() < 0.2 ? 1 : 0, ack ? at(day, -3_600_000) : null, at(day)]);
}
const visitCount = EVENTS - hours.length - warnings.length - meetings.length - invitees.length - bills.length;
const visits = [];
for (let i = 0; i < visitCount; i++) {
  const hh = households[Math.floor(rand() * households.length)];
  const day = Math.floor(rand() * 365) + 1;
  visits.push([newId(), hh[0], 'bench', at(day, Math.floor(rand() * 6) * 3_600_000), 'home', 'normal', '[]', null, '[]', null, at(day)]);
}
await insertMany('households', ['id', 'buildingId', 'gridId', 'communityId', 'path', 'unit', 'room', 'provenance', 'cadenceDays', 'lastVisitAt', 'registeredOn', 'nextDueOn', 'createdBy', 'createdAt', 'updatedAt'], households);
await insertMany('household_members', ['id', 'householdId', 'userId', 'activeUserId', 'relation', 'residenceType', 'createdBy', 'createdAt'], members);
await insertMany('person_tags', ['id', 'userId', 'tag', 'source', 'verifiedAt', 'setBy', 'createdAt'], tags);
await insertMany('care_visits', ['id', 'householdId', 'visitorId', 'visitedAt', 'method', 'situation', 'seenUserIds', 'notes', 'needs', 'correctsVisitId', 'createdAt'], visits);
await insertMany('volunteer_hours', ['id', 'userId', 'shiftId', 'campaignId', 'nodePath', 'checkInAt', 'checkOutAt', 'minutes', 'halfHours', 'status', 'autoCheckout', 'createdAt', 'updatedAt'], hours);
await insertMany('risk_warnings', ['id', 'rule', 'level', 'status', 'subjectId', 'subjectUserId', 'householdId', 'communityId', 'path', 'sentence', 'factKey', 'openKey', 'raisedAt', 'ackDueAt', 'escalation', 'acknowledgedAt', 'createdAt'], warnings);
await insertMany('meetings', ['id', 'nodeId', 'nodePath', 'branchId', 'type', 'title', 'status', 'startsAt', 'endsAt', 'address', 'allowGeofence', 'lateGraceMinutes', 'agenda', 'minutes', 'resolutions', 'createdBy', 'createdAt', 'updatedAt'], meetings);
await insertMany('meeting_invitees', ['id', 'meetingId', 'userId', 'attendance', 'leaveStatus', 'createdAt', 'updatedAt'], invitees);
await insertMany('dues_bills', ['id', 'userId', 'branchId', 'path', 'month', 'amountFen', 'originalFen', 'status', 'createdAt'], bills);
const events = visits.length + hours.length + warnings.length + meetings.length + invitees.length + bills.length;
log(`loaded ${members.length} residents, ${households.length} households, ${events} events in ${Math.round(performance.now() - started)} ms`);
await pool.query('ANALYZE TABLE care_visits, households, household_members, person_tags, volunteer_hours, risk_warnings, meetings, meeting_invitees, dues_bills');

// The first refresh builds every metric from source (400 days).
const rollups = running.app.get(RollupService);
let t0 = performance.now();
await rollups.refresh(now);
const rollupFullMs = Math.round(performance.now() - t0);
log(`full refresh ${rollupFullMs} ms`);

// A day's events (today's share of a year: 1/365), then the incremental refresh that feeds them.
const later = new Date(now.getTime() + 3_600_000);
const dayVisits = Array.from({ length: Math.round(visitCount / 365) }, () => {
  const hh = households[Math.floor(rand() * households.length)];
  return [newId(), hh[0], 'bench', sqlTime(later.getTime() - 60_000), 'home', 'normal', '[]', null, '[]', null, sqlTime(Date.now())];
});
const dayHours = hours.slice(0, Math.round(hours.length / 365)).map((r) => [newId(), newId(), newId(), ...r.slice(3, 5), sqlTime(later.getTime() - 60_000), sqlTime(later.getTime() - 60_000), ...r.slice(7, 11), sqlTime(Date.now()), sqlTime(Date.now())]);
await insertMany('care_visits', ['id', 'householdId', 'visitorId', 'visitedAt', 'method', 'situation', 'seenUserIds', 'notes', 'needs', 'correctsVisitId', 'createdAt'], dayVisits);
await insertMany('volunteer_hours', ['id', 'userId', 'shiftId', 'campaignId', 'nodePath', 'checkInAt', 'checkOutAt', 'minutes', 'halfHours', 'status', 'autoCheckout', 'createdAt', 'updatedAt'], dayHours);
t0 = performance.now();
await rollups.refresh(later);
const rollupIncrementalMs = Math.round(performance.now() - t0);
log(`incremental refresh of ${dayVisits.length + dayHours.length} events ${rollupIncrementalMs} ms`);

// Over HTTP as street staff: the street's overview, and drill-downs into communities and grids.
const adminId = newId();
await pool.query("INSERT INTO users (id, name, elderMode, disabled, createdAt, updatedAt) VALUES (?, '基准管理员', 0, 0, NOW(6), NOW(6))", [adminId]);
await pool.query("INSERT INTO role_assignments (id, userId, role, nodeId, createdAt) VALUES (?, ?, 'admin', ?, NOW(6)), (?, ?, 'admin', ?, NOW(6))", [newId(), adminId, streetId, newId(), adminId, committeeId]);
const auth = `Bearer ${running.app.get(TokenService).signAccess(adminId)}`;
const from = addDays(today, -29);
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
async function timeHttp(paths, count) {
  const times = [];
  for (let i = 0; i < count + 20; i++) {
    const t = performance.now();
    const res = await fetch(`${running.url}${paths[i % paths.length]}`, { headers: { Authorization: auth } });
    await res.json();
    if (!res.ok) throw new Error(`${paths[i % paths.length]} → ${res.status}`);
    if (i >= 20) times.push(performance.now() - t);
  }
  return Math.round(p95(times) * 10) / 10;
}
const q = (nodeId, grain = 'day') => `/api/org/analytics/dashboard?nodeId=${nodeId}&from=${from}&to=${today}&grain=${grain}`;
const overviewP95Ms = await timeHttp([q(streetId), q(committeeId), q(streetId, 'week')], 200);
const drilldownP95Ms = await timeHttp([...communities.map((c) => q(c.id)), ...grids.slice(0, 40).map((g) => q(g.gid)), ...branches.slice(0, 10).map((b) => q(b.id))], 200);
log(`overview p95 ${overviewP95Ms} ms, drill-down p95 ${drilldownP95Ms} ms`);

// Every node's sensitive cells (cards, series, children) over a month and a year: none under 5 shown.
let smallCellsShown = 0;
const allNodes = [streetId, ...communities.map((c) => c.id), ...grids.map((g) => g.gid), ...grids.map((g) => g.bid)];
for (const [f, grain] of [[from, 'day'], [addDays(today, -364), 'month']]) {
  for (const id of allNodes) {
    const body = await (await fetch(`${running.url}/api/org/analytics/dashboard?nodeId=${id}&from=${f}&to=${today}&grain=${grain}`, { headers: { Authorization: auth } })).json();
    for (const m of body.metrics.filter((x) => x.sensitive)) {
      const cells = [m.value, m.previous, ...m.series.map((s) => s.value), ...m.children.map((c) => c.value), ...m.top.map((c) => c.value), ...m.bottom.map((c) => c.value)];
      smallCellsShown += cells.filter((v) => typeof v === 'number' && v > 0 && v < 5).length;
    }
  }
}
t0 = performance.now();
const rollupMismatches = (await rollups.check(addDays(today, -400), today, later)).length;
log(`check ${Math.round(performance.now() - t0)} ms`);

console.log(JSON.stringify({ residents: members.length, events, overviewP95Ms, drilldownP95Ms, rollupFullMs, rollupIncrementalMs, rollupMismatches, smallCellsShown }));
await pool.end();
await running.close();
