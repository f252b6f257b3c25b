import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { assertManages, manages } from '../common/scope.js';
import type { Meeting } from './meeting.entity.js';

/** Organisers and admins manage meetings of their subtree (treasurers only handle dues). */
export const MEETING_MANAGERS = ['organiser', 'admin'] as const;

export function canManage(actor: Actor, meeting: Pick<Meeting, 'nodePath'>): boolean {
  return manages(actor, meeting.nodePath, MEETING_MANAGERS);
}

export function assertCanManage(actor: Actor, meeting: Pick<Meeting, 'nodePath'>): void {
  assertManages(actor, meeting.nodePath, MEETING_MANAGERS);
}

export function assertScheduled(meeting: Meeting): void {
  if (meeting.status !== 'scheduled') throw new AppError('MEETING_NOT_EDITABLE');
}

/** Beijing-time text for notifications: "11月29日 09:30". */
export function shortChinaTime(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000);
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${String(b.getUTCHours()).padStart(2, '0')}:${String(b.getUTCMinutes()).padStart(2, '0')}`;
}

export const meetingLink = (id: string) => `/packages/meetings/pages/detail/index?id=${id}`;
