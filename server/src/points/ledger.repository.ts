import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PointsAction } from '@honglin/shared';
import { LedgerEntry } from './ledger-entry.entity.js';
import { PointsRuleOverride } from './points-rule.entity.js';

/** A unique index refused the row (MariaDB ER_DUP_ENTRY, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

const mariadb = (em: EntityManager) => em.connection.options.type !== 'better-sqlite3';
/** Locking reads on MariaDB so a transaction sees the latest committed rows, not its snapshot. SQLite is serialised anyway. */
const forUpdate = (em: EntityManager) => (mariadb(em) ? ' FOR UPDATE' : '');

export interface Membership {
  branchId: string | null;
  communityId: string | null;
  /** Ids on the way from the root to the member's branch and home, for rule inheritance. */
  pathIds: string[];
}

/** The only code that builds ledger queries. Everything here runs inside the caller's transaction. */
@Injectable()
export class LedgerRepository {
  /** Creates the balance row if needed and locks it: the per-member mutex for credits. Reads the balance only when asked (debits). */
  async lockBalance(em: EntityManager, userId: string, read = true): Promise<number> {
    // updatedAt is left to the column default (and ON UPDATE on MariaDB): raw SQLite cannot bind a Date.
    if (mariadb(em)) {
      await em.query('INSERT INTO points_balances (userId, balance) VALUES (?, 0) ON DUPLICATE KEY UPDATE balance = balance', [userId]);
    } else {
      await em.query('INSERT INTO points_balances (userId, balance) VALUES (?, 0) ON CONFLICT(userId) DO NOTHING', [userId]);
    }
    if (!read) return 0;
    const rows = await em.query(`SELECT balance FROM points_balances WHERE userId = ?${forUpdate(em)}`, [userId]);
    return Number(rows[0].balance);
  }

  async addToBalance(em: EntityManager, userId: string, delta: number): Promise<void> {
    await em.query('UPDATE points_balances SET balance = balance + ? WHERE userId = ?', [delta, userId]);
  }

  // No locking reads of rows that may not exist: on MariaDB those take gap locks, and two members'
  // inserts into the same gap then deadlock. A missed duplicate is caught by the unique index instead
  // (`isDuplicateKey`), after which the row exists and a locking read of it takes a record lock only.
  findByKey(em: EntityManager, key: string, lock = false): Promise<LedgerEntry | null> {
    return this.entryWhere(em, 'idempotencyKey = ?', key, lock);
  }

  findEntry(em: EntityManager, id: string): Promise<LedgerEntry | null> {
    return this.entryWhere(em, 'id = ?', id, true);
  }

  reversalOf(em: EntityManager, entryId: string): Promise<LedgerEntry | null> {
    return this.entryWhere(em, 'reversesEntryId = ?', entryId, false);
  }

  private async entryWhere(em: EntityManager, where: string, value: string, lock: boolean): Promise<LedgerEntry | null> {
    const meta = em.connection.getMetadata(LedgerEntry);
    const rows = await em.query(`SELECT * FROM points_entries WHERE ${where}${lock ? forUpdate(em) : ''}`, [value]);
    if (!rows.length) return null;
    // Let TypeORM convert raw column values (booleans, datetimes) the same way it does for finds.
    const entity = em.create(LedgerEntry, {});
    for (const column of meta.columns) {
      (entity as unknown as Record<string, unknown>)[column.propertyName] = em.connection.driver.prepareHydratedValue(rows[0][column.databaseName], column);
    }
    return entity;
  }

  async insertEntry(em: EntityManager, entry: LedgerEntry): Promise<void> {
    await em.insert(LedgerEntry, entry);
  }

  /** Awarded so far for an action in each of the given period keys (rows created first, so the locking read locks records, not gaps). */
  async tallies(em: EntityManager, userId: string, action: PointsAction, keys: string[]): Promise<Map<string, number>> {
    await this.addToTallies(em, userId, action, keys, 0);
    const rows: { periodKey: string; awarded: number | string }[] = await em.query(
      `SELECT periodKey, awarded FROM points_tallies WHERE userId = ? AND action = ? AND periodKey IN (${keys.map(() => '?').join(',')})${forUpdate(em)}`,
      [userId, action, ...keys],
    );
    return new Map(rows.map((r) => [r.periodKey, Number(r.awarded)]));
  }

  async addToTallies(em: EntityManager, userId: string, action: PointsAction, keys: string[], delta: number): Promise<void> {
    const values = keys.map(() => '(?, ?, ?, ?)').join(', ');
    const params = keys.flatMap((k) => [userId, action, k, delta]);
    const upsert = mariadb(em) ? 'ON DUPLICATE KEY UPDATE awarded = awarded + VALUES(awarded)' : 'ON CONFLICT(userId, action, periodKey) DO UPDATE SET awarded = awarded + excluded.awarded';
    await em.query(`INSERT INTO points_tallies (userId, action, periodKey, awarded) VALUES ${values} ${upsert}`, params);
  }

  async addToScores(em: EntityManager, userId: string, m: Membership, keys: string[], delta: number): Promise<void> {
    const values = keys.map(() => '(?, ?, ?, ?, ?)').join(', ');
    const params = keys.flatMap((k) => [k, userId, m.branchId, m.communityId, delta]);
    // The member's current branch and community travel with every update, so moving house moves the score.
    const upsert = mariadb(em)
      ? 'ON DUPLICATE KEY UPDATE points = points + VALUES(points), branchId = VALUES(branchId), communityId = VALUES(communityId)'
      : 'ON CONFLICT(periodKey, userId) DO UPDATE SET points = points + excluded.points, branchId = excluded.branchId, communityId = excluded.communityId';
    await em.query(`INSERT INTO points_period_scores (periodKey, userId, branchId, communityId, points) VALUES ${values} ${upsert}`, params);
  }

  /** The member's branch and community (ranking groups) and the node ids rules are inherited along. */
  async membership(em: EntityManager, userId: string, nodeId: string | null): Promise<Membership> {
    const rows: { rp: string | null; bp: string | null; np: string | null }[] = await em.query(
      `SELECT r.path AS rp, b.path AS bp, n.path AS np FROM users u
         LEFT JOIN org_nodes r ON r.id = u.residenceNodeId
         LEFT JOIN org_nodes b ON b.id = u.branchNodeId
         LEFT JOIN org_nodes n ON n.id = ?
       WHERE u.id = ?`,
      [nodeId ?? '', userId],
    );
    const row = rows[0] ?? { rp: null, bp: null, np: null };
    const ids = (p: string | null) => (p ? p.split('/').filter(Boolean) : []);
    const all = [...new Set([...ids(row.rp), ...ids(row.bp)])];
    const kinds = await this.kindsOf(em, all);
    return {
      branchId: all.find((id) => kinds.get(id) === 'branch') ?? null,
      communityId: all.find((id) => kinds.get(id) === 'community') ?? null,
      // Rules follow the node where the action happened; without one, the member's own branch and home.
      pathIds: nodeId && row.np ? ids(row.np) : all,
    };
  }

  /**
   * Kinds of organisation nodes. A node's kind never changes once created, so it is safe to remember
   * in process (no other instance can make it stale); this takes a query off every credit and ranking.
   */
  private readonly kinds = new Map<string, string>();
  private async kindsOf(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const missing = ids.filter((id) => !this.kinds.has(id));
    if (missing.length) {
      const rows: { id: string; kind: string }[] = await em.query(`SELECT id, kind FROM org_nodes WHERE id IN (${missing.map(() => '?').join(',')})`, missing);
      if (this.kinds.size > 100_000) this.kinds.clear();
      for (const r of rows) this.kinds.set(r.id, r.kind);
    }
    return this.kinds;
  }

  /** Overrides of one action's rule on any of the given nodes. */
  async ruleOverrides(em: EntityManager, action: PointsAction, nodeIds: string[]): Promise<PointsRuleOverride[]> {
    if (!nodeIds.length) return [];
    return em.query(
      `SELECT nodeId, points, dailyCap, weeklyCap, yearlyCap, active FROM points_rules WHERE action = ? AND nodeId IN (${nodeIds.map(() => '?').join(',')})`,
      [action, ...nodeIds],
    );
  }
}
