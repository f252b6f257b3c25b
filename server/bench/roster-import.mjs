// Roster import at street scale on MariaDB: three source files totalling 50,000 rows over one street's
// community, where 10% of persons appear in two or three sources with variations (full-width digits,
// spaces in names, phone formats, lowercase x), 2% of persons disagree on phone or address between
// sources, 1% are near twins (same name and birth date, different ID numbers), and a few rows of a later
// source carry no ID number. Imports the three in order (upload → preview → commit), then the first again.
// Usage: DATABASE_URL=mysql://root@127.0.0.1:3306/<fresh db> npm run bench -- roster-import [rows]
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import mysql from 'mysql2/promise';
import { idCheckChar } from '@honglin/shared';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const { startApp } = await import(join(dist, 'bootstrap.js'));
const { loadConfig } = await import(join(dist, 'config/config.js'));
const { newId } = await import(join(dist, 'common/ids.js'));
const { RosterImportService } = await import(join(dist, 'roster/roster-import.service.js'));
const { RosterSources } = await import(join(dist, 'roster/roster-sources.service.js'));

const ROWS = Number(process.argv[2] ?? 50_000);
const log = (...a) => console.error('[roster-import]', ...a);
const url = process.env.DATABASE_URL;
if (!url || !/^(mysql|mariadb):\/\//.test(url)) {
  console.error('DATABASE_URL=mysql://user@host:port/db is required (a fresh database)');
  process.exit(2);
}
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const dbName = new URL(url).pathname.slice(1);
const admin = await mysql.createConnection(url.slice(0, url.lastIndexOf('/')));
await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
await admin.end();
const running = await startApp(loadConfig({ ...process.env, DATABASE_URL: url, DEMO_MODE: 'false', SEED_DEMO: 'false', OUTBOX_WORKER: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', H5_DIR: '/nonexistent', UPLOAD_DIR: await mkdtemp(join(tmpdir(), 'roster-bench-')) }));
const pool = mysql.createPool({ uri: url, connectionLimit: 2, timezone: 'Z' });
const q = async (sql, args) => (await pool.query(sql, args))[0];
const count = async (table) => Number((await q(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

// One street, one community, 20 grids of 10 buildings (1号楼 … 200号楼).
const now = new Date().toISOString().slice(0, 23).replace('T', ' ');
const streetId = newId();
const communityId = newId();
const cpath = `/${streetId}/${communityId}/`;
const nodes = [[streetId, 'street', '基准街道', null, `/${streetId}/`, 0, now], [communityId, 'community', '基准社区', streetId, cpath, 1, now]];
for (let g = 0; g < 20; g++) {
  const gid = newId();
  nodes.push([gid, 'grid', `网格${g + 1}`, communityId, `${cpath}${gid}/`, 2, now]);
  for (let b = 0; b < 10; b++) {
    const bid = newId();
    nodes.push([bid, 'building', `${g * 10 + b + 1}号楼`, gid, `${cpath}${gid}/${bid}/`, 3, now]);
  }
}
await q('INSERT INTO org_nodes (id, kind, name, parentId, path, depth, createdAt) VALUES ?', [nodes]);
const actor = { userId: newId(), grants: [{ role: 'organiser', nodeId: communityId, path: cpath }] };

// Persons: N so that N + extra appearances = ROWS. 10% appear again (half twice more, half once more).
const N = Math.round(ROWS / 1.15);
const SUR = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIV = '伟芳娜敏静磊军洋勇艳杰娟涛明超兰霞平刚英华玉强珍燕德文博涵萱秀桂淑海志建国红丽梅林';
let seed = 17;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const used = new Set();
const name = (i) => SUR[i % SUR.length] + GIV[Math.floor(i / SUR.length) % GIV.length] + GIV[Math.floor(i / SUR.length / GIV.length) % GIV.length];
const idFor = (birth, s) => {
  const body = `110105${birth.replace(/-/g, '')}${String(s).padStart(3, '0')}`;
  return body + idCheckChar(body);
};
const persons = [];
const makePerson = (i) => {
  const y = 1930 + Math.floor(rand() * 80);
  const birth = `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  let s = Math.floor(rand() * 999);
  while (used.has(`${birth}${s}`)) s = (s + 1) % 999;
  used.add(`${birth}${s}`);
  const b = Math.floor(rand() * 200) + 1;
  return { name: name(i), birth, id: idFor(birth, s), phone: `13${String(100000000 + i).slice(-9)}`, building: `${b}号楼`, unit: String(1 + Math.floor(rand() * 3)), room: String(100 * (1 + Math.floor(rand() * 12)) + 1 + Math.floor(rand() * 4)) };
};
for (let i = 0; i < N; i++) persons.push(makePerson(i));
// Near twins: 1% of persons get a twin with the same name and birth date and another ID number.
const TWINS = Math.round(N * 0.01);
for (let t = 0; t < TWINS; t++) {
  const p = persons[N - 1 - t];
  const q0 = persons[t * 7 + 3];
  let s = 0;
  while (used.has(`${q0.birth}${s}`)) s++;
  used.add(`${q0.birth}${s}`);
  Object.assign(p, { name: q0.name, birth: q0.birth, id: idFor(q0.birth, s) });
}
const twinsPlanted = TWINS;
// Sources: persons split over three; 10% (not twins) appear in one or two more, with variations.
const files = [[], [], []];
let duplicatesPlanted = 0;
let conflictsPlanted = 0;
let noIdRows = 0;
const fullWidth = (s) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const row = (p, v = {}) => [v.name ?? p.name, v.id ?? p.id, p.birth, v.phone ?? p.phone, p.building, p.unit, v.room ?? p.room];
const dupEvery = 10;
const conflictEvery = Math.round(1 / 0.02);
for (let i = 0; i < N; i++) {
  const p = persons[i];
  const home = i % 3;
  files[home].push(row(p));
  const twin = i < TWINS * 7 + 3 + 1 && (i - 3) % 7 === 0 && (i - 3) / 7 < TWINS;
  if (i % dupEvery !== 5 || twin || i >= N - TWINS) continue;
  const others = [(home + 1) % 3, (home + 2) % 3].slice(0, i % 20 === 5 ? 2 : 1);
  for (const [k, f] of others.entries()) {
    const variant = (i + k) % 4;
    const v = {
      name: variant === 0 ? `${p.name[0]} ${p.name.slice(1)}` : undefined,
      id: variant === 1 ? fullWidth(p.id) : variant === 2 ? p.id.toLowerCase() : undefined,
      phone: variant === 3 ? `${p.phone.slice(0, 3)}-${p.phone.slice(3, 7)}-${p.phone.slice(7)}` : variant === 1 ? `+86 ${p.phone}` : undefined,
    };
    // 2% of persons: the second source disagrees on the phone (odd) or the room (even).
    if (k === 0 && i % conflictEvery === 5) {
      conflictsPlanted++;
      if (i % 2) v.phone = `15${p.phone.slice(2)}`;
      else v.room = String(Number(p.room) + 1000);
    }
    // Some rows of the police list carry no ID number: they go to the same-person queue, never merged.
    if (f === 2 && k === 1 && i % 40 === 25) {
      noIdRows++;
      files[f].push([p.name, '', p.birth, p.phone, p.building, p.unit, p.room]);
      continue;
    }
    duplicatesPlanted++;
    files[f].push(row(p, v));
  }
}
// Top up with persons listed once, so the three files hold exactly ROWS rows.
for (let i = N; files.reduce((s, f) => s + f.length, 0) < ROWS; i++) {
  const p = makePerson(i);
  persons.push(p);
  files[i % 3].push(row(p));
}
const total = files.reduce((s, f) => s + f.length, 0);
log(`${N} persons, ${total} rows: ${files.map((f) => f.length).join(' / ')}; writing files`);
const dir = await mkdtemp(join(tmpdir(), 'roster-files-'));
const paths = [];
for (const [k, rows] of files.entries()) {
  const path = join(dir, `source${k}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '身份证号', '出生日期', '联系电话', '楼栋', '单元', '门牌号']).commit();
  for (const r of rows) ws.addRow(r).commit();
  await ws.commit();
  await wb.commit();
  paths.push(path);
}
files.length = 0;
log(`files written, peak rss so far ${Math.round(peakRss / 1048576)} MB`);

const sources = running.app.get(RosterSources);
const imports = running.app.get(RosterImportService);
const ids = [];
for (const n of ['民政低保名单', '老龄办高龄名单', '派出所流动人口登记']) ids.push((await sources.create(actor, { name: n, mapping: {}, impliedTags: [] })).id);
const runImport = async (k) => {
  const t = [performance.now()];
  const up = await imports.upload(actor, { sourceId: ids[k], fileName: `source${k}.xlsx` }, createReadStream(paths[k]));
  t.push(performance.now());
  const pv = await imports.preview(actor, up.id, {});
  t.push(performance.now());
  const done = await imports.commit(actor, up.id, true);
  t.push(performance.now());
  log(`rss ${Math.round(peakRss / 1048576)} MB; source ${k}: upload ${Math.round(t[1] - t[0])} ms, preview ${Math.round(t[2] - t[1])} ms, commit ${Math.round(t[3] - t[2])} ms`);
  if (done.status !== 'committed') throw new Error(`import ${k}: ${done.status} ${done.error}`);
  log(`source ${k}: ${JSON.stringify(done.counts)}`);
  return { pv, done };
};
const t0 = performance.now();
const results = [];
for (let k = 0; k < 3; k++) results.push(await runImport(k));
const seconds = (performance.now() - t0) / 1000;

const before = { users: await count('users'), tasks: await count('verification_tasks'), pairs: await count('roster_pairs'), tags: await count('person_tags'), members: await count('household_members'), links: await count('roster_links') };
const again = await runImport(0);
const after = { users: await count('users'), tasks: await count('verification_tasks'), pairs: await count('roster_pairs'), tags: await count('person_tags'), members: await count('household_members'), links: await count('roster_links') };
const c = again.done.counts;
const reimportChanges = c.create + c.merge + c.queue + Object.keys(before).reduce((s, k) => s + Math.abs(after[k] - before[k]), 0);

// Wrong merges: two different ID numbers on one person (a person is users + person_profiles; the
// staging rows say which person each row became).
const rows = await q("SELECT r.idHash, r.userId FROM roster_rows r INNER JOIN roster_imports i ON i.id = r.importId WHERE i.status = 'committed' AND r.userId IS NOT NULL AND r.idHash IS NOT NULL");
const byUser = new Map();
const byId = new Map();
for (const r of rows) {
  byUser.set(r.userId, (byUser.get(r.userId) ?? new Set()).add(r.idHash));
  byId.set(r.idHash, (byId.get(r.idHash) ?? new Set()).add(r.userId));
}
const wrongMerges = [...byUser.values()].filter((s) => s.size > 1).length;
const missedMerges = [...byId.values()].filter((s) => s.size > 1).length;
const autoMerged = results.slice(1).reduce((s, r) => s + r.done.counts.merge, 0);
const out = {
  rows: total,
  persons: await count('person_profiles'),
  duplicatesPlanted,
  autoMerged,
  queuedForReview: results.reduce((s, r) => s + r.done.counts.queue, 0),
  noIdRowsPlanted: noIdRows,
  twinsPlanted,
  wrongMerges,
  missedMerges,
  conflictsPlanted,
  conflictsFlagged: before.tasks,
  reimportChanges,
  rowsPerSec: Math.round(total / seconds),
  peakRssMb: Math.round(peakRss / 1048576),
};
clearInterval(sampler);
console.log(JSON.stringify(out));
await rm(dir, { recursive: true, force: true });
await pool.end();
await running.close?.();
process.exit(0);
