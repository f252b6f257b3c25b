import type { EntityManager } from 'typeorm';
import { idFloor } from '../common/ids.js';
import type { MetricCell } from '../common/metric.js';
import { beijingDaySql, dayBounds, runsOf, toCells } from '../database/metric-sql.js';

const STUDY_ACTIONS = ['article_read', 'article_time', 'video_watch', 'video_time', 'daily_quiz', 'weekly_quiz', 'special_quiz', 'challenge_quiz'];
const READS = ['article_read', 'video_watch'];

/**
 * Study from the points ledger (append-only, so it is also the history): points credited for study
 * (a reversal is a negative entry), or articles and videos finished (less those reversed), by the day they
 * count in and the node the entry was made at (the learner's branch then; it never changes later).
 */
export async function studyFromLedger(em: EntityManager, figure: 'points' | 'reads', days: string[]): Promise<MetricCell[]> {
  const actions = figure === 'points' ? STUDY_ACTIONS : READS;
  const day = beijingDaySql(em, 'e.periodAt');
  const out: MetricCell[] = [];
  for (const run of runsOf(days)) {
    const rows = await em.query(
      `SELECT n.path AS path, ${day} AS day, ${figure === 'points' ? 'SUM(e.amount)' : 'SUM(CASE WHEN e.reversesEntryId IS NULL THEN 1 ELSE -1 END)'} AS num
         FROM points_entries e JOIN org_nodes n ON n.id = e.nodeId
        WHERE e.action IN (${actions.map(() => '?').join(', ')}) AND e.periodAt >= ? AND e.periodAt < ?
        GROUP BY n.path, ${day}`,
      [...actions, ...dayBounds(em, run)],
    );
    out.push(...toCells(rows));
  }
  return out;
}

/** New entries since `since`, by their time-ordered ids (the ledger is never edited). */
export async function ledgerChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const rows: { day: string }[] = await em.query(`SELECT DISTINCT ${beijingDaySql(em, 'periodAt')} AS day FROM points_entries WHERE id >= ?`, [idFloor(since.getTime())]);
  return rows.map((r) => String(r.day));
}
