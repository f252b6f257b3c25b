// What the in-process MariaDB benchmarks share: the database named by DATABASE_URL (created when
// missing, or afresh), bulk loading with multi-row INSERTs, and datetimes as MariaDB takes them.
import mysql from 'mysql2/promise';

/** DATABASE_URL, checked, with its database created (dropped first when `fresh`). Exits 2 without one. */
export async function benchDatabase({ fresh = false } = {}) {
  const url = process.env.DATABASE_URL;
  if (!url || !/^(mysql|mariadb):\/\//.test(url)) {
    console.error('DATABASE_URL=mysql://user@host:port/db is required (a fresh database)');
    process.exit(2);
  }
  const dbName = new URL(url).pathname.slice(1);
  const admin = await mysql.createConnection(url.slice(0, url.lastIndexOf('/')));
  if (fresh) await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return url;
}

/** A UTC instant as a MariaDB DATETIME(3) literal. */
export const sqlTime = (ms) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

/**
 * insertMany(table, columns, rows): multi-row INSERTs of `batch` rows on one connection of `pool`,
 * committed every `commitEvery` batches (all in one transaction by default).
 */
export function bulkLoader(pool, { batch = 2000, commitEvery = Infinity } = {}) {
  return async function insertMany(table, columns, rows) {
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      for (let i = 0, n = 1; i < rows.length; i += batch, n++) {
        await conn.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [rows.slice(i, i + batch)]);
        if (n % commitEvery === 0) {
          await conn.commit();
          await conn.beginTransaction();
        }
      }
      await conn.commit();
    } finally {
      conn.release();
    }
  };
}
