import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ElderAloneFact {
  userId: string;
  name: string;
  birthYear: number | null;
  birthDate: string | null;
  householdId: string;
  unit: string;
  room: string;
  buildingId: string;
  communityId: string;
  path: string;
  cadenceDays: number;
  lastVisitAt: Date | string | null;
  registeredOn: string;
}

const CHUNK = 500;
const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));
const inList = (col: string, ids: string[] | undefined, name: string) => (ids ? `AND ${col} IN (:...${name})` : '');

/** Queries the risk rules read. The facts live in several domains' tables; this is the one place that joins them. */
@Injectable()
export class RiskFactsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * People tagged 独居老人 in an open membership, whose household is due by `today` (only those can
   * be 2× cadence unvisited): a full scan reads the overdue few, not every elder.
   */
  async elderAlone(today: string, householdIds?: string[]): Promise<ElderAloneFact[]> {
    if (householdIds && !householdIds.length) return [];
    return this.ds.manager
      .createQueryBuilder()
      .select(['u.id AS userId', 'u.name AS name', 'u.birthYear AS birthYear', 'pp.birthDate AS birthDate', 'h.id AS householdId', 'h.unit AS unit', 'h.room AS room'])
      .addSelect(['h.buildingId AS buildingId', 'h.communityId AS communityId', 'h.path AS path', 'h.cadenceDays AS cadenceDays', 'h.lastVisitAt AS lastVisitAt', 'h.registeredOn AS registeredOn'])
      .from('person_tags', 'pt')
      .innerJoin('household_members', 'm', 'm.activeUserId = pt.userId')
      .innerJoin('households', 'h', 'h.id = m.householdId')
      .innerJoin('users', 'u', 'u.id = pt.userId')
      .leftJoin('person_profiles', 'pp', 'pp.userId = pt.userId')
      .where(`pt.tag = :tag AND pt.removedAt IS NULL AND h.nextDueOn <= :today ${inList('h.id', householdIds, 'hids')}`, { tag: 'elder_alone', today, hids: householdIds })
      .getRawMany<ElderAloneFact>();
  }

  /** The latest sign of life in the product per person: a login or token refresh, a check-in, a sign-up, or a family member acting for them. */
  async lastSignOfLife(userIds: string[]): Promise<Map<string, Date>> {
    const out = new Map<string, Date>();
    const sources = [
      ['refresh_tokens', 'userId', 'createdAt'],
      ['check_ins', 'userId', 'checkedInAt'],
      ['enrollments', 'userId', 'createdAt'],
      ['proxy_actions', 'subjectUserId', 'createdAt'],
    ];
    for (const ids of chunks([...new Set(userIds)])) {
      for (const [table, who, at] of sources) {
        const rows = await this.ds.manager
          .createQueryBuilder()
          .select(`t.${who}`, 'userId')
          .addSelect(`MAX(t.${at})`, 'at')
          .from(table, 't')
          .where(`t.${who} IN (:...ids)`, { ids })
          .groupBy(`t.${who}`)
          .getRawMany<{ userId: string; at: Date | string }>();
        for (const r of rows) {
          const d = asDate(r.at);
          if (d && (!out.has(r.userId) || out.get(r.userId)! < d)) out.set(r.userId, d);
        }
      }
    }
    return out;
  }

  /** Households whose newest standing visit is a 无人应答 (candidates for the two-in-a-row rule). */
  async lastVisitNoAnswer(householdIds?: string[]): Promise<string[]> {
    if (householdIds && !householdIds.length) return [];
    const rows = await this.ds.manager
      .createQueryBuilder()
      .select('DISTINCT v.householdId', 'householdId')
      .from('care_visits', 'v')
      .where(`v.situation = :na ${inList('v.householdId', householdIds, 'hids')}`, { na: 'no_answer', hids: householdIds })
      .andWhere('NOT EXISTS (SELECT 1 FROM care_visits c WHERE c.correctsVisitId = v.id)')
      .andWhere('NOT EXISTS (SELECT 1 FROM care_visits l WHERE l.householdId = v.householdId AND l.visitedAt > v.visitedAt AND NOT EXISTS (SELECT 1 FROM care_visits lc WHERE lc.correctsVisitId = l.id))')
      .getRawMany<{ householdId: string }>();
    return rows.map((r) => r.householdId);
  }
}

/** SQLite hands datetimes back as 'YYYY-MM-DD HH:MM:SS.SSS' strings (UTC), MariaDB (timezone Z) as Dates. */
export function asDate(v: Date | string | null | undefined): Date | null {
  if (!v) return null;
  if (v instanceof Date) return v;
  return new Date(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
}
