import type { EntityManager } from 'typeorm';
import type { MetricCell } from '../common/metric.js';
import { beijingDaySql, dayBounds, runsOf, timeParam, toCells } from '../database/metric-sql.js';

/** Approved volunteer time in half hours, or approved records, by the day of check-in. */
export async function volunteerHours(em: EntityManager, figure: 'halfHours' | 'records', days: string[]): Promise<MetricCell[]> {
  const day = beijingDaySql(em, 'h.checkInAt');
  const num = figure === 'halfHours' ? 'SUM(h.halfHours)' : 'COUNT(*)';
  const out: MetricCell[] = [];
  for (const run of runsOf(days)) {
    const rows = await em.query(
      `SELECT h.nodePath AS path, ${day} AS day, ${num} AS num FROM volunteer_hours h
        WHERE h.status = 'approved' AND h.checkInAt >= ? AND h.checkInAt < ? GROUP BY h.nodePath, ${day}`,
      dayBounds(em, run),
    );
    out.push(...toCells(rows));
  }
  return out;
}

export async function hoursChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const rows: { day: string }[] = await em.query(`SELECT DISTINCT ${beijingDaySql(em, 'checkInAt')} AS day FROM volunteer_hours WHERE updatedAt > ?`, [timeParam(em, since)]);
  return rows.map((r) => String(r.day));
}

/** 一键动员 calls by the day they went out: people reached, and how many of them answered at all. */
export async function mobilisationResponse(em: EntityManager, days: string[]): Promise<MetricCell[]> {
  const day = beijingDaySql(em, 'c.createdAt');
  const out: MetricCell[] = [];
  for (const run of runsOf(days)) {
    const rows = await em.query(
      `SELECT c.nodePath AS path, ${day} AS day, SUM(CASE WHEN a.answer <> 'none' THEN 1 ELSE 0 END) AS num, COUNT(*) AS den
         FROM mobilisation_calls c JOIN mobilisation_answers a ON a.callId = c.id
        WHERE c.createdAt >= ? AND c.createdAt < ? GROUP BY c.nodePath, ${day}`,
      dayBounds(em, run),
    );
    out.push(...toCells(rows));
  }
  return out;
}

export async function mobilisationChangeDays(em: EntityManager, since: Date): Promise<string[]> {
  const s = timeParam(em, since);
  const rows: { day: string }[] = await em.query(
    `SELECT DISTINCT ${beijingDaySql(em, 'c.createdAt')} AS day FROM mobilisation_calls c
      WHERE c.createdAt > ? OR EXISTS (SELECT 1 FROM mobilisation_answers a WHERE a.callId = c.id AND a.answeredAt > ?)`,
    [s, s],
  );
  return rows.map((r) => String(r.day));
}
