import { CASE_CATEGORY_LABELS, type CaseCategory } from '@honglin/shared';

/** One community's week for the 热点 digest. */
export interface DigestFacts {
  thisWeek: { category: string; gridName: string }[];
  lastWeek: { category: string; gridName: string }[];
  overdue: number;
  /** 不满意 ratings this week per handler name. */
  unsatisfied: Map<string, number>;
}

const count = <T>(rows: T[], key: (r: T) => string) => rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<string, number>());
const change = (now: number, before: number) => (now === before ? '持平' : now > before ? `+${now - before}` : `-${before - now}`);

/**
 * The weekly 热点 digest for a community's organisers, as one inbox text: the categories and grids with
 * the most reports against last week, open cases past their deadline, the handlers with the most
 * 不满意. Pure, so it is tested on its own; empty weeks say so rather than send nothing.
 */
export function digestText(f: DigestFacts): string {
  const cats = count(f.thisWeek, (r) => r.category);
  const before = count(f.lastWeek, (r) => r.category);
  const grids = count(f.thisWeek, (r) => r.gridName);
  const gridsBefore = count(f.lastWeek, (r) => r.gridName);
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
  const lines = [`本周共收到居民反映 ${f.thisWeek.length} 件（上周 ${f.lastWeek.length} 件）。`];
  if (cats.size) lines.push(`热点类别：${top(cats, 3).map(([c, n]) => `${CASE_CATEGORY_LABELS[c as CaseCategory] ?? c} ${n} 件（${change(n, before.get(c) ?? 0)}）`).join('，')}。`);
  if (grids.size) lines.push(`反映最多的网格：${top(grids, 3).map(([g, n]) => `${g} ${n} 件（${change(n, gridsBefore.get(g) ?? 0)}）`).join('，')}。`);
  lines.push(f.overdue ? `目前有 ${f.overdue} 件工单已超期未办结，请督办。` : '目前没有超期工单。');
  const low = top(f.unsatisfied, 3);
  if (low.length) lines.push(`本周“不满意”评价较多的负责人：${low.map(([name, n]) => `${name} ${n} 次`).join('，')}。`);
  return lines.join('');
}
