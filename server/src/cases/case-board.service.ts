import { Injectable } from '@nestjs/common';
import { CASE_CATEGORIES, CASE_CATEGORY_LABELS, type CaseCategory } from '@honglin/shared';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { CasesRepository } from './cases.repository.js';

const DAY_MS = 86_400_000;
/** The board covers the last 90 days: long enough to see a pattern, short enough to stay current. */
export const BOARD_DAYS = 90;

export interface CaseBoardView {
  community: { id: string; name: string };
  since: string;
  counts: { category: CaseCategory; label: string; filed: number; resolved: number }[];
  /** Median hours from filing to 办结 over the resolved reports of the period; null without any. */
  medianHoursToResolve: number | null;
  resolved: { id: string; category: CaseCategory; label: string; text: string; gridName: string | null; filedOn: string; resolvedOn: string; rating: string | null }[];
}

/**
 * 公开栏: what a community's residents reported and how it was answered, with nothing that points at a
 * person — no reporter, no building, text cut short with digits (rooms, phones) masked.
 */
export function maskCaseText(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return short.replace(/[0-9０-９]/g, '*').replace(/[一二三四五六七八九十]+(号楼|单元|室|楼)/g, '*$1');
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

@Injectable()
export class CaseBoardService {
  constructor(private readonly repo: CasesRepository) {}

  async board(communityId: string): Promise<CaseBoardView> {
    const [community] = await this.repo.nodes([communityId]);
    if (!community || community.kind !== 'community') throw AppError.notFound();
    const since = new Date(clock.nowMs() - BOARD_DAYS * DAY_MS);
    const rows = await this.repo.reportsOf(community.id, since);
    const done = rows.filter((c) => c.resolvedAt && ['resolved', 'rated', 'closed'].includes(c.status));
    const grids = new Map((await this.repo.nodes(done.map((c) => c.gridId).filter((x): x is string => !!x))).map((n) => [n.id, n.name]));
    const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    return {
      community: { id: community.id, name: community.name },
      since: since.toISOString(),
      counts: CASE_CATEGORIES.map((category) => ({
        category,
        label: CASE_CATEGORY_LABELS[category],
        filed: rows.filter((c) => c.category === category).length,
        resolved: done.filter((c) => c.category === category).length,
      })),
      medianHoursToResolve: (() => {
        const m = median(done.map((c) => (c.resolvedAt!.getTime() - c.createdAt.getTime()) / 3_600_000));
        return m === null ? null : Math.round(m * 10) / 10;
      })(),
      resolved: done
        .sort((a, b) => b.resolvedAt!.getTime() - a.resolvedAt!.getTime())
        .slice(0, 50)
        .map((c) => ({
          id: c.id,
          category: c.category as CaseCategory,
          label: CASE_CATEGORY_LABELS[c.category as CaseCategory] ?? c.category,
          text: maskCaseText(c.text),
          gridName: c.gridId ? (grids.get(c.gridId) ?? null) : null,
          filedOn: day(c.createdAt),
          resolvedOn: day(c.resolvedAt!),
          rating: c.rating,
        })),
    };
  }
}
