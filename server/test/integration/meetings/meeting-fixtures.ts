import { randomBytes } from 'node:crypto';
import { Like } from 'typeorm';
import { OutboxMessage } from '../../../src/notifications/outbox-message.entity.js';
import type { TestApp } from '../../support/test-app.js';

/** Shared set-up for the meetings and check-in tests: branch A, its members, a meeting factory. */
export interface BranchA {
  orgA: string;
  branchId: string;
  groupIds: string[];
  /** Party members of branch A other than the organiser, with bearer headers made on demand. */
  members: { id: string; name: string }[];
}

export async function branchA(t: TestApp): Promise<BranchA> {
  const orgA = (await t.login('organiser_a')).token;
  const tree = (await t.http.get('/api/org/tree').set('Authorization', orgA)).body as { id: string; kind: string }[];
  const branchId = tree.find((n) => n.kind === 'branch')!.id;
  const groupIds = tree.filter((n) => n.kind === 'group').map((n) => n.id);
  const list = (await t.http.get(`/api/org/nodes/${branchId}/members?limit=100`).set('Authorization', orgA)).body.items as { id: string; name: string; roles: string[] }[];
  return { orgA, branchId, groupIds, members: list.filter((m) => m.roles.includes('party_member')) };
}

export const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

export async function createMeeting(t: TestApp, a: BranchA, overrides: Record<string, unknown> = {}) {
  const res = await t.http
    .post('/api/meetings')
    .set('Authorization', a.orgA)
    .send({
      nodeId: a.branchId,
      type: 'theme_day',
      title: '十一月主题党日',
      startsAt: minutesFromNow(-5),
      endsAt: minutesFromNow(60),
      address: '幸福社区党群服务中心二楼',
      invitees: { kind: 'branch' },
      ...overrides,
    });
  if (res.status !== 201) throw new Error(`create meeting: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; counts: { invited: number } };
}

/** A bearer header for any user, signed the way the server signs (tests only: no login bypass in the app). */
export async function bearerFor(t: TestApp, userId: string): Promise<string> {
  const { TokenService } = await import('../../../src/auth/token.service.js');
  return `Bearer ${t.app.get(TokenService).signAccess(userId)}`;
}

export const nonce = () => randomBytes(12).toString('base64url');

/** `hour`:`minute` Beijing time, `days` calendar days (Beijing) from today: reminder times are set in Beijing time. */
export function beijingAt(days: number, hour: number, minute = 0): Date {
  const local = new Date(Date.now() + 8 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hour, minute) - 8 * 3600_000);
}

/** The outbox rows of one meeting's reminders (every invitee), oldest first. */
export function reminderRows(t: TestApp, meetingId: string): Promise<OutboxMessage[]> {
  return t.dataSource.manager.find(OutboxMessage, { where: { groupKey: Like(`mrem:${meetingId}:%`) }, order: { createdAt: 'ASC', id: 'ASC' } });
}
