import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RankingScope } from '@honglin/shared';
import { LedgerEntry } from './ledger-entry.entity.js';
import { PointsRuleOverride } from './points-rule.entity.js';

const column = (scope: RankingScope) => (scope === 'branch' ? 'branchId' : 'communityId');

/** Read side of the ledger: history, today's tallies, rankings, rule overrides. */
@Injectable()
export class PointsRepository {
  constructor(private readonly ds: DataSource) {}

  async balance(userId: string): Promise<number> {
    const rows = await this.ds.query('SELECT balance FROM points_balances WHERE userId = ?', [userId]);
    return rows.length ? Number(rows[0].balance) : 0;
  }

  async talliesFor(userId: string, periodKey: string): Promise<{ action: string; awarded: number }[]> {
    const rows = await this.ds.query('SELECT action, awarded FROM points_tallies WHERE userId = ? AND periodKey = ?', [userId, periodKey]);
    return rows.map((r: { action: string; awarded: unknown }) => ({ action: r.action, awarded: Number(r.awarded) }));
  }

  /** Newest first, keyset-paged by id (ids are time-ordered). */
  history(userId: string, limit: number, before?: string): Promise<LedgerEntry[]> {
    const qb = this.ds.manager.createQueryBuilder(LedgerEntry, 'e').where('e.userId = :userId', { userId });
    if (before) qb.andWhere('e.id < :before', { before });
    return qb.orderBy('e.id', 'DESC').limit(limit).getMany();
  }

  /** Top N of a group in a period: one backward scan of (periodKey, group, points). */
  async top(scope: RankingScope, groupId: string, periodKey: string, limit: number): Promise<{ userId: string; name: string; points: number }[]> {
    const col = column(scope);
    const rows = await this.ds.query(
      `SELECT s.userId, s.points, u.name FROM points_period_scores s JOIN users u ON u.id = s.userId
       WHERE s.periodKey = ? AND s.${col} = ? AND s.points > 0
       ORDER BY s.points DESC, s.userId DESC LIMIT ?`,
      [periodKey, groupId, limit],
    );
    return rows.map((r: { userId: string; name: string; points: unknown }) => ({ userId: r.userId, name: r.name, points: Number(r.points) }));
  }

  /** My points in the period and how many in the group scored more (a COUNT over an index range), in one round trip. */
  async myStanding(scope: RankingScope, groupId: string, periodKey: string, userId: string): Promise<{ points: number; above: number }> {
    const mine = '(SELECT COALESCE(MAX(m.points), 0) FROM points_period_scores m WHERE m.periodKey = ? AND m.userId = ?)';
    const rows = await this.ds.query(
      `SELECT ${mine} AS points, COUNT(*) AS above FROM points_period_scores s WHERE s.periodKey = ? AND s.${column(scope)} = ? AND s.points > ${mine}`,
      [periodKey, userId, periodKey, groupId, periodKey, userId],
    );
    return { points: Number(rows[0].points), above: Number(rows[0].above) };
  }

  findOverride(nodeId: string, action: string): Promise<PointsRuleOverride | null> {
    return this.ds.manager.findOne(PointsRuleOverride, { where: { nodeId, action: action as PointsRuleOverride['action'] } });
  }

  overridesOn(nodeIds: string[]): Promise<PointsRuleOverride[]> {
    if (!nodeIds.length) return Promise.resolve([]);
    return this.ds.manager.createQueryBuilder(PointsRuleOverride, 'r').where('r.nodeId IN (:...nodeIds)', { nodeIds }).getMany();
  }

  async saveOverride(rule: PointsRuleOverride, em: EntityManager): Promise<void> {
    const existing = await em.findOne(PointsRuleOverride, { where: { nodeId: rule.nodeId, action: rule.action } });
    if (existing) await em.update(PointsRuleOverride, { id: existing.id }, { ...rule, id: existing.id });
    else await em.insert(PointsRuleOverride, rule);
  }
}
