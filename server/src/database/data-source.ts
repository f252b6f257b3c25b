import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { renderEmptyListsAsNoRows } from './empty-lists.js';
import { MARIADB_MIGRATIONS } from './migrations/mariadb/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

export type DatabaseTarget = AppConfig['database'];

/**
 * Options for either database; the schema is identical, the migrations are one set per dialect.
 * The entities come from the caller (the domains' list in src/domains.ts): this folder knows no domain.
 */
export function dataSourceOptions(target: DatabaseTarget, entities: Function[]): DataSourceOptions {
  if (target.type === 'better-sqlite3') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: target.path,
      entities,
      migrations: SQLITE_MIGRATIONS,
      migrationsRun: false,
      synchronize: false,
      // WAL keeps readers off the writer's back; foreign keys on like MariaDB.
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  return {
    type: 'mariadb',
    url: target.url,
    entities,
    migrations: MARIADB_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // trace off: mysql2 otherwise captures a stack trace on every query (a measurable share of the
    // server's CPU in the sign-up burst); TypeORM's QueryFailedError already says which query failed.
    extra: { connectionLimit: 20, trace: false },
  };
}

export function createDataSource(target: DatabaseTarget, entities: Function[]): DataSource {
  return renderEmptyListsAsNoRows(new DataSource(dataSourceOptions(target, entities)));
}

export function isSqlite(ds: DataSource): boolean {
  return ds.options.type === 'better-sqlite3';
}
