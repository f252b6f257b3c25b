import type { MetricDefinition } from '../common/metric.js';
import { figures } from './figures.js';
import { ancestors, expand } from './rollup.service.js';

const metric = (over: Partial<MetricDefinition>): MetricDefinition => ({
  key: 'x', theme: 'people', title: 'X', definition: '…', unit: '人', kind: 'flow', sensitive: false, tree: 'area', settleDays: 0,
  source: { recompute: async () => [] }, ...over,
});
const row = (day: string, num: number, den = 0) => ({ metric: 'x', path: '/a/', day, num, den });
const input = { from: '2026-12-01', to: '2026-12-14', previous: { from: '2026-11-17', to: '2026-11-30' }, grain: 'week' as const, children: [] };

describe('dashboard figures', () => {
  it('adds a flow up over the range and compares with the previous range', () => {
    const f = figures({ ...input, metric: metric({}), rows: [row('2026-11-20', 4), row('2026-12-01', 3), row('2026-12-08', 2)] });
    expect([f.value, f.previous]).toEqual([5, 4]);
    expect(f.series).toEqual([{ bucket: '2026-11-30', value: 3 }, { bucket: '2026-12-07', value: 2 }, { bucket: '2026-12-14', value: 0 }]);
  });

  it('shows a snapshot at its last day, ratios in percent and scaled units', () => {
    expect(figures({ ...input, metric: metric({ kind: 'snapshot' }), rows: [row('2026-12-01', 9), row('2026-12-14', 7)] }).value).toBe(7);
    expect(figures({ ...input, metric: metric({ ratio: true }), rows: [row('2026-12-02', 1, 3)] }).value).toBe(33.3);
    expect(figures({ ...input, metric: metric({ ratio: true }), rows: [] }).value).toBeNull();
    expect(figures({ ...input, metric: metric({ scale: 0.5 }), rows: [row('2026-12-02', 7)] }).value).toBe(3.5);
  });

  it('suppresses sensitive totals and siblings, and ranks only what is shown', () => {
    const children = [6, 2, 9, 0].map((n, i) => ({ nodeId: `n${i}`, name: `g${i}`, value: { num: n, den: 0 } }));
    const f = figures({ ...input, metric: metric({ sensitive: true, kind: 'snapshot' }), rows: [row('2026-12-14', 3)], children });
    expect(f.value).toBe('<5');
    expect(f.children.map((c) => c.value)).toEqual(['<5', '<5', 9, 0]);
    expect(f.top.map((c) => c.name)).toEqual(['g2', 'g3']);
  });

  it('counts a cell at its node and every ancestor', () => {
    expect(ancestors('/s/c/g/')).toEqual(['/s/', '/s/c/', '/s/c/g/']);
    const rows = expand('m', [{ path: '/s/c/g1/', day: 'd', num: 2, den: 4 }, { path: '/s/c/g2/', day: 'd', num: 1, den: 1 }]);
    expect(rows.find((r) => r.path === '/s/c/')).toMatchObject({ num: 3, den: 5 });
    expect(rows).toHaveLength(4);
  });
});
