import { cadenceReport, periodRange } from './meeting-cadence.js';

const at = (iso: string) => new Date(iso);

describe('meeting cadence', () => {
  it('bounds months, quarters and years in Beijing time, not UTC', () => {
    // 2026-03-31 17:00 UTC is already 1 April in Beijing
    const m = periodRange('month', at('2026-03-31T17:00:00Z'));
    expect(m.label).toBe('2026年4月');
    expect(m.start.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(m.end.toISOString()).toBe('2026-04-30T16:00:00.000Z');
    expect(periodRange('quarter', at('2026-03-31T17:00:00Z')).label).toBe('2026年第2季度');
    expect(periodRange('quarter', at('2026-01-15T00:00:00Z'), -1).label).toBe('2025年第4季度');
    expect(periodRange('year', at('2026-06-01T00:00:00Z')).start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(periodRange('month', at('2026-01-10T00:00:00Z'), -1).label).toBe('2025年12月');
  });

  it('marks a monthly meeting missed last month as overdue and one held this month as done', () => {
    const now = at('2026-11-20T04:00:00Z');
    const report = cadenceReport(
      [
        { type: 'branch_committee', startsAt: at('2026-11-03T02:00:00Z'), groupId: null },
        { type: 'branch_committee', startsAt: at('2026-10-03T02:00:00Z'), groupId: null },
        { type: 'theme_day', startsAt: at('2026-11-05T02:00:00Z'), groupId: null },
      ],
      ['g1', 'g2'],
      now,
    );
    const find = (type: string, groupId: string | null = null) => report.find((r) => r.type === type && r.groupId === groupId)!;
    expect(find('branch_committee').status).toBe('done');
    expect(find('theme_day').status).toBe('overdue'); // none in October
    expect(find('theme_day').current.status).toBe('done');
    expect(find('group', 'g1').status).toBe('overdue');
    expect(find('org_life').previous.label).toBe('2025年');
  });

  it('does not count a meeting scheduled for later in the period', () => {
    const now = at('2026-11-20T04:00:00Z');
    const report = cadenceReport([{ type: 'lecture', startsAt: at('2026-11-28T02:00:00Z'), groupId: null }], [], now);
    expect(report.find((r) => r.type === 'lecture')!.current.status).toBe('due');
  });
});
