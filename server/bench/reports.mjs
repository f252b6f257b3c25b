// Resident reports at city scale on MariaDB (issue #18): 10,000 reports over 30 simulated days across 50
// grids, the clock advanced through the clock module (no sleeping), 10% of submissions meant as
// duplicates of an open case (the neighbour is offered it and follows instead), a fifth of the handlers
// idle so their cases run out of time and escalate. The expected escalations come from an independent
// model of the rule (accept / resolve deadline passed → community; one working day later → street)
// replayed on each case's own deadlines and the handler's actions.
// Usage: DATABASE_URL=mysql://root@127.0.0.1:3306/<fresh db> npm run bench -- reports [reports]
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { benchDatabase, bulkLoader, sqlTime } from './lib/mariadb.mjs';
import sharp from 'sharp';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const { startApp } = await import(join(dist, 'bootstrap.js'));
const { loadConfig } = await import(join(dist, 'config/config.js'));
const { newId } = await import(join(dist, 'common/ids.js'));
const { clock } = await import(join(dist, 'common/clock.js'));
const { AppError } = await import(join(dist, 'common/app-error.js'));
const { ReportsService } = await import(join(dist, 'cases/reports.service.js'));
const { CaseHandlingService } = await import(join(dist, 'cases/case-handling.service.js'));
const { CasePhotosService } = await import(join(dist, 'cases/case-photos.service.js'));
const { CaseClock } = await import(join(dist, 'cases/case-clock.js'));
const { addWorkingDays } = await import(join(dist, 'cases/working-days.js'));
const { startFakeWechatServer } = await import(join(dist, 'fakes/wechat-api/fake-wechat-server.js'));

const REPORTS = Number(process.argv[2] ?? 10_000);
const DAYS = 30;
const GRIDS = 50;
const PER_BUILDING = 20;
const TICK_H = 2;
const CATEGORIES = ['sanitation', 'facilities', 'safety', 'noise', 'neighbour', 'property', 'parking', 'policy', 'suggestion', 'other'];
const H = 3_600_000;
const log = (...a) => console.error('[reports]', ...a);
const url = await benchDatabase({ fresh: true });

const wechat = await startFakeWechatServer({ appid: 'wxbench000000000', secret: 'bench-secret' });
const uploads = join(process.env.TMPDIR ?? '/tmp', `reports-bench-${process.pid}`);
const running = await startApp(loadConfig({ ...process.env, DATABASE_URL: url, DEMO_MODE: 'false', SEED_DEMO: 'false', OUTBOX_WORKER: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', H5_DIR: '/nonexistent', UPLOAD_DIR: uploads, WECHAT_APPID: 'wxbench000000000', WECHAT_SECRET: 'bench-secret', WECHAT_API_BASE: wechat.url }));
const pool = mysql.createPool({ uri: url, connectionLimit: 3, timezone: 'Z' });
const insertMany = bulkLoader(pool, { commitEvery: 1 });

// The place: one street, 5 communities of 10 grids, two buildings each; a worker per grid, a property
// contact answering 物业问题 in every grid (the routing table), an organiser per community, a street admin.
const start = Date.parse('2026-09-01T00:00:00Z'); // 08:00 Beijing, Tuesday: 国庆 falls inside the 30 days
const t0 = sqlTime(start);
const nodes = [];
const users = [];
const roles = [];
const streetId = newId();
nodes.push([streetId, 'street', '基准街道', null, `/${streetId}/`, 0, null, t0]);
const streetAdmin = newId();
users.push([streetAdmin, '街道管理员', 1975, null, 0, 0, t0, t0]);
roles.push([newId(), streetAdmin, 'admin', streetId, t0]);
const grids = [];
const buildings = [];
for (let c = 0; c < 5; c++) {
  const cid = newId();
  const cpath = `/${streetId}/${cid}/`;
  nodes.push([cid, 'community', `基准社区${c + 1}`, streetId, cpath, 1, null, t0]);
  const organiser = newId();
  users.push([organiser, `社区干部${c + 1}`, 1980, null, 0, 0, t0, t0]);
  roles.push([newId(), organiser, 'organiser', cid, t0]);
  for (let g = 0; g < GRIDS / 5; g++) {
    const gid = newId();
    const worker = newId();
    const property = newId();
    const idle = grids.length % 5 === 4; // every fifth grid's people do nothing
    users.push([worker, `网格员${grids.length}`, 1990, null, 0, 0, t0, t0], [property, `物业${grids.length}`, 1985, null, 0, 0, t0, t0]);
    nodes.push([gid, 'grid', `网格${c + 1}-${g + 1}`, cid, `${cpath}${gid}/`, 2, worker, t0]);
    roles.push([newId(), worker, 'grid_worker', gid, t0], [newId(), property, 'grid_worker', gid, t0]);
    const grid = { gid, cid, worker, property, idle, path: `${cpath}${gid}/` };
    grids.push(grid);
    for (let b = 0; b < 2; b++) {
      const bid = newId();
      nodes.push([bid, 'building', `${b + 1}号楼`, gid, `${grid.path}${bid}/`, 3, null, t0]);
      const residents = [];
      for (let r = 0; r < PER_BUILDING; r++) {
        const uid = newId();
        users.push([uid, `居民${users.length}`, 1950 + (r % 50), bid, 0, 0, t0, t0]);
        residents.push(uid);
      }
      buildings.push({ bid, grid, residents });
    }
  }
}
await insertMany('org_nodes', ['id', 'kind', 'name', 'parentId', 'path', 'depth', 'contactUserId', 'createdAt'], nodes);
await insertMany('users', ['id', 'name', 'birthYear', 'residenceNodeId', 'elderMode', 'disabled', 'createdAt', 'updatedAt'], users);
await insertMany('role_assignments', ['id', 'userId', 'role', 'nodeId', 'createdAt'], roles);
await insertMany('case_routes', ['id', 'gridId', 'category', 'handlerUserId', 'updatedBy', 'updatedAt'], grids.map((g) => [newId(), g.gid, 'property', g.property, g.worker, t0]));
log(`loaded ${GRIDS} grids, ${buildings.length} buildings, ${users.length} people`);

const reports = running.app.get(ReportsService);
const handling = running.app.get(CaseHandlingService);
const photos = running.app.get(CasePhotosService);
const caseClock = running.app.get(CaseClock);
const actorOf = (userId) => ({ userId, grants: roles.filter((r) => r[1] === userId).map((r) => ({ role: r[2], nodeId: r[3], path: nodes.find((n) => n[0] === r[3])[4] })) });
const handlerActors = new Map();
const buildingsById = new Map(buildings.map((b) => [b.bid, b]));
const handlerActor = (id) => handlerActors.get(id) ?? handlerActors.set(id, actorOf(id)).get(id);

let errors5xx = 0;
const guard = async (work) => {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) {
      errors5xx++;
      log('5xx:', e?.message ?? e);
    }
    return null;
  }
};

let seed = 20261207;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(rand() * list.length)];
const cases = new Map(); // id → { view, grid, acts: [{at, what}] }
const open = new Map(); // `${bid}:${category}` → case id (open, for the neighbours' duplicates)
const submitMs = [];
let misrouted = 0;
let duplicateIntents = 0;
let duplicateCasesCreated = 0;
const ticks = [];
const perTick = REPORTS / ((DAYS * 24) / TICK_H);
let filedSoFar = 0;
const begun = performance.now();

for (let tick = 0; tick < (DAYS * 24) / TICK_H; tick++) {
  const now = new Date(start + tick * TICK_H * H);
  clock.pin(now);
  ticks.push(now.getTime());
  const due = Math.round((tick + 1) * perTick) - filedSoFar;
  for (let i = 0; i < due; i++, filedSoFar++) {
    const recent = open.size && rand() < 0.1 ? [...open.entries()].filter(([, id]) => cases.get(id).filedAt > now.getTime() - 14 * 24 * H) : [];
    if (recent.length) {
      // A duplicate of an open case of the last 14 days: a neighbour in the same building is offered the
      // similar open reports before filing, and follows the first one offered.
      duplicateIntents++;
      const [key] = pick(recent);
      const [bid, category] = key.split(':');
      const actor = { userId: pick(buildingsById.get(bid).residents), grants: [] };
      const similar = await guard(() => reports.similar(actor, { category, buildingId: bid }));
      if (similar?.length) await guard(() => reports.follow(actor, similar[0].id));
      else {
        const view = await guard(() => reports.file(actor, { category, text: `重复反映：${category}`, buildingId: bid, anonymous: false, photoIds: [] }));
        if (view) duplicateCasesCreated++;
      }
      continue;
    }
    const b = pick(buildings);
    const category = pick(CATEGORIES);
    const actor = { userId: pick(b.residents), grants: [] };
    const began = performance.now();
    const view = await guard(() => reports.file(actor, { category, text: `第${filedSoFar}件：楼里的${category}问题需要处理`, buildingId: b.bid, anonymous: false, photoIds: [] }));
    submitMs.push(performance.now() - began);
    if (!view) continue;
    const expectedHandler = category === 'property' ? b.grid.property : b.grid.worker;
    const [row] = (await pool.query('SELECT handlerId, acceptDueAt FROM cases WHERE id = ?', [view.id]))[0];
    if (row.handlerId !== expectedHandler) misrouted++;
    cases.set(view.id, { id: view.id, filedAt: now.getTime(), acceptDueAt: Date.parse(view.acceptDueAt), grid: b.grid, category, acceptedAt: null, resolvedAt: null, resolveDueAt: null });
    open.set(`${b.bid}:${category}`, view.id);
  }
  // The deadline clock, then — at 10:00 and 16:00 Beijing — the working handlers' round.
  await guard(() => caseClock.run(now));
  const hourBj = (now.getUTCHours() + 8) % 24;
  if (hourBj === 10 || hourBj === 16) {
    for (const c of cases.values()) {
      if (c.grid.idle || c.resolvedAt) continue;
      const handler = handlerActor(c.category === 'property' ? c.grid.property : c.grid.worker);
      if (!c.acceptedAt) {
        const v = await guard(() => handling.accept(handler, c.id));
        if (v) Object.assign(c, { acceptedAt: now.getTime(), resolveDueAt: Date.parse(v.resolveDueAt) });
      } else if (now.getTime() - c.acceptedAt >= 20 * H) {
        if (await guard(() => handling.resolve(handler, c.id, '已处理完毕'))) {
          c.resolvedAt = now.getTime();
          for (const [k, id] of open) if (id === c.id) open.delete(k);
        }
      }
    }
  }
  if (tick % 36 === 0) log(`day ${tick / 12}: ${filedSoFar} filed, ${cases.size} cases, ${Math.round((performance.now() - begun) / 1000)} s`);
}

// The rule, replayed: at each tick (after the filing, before the handlers' round) an open case whose
// escalation time has come steps up; acceptance restarts the clock on the resolve deadline.
let escalationsExpected = 0;
for (const c of cases.values()) {
  let level = 0;
  let at = c.acceptDueAt;
  let onResolveClock = false;
  for (const tick of ticks) {
    if (tick < c.filedAt) continue;
    if (c.resolvedAt !== null && tick > c.resolvedAt) break;
    if (c.acceptedAt !== null && tick > c.acceptedAt && !onResolveClock) {
      onResolveClock = true;
      at = level < 2 ? c.resolveDueAt : null;
    }
    if (at !== null && level < 2 && tick >= at) {
      level++;
      escalationsExpected++;
      at = level < 2 ? addWorkingDays(new Date(tick), 1).getTime() : null;
    }
  }
}
const [[{ n: escalationsDone }]] = await pool.query("SELECT COUNT(*) AS n FROM case_events WHERE type = 'escalated'");
const [[{ n: dupEvents }]] = await pool.query("SELECT COUNT(*) AS n FROM (SELECT caseId, type, text, COUNT(*) AS k FROM case_events WHERE type IN ('escalated', 'due_soon') GROUP BY caseId, type, text, at HAVING k > 1) d");
const [[{ n: dupRows }]] = await pool.query('SELECT COUNT(*) AS n FROM (SELECT userId, dedupeKey, COUNT(*) AS k FROM outbox_messages GROUP BY userId, dedupeKey HAVING k > 1) d');
// Each follower hears each step once: the rows of one event to one person.
const [[{ n: dupPerEvent }]] = await pool.query("SELECT COUNT(*) AS n FROM (SELECT userId, SUBSTRING_INDEX(dedupeKey, ':', 2) AS e, COUNT(*) AS k FROM outbox_messages WHERE dedupeKey LIKE 'case:%' GROUP BY userId, e HAVING k > 1) d");

// Photos: phone photos with GPS in their EXIF, uploaded as reporters do; what is stored must have none.
const gpsPhoto = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#888' } })
  .jpeg()
  .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' } })
  .toBuffer();
for (let i = 0; i < 50; i++) await guard(() => photos.upload({ userId: buildings[i].residents[0], grants: [] }, `data:image/jpeg;base64,${gpsPhoto.toString('base64')}`));
let photosWithGps = 0;
let photosStored = 0;
const dir = join(uploads, 'case-photos');
for (const f of await readdir(dir).catch(() => [])) {
  photosStored++;
  const meta = await sharp(await readFile(join(dir, f))).metadata();
  if (meta.exif && (meta.exif.includes(Buffer.from([0x88, 0x25])) || meta.exif.includes(Buffer.from([0x25, 0x88])))) photosWithGps++;
}
clock.reset();

submitMs.sort((a, b) => a - b);
const p99 = submitMs[Math.min(submitMs.length - 1, Math.floor(submitMs.length * 0.99))];
log(`${cases.size} cases, ${duplicateIntents} duplicate intents, ${photosStored} photo files, ${Math.round((performance.now() - begun) / 1000)} s`);
console.log(
  JSON.stringify({
    reports: filedSoFar,
    misrouted,
    escalationsExpected,
    escalationsDone: Number(escalationsDone),
    escalationsMissed: Math.max(0, escalationsExpected - Number(escalationsDone)),
    duplicateCasesCreated,
    notificationsDuplicated: Number(dupRows) + Number(dupEvents) + Number(dupPerEvent),
    submitP99Ms: Math.round(p99 * 10) / 10,
    errors5xx,
    photosWithGps,
  }),
);
await pool.end();
await running.close();
await wechat.close?.();
