import { beijingDay } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { newId } from '../../../src/common/ids.js';
import { DuesBill } from '../../../src/dues/dues-bill.entity.js';
import { Enrollment } from '../../../src/enrollment/enrollment.entity.js';
import { EnrollmentSlot } from '../../../src/enrollment/enrollment-slot.entity.js';
import { CareVisit } from '../../../src/households/care-visit.entity.js';
import { Household, HouseholdMember } from '../../../src/households/household.entity.js';
import { PersonTagRow } from '../../../src/households/person-profile.entity.js';
import { RiskWarning } from '../../../src/households/risk-warning.entity.js';
import { Meeting, MeetingInvitee } from '../../../src/meetings/meeting.entity.js';
import { LedgerEntry } from '../../../src/points/ledger-entry.entity.js';
import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { VolunteerHours } from '../../../src/volunteering/hours.entity.js';
import { MobilisationAnswerRow, MobilisationCall } from '../../../src/volunteering/mobilisation.entity.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The hand-made data set of the definition tests: its own street, so the demo seed cannot blur it. */
export interface Fixture {
  street: OrgNode;
  community: OrgNode;
  grids: OrgNode[];
  branch: OrgNode;
  households: Household[];
  visits: CareVisit[];
  warnings: RiskWarning[];
  bills: DuesBill[];
}

export async function buildFixture(em: EntityManager, now: Date, tag = 'T'): Promise<Fixture> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const node = async (kind: OrgNode['kind'], name: string, parent: OrgNode | null) => {
    const id = newId();
    const n: OrgNode = { id, kind, name: `${tag}${name}`, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, depth: (parent?.depth ?? -1) + 1, contactUserId: null, createdAt: now };
    await em.insert(OrgNode, n);
    return n;
  };
  const street = await node('street', '测试街道', null);
  const community = await node('community', '测试社区', street);
  const grids = [await node('grid', '一网格', community), await node('grid', '二网格', community)];
  const committee = await node('committee', '测试党委', null);
  const branch = await node('branch', '测试支部', committee);
  const me = newId();

  // Three households: H1 and H2 in grid 1 (cadence 30 and 7 days), H3 in grid 2 (30 days).
  const households: Household[] = [];
  for (const [i, [grid, cadence]] of ([[0, 30], [0, 7], [1, 30]] as const).entries()) {
    const h: Household = { id: newId(), buildingId: newId(), gridId: grids[grid].id, communityId: community.id, path: `${grids[grid].path}${newId()}/`, unit: '', room: `${101 + i}`, address: null, provenance: {}, cadenceDays: cadence, lastVisitAt: null, registeredOn: beijingDay(ago(10)), nextDueOn: beijingDay(now), createdBy: me, createdAt: ago(10), updatedAt: ago(10) };
    households.push(h);
    await em.insert(Household, h);
  }
  // 独居老人: six people in grid 1 and two in grid 2, members of the households since 10 days ago.
  for (const [hi, n] of [[0, 6], [2, 2]] as const) {
    for (let k = 0; k < n; k++) {
      const userId = newId();
      await em.insert(HouseholdMember, { id: newId(), householdId: households[hi].id, userId, activeUserId: userId, relation: 'head', residenceType: 'registered', arrivedOn: null, endedOn: null, endReason: null, createdBy: me, createdAt: ago(10) });
      await em.insert(PersonTagRow, { id: newId(), userId, tag: 'elder_alone', source: 'grid_verified', sourceName: null, verifiedAt: ago(10), setBy: me, removedAt: null, removedBy: null, createdAt: ago(10) });
    }
  }
  // Visits: H1 3 days ago; H2 9 days ago (beyond its 7 days); H3 5 days ago, corrected by a row 4 days ago.
  const visit = (h: Household, at: Date, corrects: string | null = null): CareVisit => ({ id: newId(), householdId: h.id, visitorId: me, visitedAt: at, method: 'home', situation: 'normal', seenUserIds: [], notes: null, needs: [], correctsVisitId: corrects, photoFileName: null, lat: null, lng: null, createdAt: at });
  const v3 = visit(households[2], ago(5));
  const visits = [visit(households[0], ago(3)), visit(households[1], ago(9)), v3, visit(households[2], ago(4), v3.id)];
  for (const v of visits) await em.insert(CareVisit, v);
  // Warnings yesterday in grid 1: one acknowledged in time, one escalated unacknowledged.
  const warning = (ack: boolean, escalation: number): RiskWarning => ({ id: newId(), rule: 'test', level: 'orange', status: ack ? 'acknowledged' : 'raised', subjectId: newId(), subjectUserId: null, householdId: households[0].id, communityId: community.id, path: households[0].path, sentence: '测试', factKey: newId(), openKey: newId(), raisedAt: ago(1), ackDueAt: new Date(ago(1).getTime() + 24 * HOUR), escalation, escalateAt: null, acknowledgedBy: ack ? me : null, acknowledgedAt: ack ? new Date(ago(1).getTime() + HOUR) : null, resolvedBy: null, resolvedAt: null, resolutionNote: null, createdAt: ago(1) });
  const warnings = [warning(true, 0), warning(false, 1)];
  for (const w of warnings) await em.insert(RiskWarning, w);
  // A closed meeting 5 days ago (2 present, 1 late, 1 absent) and a scheduled one that does not count.
  for (const closed of [true, false]) {
    const id = newId();
    await em.insert(Meeting, { id, nodeId: branch.id, nodePath: branch.path, branchId: branch.id, groupId: null, type: 'branch_assembly', title: '测试会议', status: closed ? 'closed' : 'scheduled', startsAt: ago(closed ? 5 : 2), endsAt: ago(closed ? 5 : 2), address: '会议室', lat: null, lng: null, radiusM: null, allowGeofence: false, lateGraceMinutes: 10, hostUserId: null, recorderUserId: null, agenda: '', minutes: '', resolutions: '', closedAt: closed ? ago(5) : null, createdBy: me });
    for (const attendance of ['present', 'present', 'late', 'absent'] as const) await em.insert(MeetingInvitee, { id: newId(), meetingId: id, userId: newId(), attendance, leaveStatus: 'none', leaveReason: null, leaveDecidedBy: null, leaveNote: null });
  }
  // Dues of this month: three bills, two paid.
  const month = beijingDay(now).slice(0, 7);
  const bills: DuesBill[] = [];
  for (const paid of [true, true, false]) {
    const b = { id: newId(), userId: newId(), branchId: branch.id, path: branch.path, month, amountFen: 200, originalFen: 200, status: paid ? 'paid' : 'unpaid', openOrderId: null, paidOrderId: null, paidAt: paid ? now : null } as DuesBill;
    bills.push(b);
    await em.insert(DuesBill, b);
  }
  // Volunteer hours in the community 2 days ago: 3 h and 1 h approved, 2 h pending.
  for (const [halfHours, status] of [[6, 'approved'], [2, 'approved'], [4, 'pending']] as const) {
    await em.insert(VolunteerHours, { id: newId(), userId: newId(), shiftId: newId(), campaignId: newId(), nodePath: community.path, checkInAt: ago(2), checkOutAt: ago(2), minutes: halfHours * 30, halfHours, status, autoCheckout: false, decidedBy: null, decidedAt: null, declineReason: null });
  }
  // An activity of the community 6 days ago: attended, attended, missed, cancelled, waitlisted.
  const slotId = newId();
  await em.insert(EnrollmentSlot, { id: slotId, ownerType: 'activity', ownerId: newId(), nodeId: community.id, nodePath: community.path, title: '测试活动', link: null, startsAt: ago(6), endsAt: ago(6), signupOpensAt: ago(20), signupClosesAt: ago(7), cancelDeadline: ago(7), capacity: 10 });
  for (const status of ['attended', 'attended', 'missed', 'cancelled', 'waitlisted'] as const) {
    await em.insert(Enrollment, { id: newId(), slotId, userId: newId(), companions: [], seats: 1, status, waitlistedAt: status === 'waitlisted' ? ago(8) : null, attendedAt: status === 'attended' ? ago(6) : null });
  }
  // Study in the branch 3 days ago: an article (2), a video (3) later reversed, a quiz (5).
  const entry = (action: LedgerEntry['action'], amount: number, reverses: string | null = null): LedgerEntry => ({ id: newId(), userId: me, action, amount, requested: amount, capped: false, capReason: null, note: null, sourceType: 'test', sourceId: newId(), idempotencyKey: newId(), nodeId: branch.id, ruleNodeId: null, reversesEntryId: reverses, at: ago(3), periodAt: ago(3), createdAt: ago(3) });
  const video = entry('video_watch', 3);
  for (const e of [entry('article_read', 2), video, entry('daily_quiz', 5), entry('video_watch', -3, video.id), entry('login', 1)]) await em.insert(LedgerEntry, e);
  // A 一键动员 call 2 days ago reaching four people: accepted, declined, full, no answer.
  const callId = newId();
  await em.insert(MobilisationCall, { id: callId, campaignId: newId(), shiftId: newId(), nodePath: community.path, title: '测试动员', needed: 2, target: { kind: 'community' } as never, deadline: now, remindAt: now, remindedAt: null, status: 'open', targeted: 4, filledAt: null, createdBy: me, createdAt: ago(2) });
  for (const answer of ['accepted', 'declined', 'full', 'none'] as const) {
    await em.insert(MobilisationAnswerRow, { id: newId(), callId, userId: newId(), gridId: null, branchId: null, partyMember: false, noticeKey: newId(), answer, answeredAt: answer === 'none' ? null : ago(1), enrollmentId: null, createdAt: ago(2) });
  }
  return { street, community, grids, branch, households, visits, warnings, bills };
}
