import { Injectable } from '@nestjs/common';
import { MANAGING_ROLES, type Role } from '@honglin/shared';
import { Brackets, type EntityManager } from 'typeorm';
import { ActivityRating } from '../activities/activity-rating.entity.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { DuesProfile } from '../dues/dues-profile.entity.js';
import { Enrollment } from '../enrollment/enrollment.entity.js';
import { EnrollmentSlot } from '../enrollment/enrollment-slot.entity.js';
import { FamilyLink } from '../family/family-link.entity.js';
import { Meeting, MeetingInvitee } from '../meetings/meeting.entity.js';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { InboxItem } from '../notifications/inbox-item.entity.js';
import { OutboxMessage } from '../notifications/outbox-message.entity.js';
import { SubscriptionGrant } from '../notifications/subscription-grant.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { PartyApplication } from '../organizations/party-application.entity.js';
import { PayOrder } from '../payments/pay-order.entity.js';
import { VolunteerProfile } from '../volunteering/profile.entity.js';
import { CorrectionRequestRow } from '../households/correction.entity.js';
import { PersonProfile, PersonTagRow } from '../households/person-profile.entity.js';

const LIVE_ENROLLMENT = ['registered', 'confirmed', 'waitlisted', 'offered'];

/** Queries of account deletion, all inside its one transaction. */
@Injectable()
export class AccountDeletionRepository {
  /**
   * Marks the account deleted first, only if it is not already: the row lock makes a second deletion
   * racing this one wait and then find nothing to do. False when it was already deleted.
   */
  async claim(em: EntityManager, userId: string, at: Date): Promise<boolean> {
    const r = await em.createQueryBuilder().update(User).set({ deletedAt: at }).where('id = :userId AND deletedAt IS NULL', { userId }).execute();
    return r.affected === 1;
  }

  /** Orders for or by the person WeChat may still be paying (a pending order can be paid until it is closed). */
  paymentsInFlight(em: EntityManager, userId: string): Promise<number> {
    return em
      .createQueryBuilder(PayOrder, 'o')
      .where('o.status = :pending', { pending: 'pending' })
      .andWhere(new Brackets((w) => w.where('o.memberUserId = :userId').orWhere('o.payerUserId = :userId')), { userId })
      .getCount();
  }

  /** Managing roles the person holds alone on a node: nobody would be left to run it. */
  soleManagerRoles(em: EntityManager, userId: string): Promise<{ role: Role; name: string }[]> {
    return em
      .createQueryBuilder(RoleAssignment, 'r')
      .innerJoin(OrgNode, 'n', 'n.id = r.nodeId')
      .select(['r.role AS role', 'n.name AS name'])
      .where('r.userId = :userId AND r.role IN (:...managing)', { userId, managing: MANAGING_ROLES })
      .andWhere('NOT EXISTS (SELECT 1 FROM role_assignments o WHERE o.nodeId = r.nodeId AND o.role = r.role AND o.userId != r.userId)')
      .orderBy('n.name', 'ASC')
      .getRawMany();
  }

  /** Sign-ups still holding or awaiting a place in something that has not started. */
  async futureEnrollments(em: EntityManager, userId: string, now: Date): Promise<string[]> {
    const rows = await em
      .createQueryBuilder(Enrollment, 'e')
      .innerJoin(EnrollmentSlot, 's', 's.id = e.slotId')
      .select('e.id', 'id')
      .where('e.userId = :userId AND e.status IN (:...live) AND s.startsAt > :now', { userId, live: LIVE_ENROLLMENT, now })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  liveFamilyLinks(em: EntityManager, userId: string): Promise<FamilyLink[]> {
    return em
      .createQueryBuilder(FamilyLink, 'l')
      .where('l.status IN (:...live)', { live: ['pending', 'active'] })
      .andWhere(new Brackets((w) => w.where('l.elderUserId = :userId').orWhere('l.familyUserId = :userId')), { userId })
      .getMany();
  }

  /** Meetings the person is invited to that are still ahead. */
  async upcomingMeetings(em: EntityManager, userId: string, now: Date): Promise<string[]> {
    const rows = await em
      .createQueryBuilder(MeetingInvitee, 'i')
      .innerJoin(Meeting, 'm', 'm.id = i.meetingId')
      .select('i.meetingId', 'id')
      .where('i.userId = :userId AND m.status = :scheduled AND m.startsAt > :now', { userId, scheduled: 'scheduled', now })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Roles go: the person no longer lives, serves or belongs anywhere in the tree. */
  async dropRoles(em: EntityManager, userId: string): Promise<void> {
    await em.delete(RoleAssignment, { userId });
    await em.createQueryBuilder().update(OrgNode).set({ contactUserId: null }).where('contactUserId = :userId', { userId }).execute();
  }

  async revokeLogins(em: EntityManager, userId: string, at: Date): Promise<void> {
    await em.createQueryBuilder().update(RefreshToken).set({ revokedAt: at }).where('userId = :userId AND revokedAt IS NULL', { userId }).execute();
  }

  /** Unsent notices are withdrawn (a lease already taken finishes on its own), unread ones and unspent grants dropped. */
  async dropNotices(em: EntityManager, userId: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'cancelled' })
      .where('userId = :userId AND status = :pending AND leaseOwner IS NULL', { userId, pending: 'pending' })
      .execute();
    await em.createQueryBuilder().delete().from(InboxItem).where('userId = :userId AND readAt IS NULL', { userId }).execute();
    await em.delete(SubscriptionGrant, { userId });
  }

  /**
   * Personal texts and profiles the branch does not need: the income base (with its dues profile, so no
   * new bills are made), volunteer skills and availability, application and leave texts, comment words.
   * Bills, payments, hours, attendance and star ratings stay: they are the branch's records and totals.
   * The household file's personal fields go too (ID number and its hash, birth date, phones, emergency
   * contact, staff notes, tags) and the words of correction requests; visits stay as the grid's record.
   */
  async eraseTraces(em: EntityManager, userId: string, at: Date): Promise<Date | null> {
    // The earliest tag erased: the dashboards' tag counts are recounted from that day (it no longer
    // shows in any timestamp once the rows are gone).
    const tags = await em.find(PersonTagRow, { where: { userId }, select: { createdAt: true } });
    await em.delete(PersonProfile, { userId });
    await em.delete(PersonTagRow, { userId });
    await em
      .createQueryBuilder()
      .update(CorrectionRequestRow)
      .set({ proposed: '', reason: null, openKey: null, status: 'rejected', decidedAt: at, decisionReason: '申请人已注销账号' })
      .where('userId = :userId AND status = :open', { userId, open: 'open' })
      .execute();
    await em.createQueryBuilder().update(CorrectionRequestRow).set({ proposed: '', reason: null }).where('userId = :userId', { userId }).execute();
    await em.delete(DuesProfile, { userId });
    await em.delete(VolunteerProfile, { userId });
    await em
      .createQueryBuilder()
      .update(PartyApplication)
      .set({ status: 'rejected', decidedAt: at, decisionReason: '申请人已注销账号' })
      .where('userId = :userId AND status = :pending', { userId, pending: 'pending' })
      .execute();
    await em.createQueryBuilder().update(PartyApplication).set({ note: null }).where('userId = :userId', { userId }).execute();
    await em.createQueryBuilder().update(MeetingInvitee).set({ leaveReason: null }).where('userId = :userId', { userId }).execute();
    await em.createQueryBuilder().update(ActivityRating).set({ comment: '', commentStatus: 'none' }).where('userId = :userId', { userId }).execute();
    return tags.reduce<Date | null>((min, t) => (!min || t.createdAt < min ? t.createdAt : min), null);
  }
}
