import { canCase, nextCaseStatus, reopenDecision } from './case-rules.js';

const DAY = 86_400_000;
const now = new Date('2025-10-20T02:00:00Z');

describe('case status machine', () => {
  it('runs 待受理 → 已受理 → 处理中 → 已办结 → 已评价', () => {
    expect(nextCaseStatus('accept', 'pending')).toBe('accepted');
    expect(nextCaseStatus('reply', 'accepted')).toBe('in_progress');
    expect(nextCaseStatus('resolve', 'in_progress')).toBe('resolved');
    expect(nextCaseStatus('rate', 'resolved')).toBe('rated');
    expect(nextCaseStatus('close', 'resolved')).toBe('closed');
  });

  it('refuses only before acceptance and 无法办理 only after it', () => {
    expect(canCase('refuse', 'pending')).toBe(true);
    expect(canCase('refuse', 'accepted')).toBe(false);
    expect(canCase('cannot_handle', 'pending')).toBe(false);
    expect(canCase('cannot_handle', 'in_progress')).toBe(true);
  });

  it('allows no side exit from a finished case', () => {
    for (const s of ['resolved', 'rated', 'closed', 'merged', 'refused', 'cannot_handle', 'withdrawn'] as const) {
      expect(canCase('merge', s)).toBe(false);
      expect(canCase('withdraw', s)).toBe(false);
      expect(canCase('accept', s)).toBe(false);
    }
  });

  it('keeps the status on a reassignment', () => {
    expect(nextCaseStatus('reassign', 'accepted')).toBe('accepted');
  });
});

describe('reopen decision', () => {
  const resolved = (daysAgo: number, reopenCount = 0, rating: string | null = 'unsatisfied') => ({ rating, resolvedAt: new Date(now.getTime() - daysAgo * DAY), reopenCount });

  it('reopens the first time within 7 days of the resolution', () => {
    expect(reopenDecision(resolved(6.9), now)).toBe('reopen');
    expect(reopenDecision(resolved(7), now)).toBe('reopen');
  });

  it('refuses after 7 days', () => {
    expect(reopenDecision(resolved(7.01), now)).toBe('too_late');
  });

  it('escalates the second time and refuses a third', () => {
    expect(reopenDecision(resolved(1, 1), now)).toBe('escalate');
    expect(reopenDecision(resolved(1, 2), now)).toBe('exhausted');
  });

  it('needs an unsatisfied rating', () => {
    expect(reopenDecision(resolved(1, 0, 'satisfied'), now)).toBe('not_unsatisfied');
    expect(reopenDecision(resolved(1, 0, null), now)).toBe('not_unsatisfied');
  });
});
