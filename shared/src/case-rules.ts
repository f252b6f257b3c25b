import { CASE_OPEN_STATUSES, CASE_REOPEN_DAYS, type CaseStatus } from './contracts/cases.js';

/** What a person can do to a case; the status machine below says from where. */
export type CaseAction = 'accept' | 'reassign' | 'reply' | 'resolve' | 'refuse' | 'cannot_handle' | 'merge' | 'withdraw' | 'rate' | 'reopen' | 'close';

/**
 * The status machine (ADR 0017). Side exits (merge, refuse, cannot_handle, withdraw) are only open while
 * the case is open; refusing is only possible before it is accepted.
 */
const FROM: Record<CaseAction, readonly CaseStatus[]> = {
  accept: ['pending'],
  reassign: ['pending', 'accepted', 'in_progress'],
  reply: ['accepted', 'in_progress'],
  // From pending too: a quick fix (or a privacy complaint's answer) needs no separate acceptance.
  resolve: ['pending', 'accepted', 'in_progress'],
  refuse: ['pending'],
  cannot_handle: ['accepted', 'in_progress'],
  merge: ['pending', 'accepted', 'in_progress'],
  withdraw: ['pending', 'accepted', 'in_progress'],
  rate: ['resolved'],
  reopen: ['rated'],
  close: ['resolved'],
};

const TO: Partial<Record<CaseAction, CaseStatus>> = {
  accept: 'accepted',
  reply: 'in_progress',
  resolve: 'resolved',
  refuse: 'refused',
  cannot_handle: 'cannot_handle',
  merge: 'merged',
  withdraw: 'withdrawn',
  rate: 'rated',
  reopen: 'in_progress',
  close: 'closed',
};

export function canCase(action: CaseAction, from: CaseStatus): boolean {
  return FROM[action].includes(from);
}

/** The status after `action` (reassign keeps the status). */
export function nextCaseStatus(action: CaseAction, from: CaseStatus): CaseStatus {
  return TO[action] ?? from;
}

export function isCaseOpen(status: CaseStatus): boolean {
  return CASE_OPEN_STATUSES.includes(status);
}

export type ReopenDecision = 'reopen' | 'escalate' | 'not_unsatisfied' | 'too_late' | 'exhausted';

/**
 * Reopen on an unsatisfied rating within CASE_REOPEN_DAYS of the resolution: the first time the same
 * handler works on it again; the second time it escalates to the community instead; never a third.
 */
export function reopenDecision(c: { rating: string | null; resolvedAt: Date | null; reopenCount: number }, now: Date): ReopenDecision {
  if (c.rating !== 'unsatisfied') return 'not_unsatisfied';
  if (!c.resolvedAt || now.getTime() - c.resolvedAt.getTime() > CASE_REOPEN_DAYS * 86_400_000) return 'too_late';
  if (c.reopenCount >= 2) return 'exhausted';
  return c.reopenCount === 0 ? 'reopen' : 'escalate';
}

/** Escalation steps: 0 nobody above the handler, 1 the community's organisers, 2 the street. */
export const CASE_MAX_ESCALATION = 2;
