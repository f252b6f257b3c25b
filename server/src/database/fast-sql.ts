import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { isSqlite } from './data-source.js';

/**
 * Plain statements for the hottest paths (every sign-up of a burst). Under load TypeORM's query
 * builder spends more CPU building and hydrating a statement than the database spends running it
 * (docs/benchmarks.md, signup-burst). Values still pass through the driver's own conversions, so
 * dates, JSON and booleans are written and read exactly as the builder would do it. Only
 * repositories call these, like every other query.
 */

const sqlCache = new Map<string, string>();


interface TableInfo {
  table: string;
  byProperty: Map<string, ColumnMetadata>;
  all: ColumnMetadata[];
  create: () => ObjectLiteral;
}
const tables = new WeakMap<object, TableInfo>();

function columnsOf(em: EntityManager, target: EntityTarget<ObjectLiteral>): TableInfo {
  const meta = em.connection.getMetadata(target);
  let info = tables.get(meta);
  if (!info) {
    info = { table: meta.tableName, byProperty: new Map(meta.columns.map((c) => [c.propertyName, c])), all: meta.columns, create: () => meta.create() };
    tables.set(meta, info);
  }
  return info;
}

/** A value ready to bind for `property` of `target`, as the builder would store it (dates on SQLite are text). */
export function bindable(em: EntityManager, target: EntityTarget<ObjectLiteral>, property: string, value: unknown): unknown {
  const column = columnsOf(em, target).byProperty.get(property);
  if (!column) throw new Error(`no column ${property}`);
  return em.connection.driver.preparePersistentValue(value, column);
}

/**
 * INSERT of one or more rows; the columns are those present on the first row (the others take their
 * defaults). `ignore`: a row hitting a unique key is skipped silently (INSERT IGNORE / OR IGNORE).
 */
export async function insertRows<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, rows: Partial<T>[], options: { ignore?: boolean } = {}): Promise<void> {
  if (!rows.length) return;
  const { table, byProperty } = columnsOf(em, target);
  const props = Object.keys(rows[0]).filter((p) => rows[0][p] !== undefined);
  const columns = props.map((p) => {
    const c = byProperty.get(p);
    if (!c) throw new Error(`no column ${p} on ${table}`);
    return c;
  });
  const sqlite = isSqlite(em.connection);
  const key = `${table}|${props.join(',')}|${rows.length}|${options.ignore ? 1 : 0}|${sqlite ? 's' : 'm'}`;
  let sql = sqlCache.get(key);
  if (!sql) {
    const verb = options.ignore ? (sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE') : 'INSERT';
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    sql = `${verb} INTO \`${table}\` (${columns.map((c) => `\`${c.databaseName}\``).join(', ')}) VALUES ${Array(rows.length).fill(tuple).join(', ')}`;
    sqlCache.set(key, sql);
  }
  const driver = em.connection.driver;
  const params: unknown[] = [];
  for (const row of rows) for (let i = 0; i < props.length; i++) params.push(driver.preparePersistentValue(row[props[i]] ?? null, columns[i]) ?? null);
  await em.query(sql, params);
}

/**
 * INSERT of one row only while a row of another table matches `where` (`INSERT … SELECT … FROM
 * guard WHERE …`); true if it was inserted. On MariaDB the guard row is read with a shared lock and
 * its latest committed version, so a concurrent change to it either waits for this insert's commit or
 * is seen by it. Keep the guard a primary-key lookup: every row the SELECT part reads is share-locked
 * (counting the queue in a RETURNING subquery locked the index range and stalled a burst of inserts).
 * Needs the caller's transaction.
 */
export async function insertRowIf<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, row: Partial<T>, guard: { table: string; where: string; params: unknown[] }): Promise<boolean> {
  const { table, byProperty } = columnsOf(em, target);
  const props = Object.keys(row).filter((p) => row[p] !== undefined);
  const columns = props.map((p) => byProperty.get(p)!);
  const key = `if|${table}|${props.join(',')}|${guard.table}|${guard.where}`;
  let sql = sqlCache.get(key);
  if (!sql) {
    sql = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c.databaseName}\``).join(', ')}) SELECT ${columns.map(() => '?').join(', ')} FROM \`${guard.table}\` WHERE ${guard.where}`;
    sqlCache.set(key, sql);
  }
  const driver = em.connection.driver;
  const params = props.map((p, i) => driver.preparePersistentValue(row[p] ?? null, columns[i]) ?? null);
  if (!em.queryRunner) throw new Error('insertRowIf needs a transaction');
  const result = await em.queryRunner.query(sql, [...params, ...guard.params], true);
  return result.affected === 1;
}

/** The first entity matching `where` (plain SQL over column names, `?` parameters), hydrated like find(). */
export async function selectOne<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, where: string, params: unknown[], options: { share?: boolean } = {}): Promise<T | null> {
  const { table, all, create } = columnsOf(em, target);
  // share: MariaDB reads the latest committed row and share-locks it (SQLite transactions are serialised anyway).
  const lock = options.share && !isSqlite(em.connection) ? ' LOCK IN SHARE MODE' : '';
  const key = `one|${table}|${where}|${lock}`;
  let sql = sqlCache.get(key);
  if (!sql) {
    sql = `SELECT ${all.map((c) => `\`${c.databaseName}\``).join(', ')} FROM \`${table}\` WHERE ${where} LIMIT 1${lock}`;
    sqlCache.set(key, sql);
  }
  const rows: Record<string, unknown>[] = await em.query(sql, params);
  if (!rows.length) return null;
  const driver = em.connection.driver;
  const entity = create() as Record<string, unknown>;
  for (const c of all) entity[c.propertyName] = driver.prepareHydratedValue(rows[0][c.databaseName], c);
  return entity as T;
}
