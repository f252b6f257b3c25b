import type { DataSource } from 'typeorm';

/**
 * A subquery that yields no row: `x IN (…)` is false and `x NOT IN (…)` true, on SQLite and MariaDB alike.
 * (MariaDB rejects `IN ()` as a syntax error; SQLite accepts it. Both accept this.)
 */
const NO_ROWS = 'SELECT NULL FROM (SELECT 1) no_rows WHERE 1=0';

/**
 * `IN (:...ids)` with an empty list renders `IN ()`: fine on SQLite, a 500 on MariaDB. Instead of a
 * guard before every such query (114 of them, and the next one forgotten), the data source renders an
 * empty spread list as a subquery with no row, so an empty list means "none" everywhere.
 */
export function renderEmptyListsAsNoRows(ds: DataSource): DataSource {
  const driver = ds.driver as unknown as { escapeQueryWithParameters(sql: string, params: Record<string, unknown>, native: Record<string, unknown>): [string, unknown[]] };
  const original = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql, params, native) => {
    if (params) {
      for (const [key, value] of Object.entries(params)) {
        if (Array.isArray(value) && value.length === 0) {
          sql = sql.replace(new RegExp(`:\\.\\.\\.${key.replace(/\./g, '\\.')}(?![A-Za-z0-9_.])`, 'g'), NO_ROWS);
        }
      }
    }
    return original(sql, params, native);
  };
  return ds;
}
