import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import { ActivityRating } from '../activities/activity-rating.entity.js';
import { Activity } from '../activities/activity.entity.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { CheckIn } from '../checkin/check-in.entity.js';
import { CaseEvent, CaseFollower } from '../cases/case-parts.entity.js';
import { Case } from '../cases/case.entity.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { DuesBill, DuesBillAdjustment } from '../dues/dues-bill.entity.js';
import { DuesProfile } from '../dues/dues-profile.entity.js';
import { Enrollment } from '../enrollment/enrollment.entity.js';
import { EnrollmentSlot } from '../enrollment/enrollment-slot.entity.js';
import { FamilyLink } from '../family/family-link.entity.js';
import { ProxyActionRecord } from '../family/proxy-action.entity.js';
import { Meeting, MeetingInvitee } from '../meetings/meeting.entity.js';
import { User } from '../members/user.entity.js';
import { InboxItem } from '../notifications/inbox-item.entity.js';
import { SubscriptionGrant } from '../notifications/subscription-grant.entity.js';
import { PartyApplication } from '../organizations/party-application.entity.js';
import { DuesReceipt, PayOrder, PayOrderBill, PayRefund } from '../payments/pay-order.entity.js';
import { LedgerEntry } from '../points/ledger-entry.entity.js';
import { MallItem, MallRedemption } from '../points/mall.entity.js';
import { PointsBalance } from '../points/points-balance.entity.js';
import { QuizAnswer, QuizAttempt } from '../study/quiz.entity.js';
import { StudyContent } from '../study/study-content.entity.js';
import { StudyProgress, StudySession } from '../study/study-session.entity.js';
import { VolunteerCertificate, VolunteerHours, VolunteerHoursCorrection } from '../volunteering/hours.entity.js';
import { MobilisationAnswerRow, MobilisationCall } from '../volunteering/mobilisation.entity.js';
import { VolunteerProfile } from '../volunteering/profile.entity.js';

/**
 * Read-only queries for the data export: every row that is about one person, across the domains.
 * Kept here rather than spread over each domain's repository because only the export needs "all of it".
 */
@Injectable()
export class AccountDataRepository {
  constructor(private readonly ds: DataSource) {}

  private async cases(userId: string) {
    const cases = await this.m.find(Case, { where: { reporterId: userId }, order: { id: 'ASC' } });
    const ids = cases.map((c) => c.id);
    return {
      cases,
      caseEvents: await this.m.find(CaseEvent, { where: { caseId: In(ids) }, order: { at: 'ASC', id: 'ASC' } }),
      caseFollows: await this.byUser(CaseFollower, userId),
      complaintDetails: await this.m.find(Complaint, { where: { id: In(ids) } }),
    };
  }

  private get m() {
    return this.ds.manager;
  }

  private byUser<T extends object>(entity: new () => T, userId: string, order = 'id'): Promise<T[]> {
    return this.m.createQueryBuilder(entity, 't').where('t.userId = :userId', { userId }).orderBy(`t.${order}`, 'ASC').getMany();
  }

  /** Every row list of the person, in one go (queries run one after another: an export is rare). */
  async all(userId: string) {
    const rows = {
      partyApplications: await this.byUser(PartyApplication, userId),
      enrollments: await this.byUser(Enrollment, userId),
      invitations: await this.byUser(MeetingInvitee, userId),
      checkIns: await this.byUser(CheckIn, userId),
      ledger: await this.byUser(LedgerEntry, userId),
      balance: await this.m.findOne(PointsBalance, { where: { userId } }),
      redemptions: await this.byUser(MallRedemption, userId),
      progress: await this.byUser(StudyProgress, userId, 'contentId'),
      sessions: await this.byUser(StudySession, userId),
      attempts: await this.byUser(QuizAttempt, userId),
      duesProfile: await this.m.findOne(DuesProfile, { where: { userId } }),
      bills: await this.byUser(DuesBill, userId),
      orders: await this.m.createQueryBuilder(PayOrder, 'o').where('o.memberUserId = :userId OR o.payerUserId = :userId', { userId }).orderBy('o.id', 'ASC').getMany(),
      volunteerProfile: await this.m.findOne(VolunteerProfile, { where: { userId } }),
      hours: await this.byUser(VolunteerHours, userId),
      certificates: await this.byUser(VolunteerCertificate, userId),
      callAnswers: await this.byUser(MobilisationAnswerRow, userId),
      inbox: await this.byUser(InboxItem, userId),
      grants: await this.byUser(SubscriptionGrant, userId),
      ratings: await this.byUser(ActivityRating, userId),
      logins: await this.byUser(RefreshToken, userId),
      // Reports and complaints the person filed (cases, ADR 0017), their timelines and the cases they follow.
      ...(await this.cases(userId)),
      links: await this.m
        .createQueryBuilder(FamilyLink, 'l')
        .where(new Brackets((w) => w.where('l.elderUserId = :userId').orWhere('l.familyUserId = :userId')), { userId })
        .orderBy('l.id', 'ASC')
        .getMany(),
      proxyActions: await this.m.createQueryBuilder(ProxyActionRecord, 'p').where('p.subjectUserId = :userId OR p.actorUserId = :userId', { userId }).orderBy('p.id', 'ASC').getMany(),
    };
    return rows;
  }

  slots(ids: string[]): Promise<EnrollmentSlot[]> {
    return this.in(EnrollmentSlot, ids);
  }

  meetings(ids: string[]): Promise<Meeting[]> {
    return this.in(Meeting, ids);
  }

  activities(ids: string[]): Promise<Activity[]> {
    return this.in(Activity, ids);
  }

  contents(ids: string[]): Promise<StudyContent[]> {
    return this.ids(ids).length ? this.m.find(StudyContent, { where: { id: In(this.ids(ids)) }, select: { id: true, title: true, kind: true } }) : Promise.resolve([]);
  }

  mallItems(ids: string[]): Promise<MallItem[]> {
    return this.in(MallItem, ids);
  }

  calls(ids: string[]): Promise<MobilisationCall[]> {
    return this.in(MobilisationCall, ids);
  }

  quizAnswers(attemptIds: string[]): Promise<QuizAnswer[]> {
    return this.ids(attemptIds).length ? this.m.find(QuizAnswer, { where: { attemptId: In(this.ids(attemptIds)) }, order: { answeredAt: 'ASC' } }) : Promise.resolve([]);
  }

  adjustments(billIds: string[]): Promise<DuesBillAdjustment[]> {
    return this.ids(billIds).length ? this.m.find(DuesBillAdjustment, { where: { billId: In(this.ids(billIds)) }, order: { createdAt: 'ASC' } }) : Promise.resolve([]);
  }

  async orderDetails(orderIds: string[]): Promise<{ bills: PayOrderBill[]; receipts: DuesReceipt[]; refunds: PayRefund[] }> {
    const ids = this.ids(orderIds);
    if (!ids.length) return { bills: [], receipts: [], refunds: [] };
    const where = { orderId: In(ids) };
    return { bills: await this.m.find(PayOrderBill, { where }), receipts: await this.m.find(DuesReceipt, { where }), refunds: await this.m.find(PayRefund, { where }) };
  }

  corrections(hoursIds: string[]): Promise<VolunteerHoursCorrection[]> {
    return this.ids(hoursIds).length ? this.m.find(VolunteerHoursCorrection, { where: { hoursId: In(this.ids(hoursIds)) }, order: { createdAt: 'ASC' } }) : Promise.resolve([]);
  }

  /** Names only: other people appear in the export masked, never with their phone or any other field. */
  names(ids: string[]): Promise<Pick<User, 'id' | 'name'>[]> {
    return this.ids(ids).length ? this.m.find(User, { where: { id: In(this.ids(ids)) }, select: { id: true, name: true } }) : Promise.resolve([]);
  }

  private ids(ids: (string | null | undefined)[]): string[] {
    return [...new Set(ids.filter((x): x is string => !!x))];
  }

  private in<T extends { id: string }>(entity: new () => T, ids: string[]): Promise<T[]> {
    const unique = this.ids(ids);
    return unique.length ? this.m.createQueryBuilder(entity, 't').where('t.id IN (:...ids)', { ids: unique }).getMany() : Promise.resolve([]);
  }
}
