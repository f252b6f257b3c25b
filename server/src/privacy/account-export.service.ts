import { Injectable } from '@nestjs/common';
import { DELETED_USER_NAME, formatChinaDateTime, maskName } from '@honglin/shared';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { CorrectionsService } from '../households/corrections.service.js';
import { HouseholdViews } from '../households/household-views.js';
import { MembersService } from '../members/members.service.js';
import { UserRepository } from '../members/user.repository.js';
import { RosterViews } from '../roster/roster-views.js';
import { AccountDataRepository } from './account-data.repository.js';
import { ConsentRecords } from './consent-records.service.js';
import { clock } from '../common/clock.js';

/** Entities whose rows about the caller are in the export (the test holds this and NOT_EXPORTED to database/entities.ts). */
export const EXPORTED = [
  'User', 'RoleAssignment', 'PartyApplication', 'RefreshToken', 'ConsentRecord', 'FamilyLink', 'ProxyActionRecord',
  'Enrollment', 'MeetingInvitee', 'CheckIn', 'LedgerEntry', 'PointsBalance', 'MallRedemption', 'StudyProgress', 'StudySession',
  'QuizAttempt', 'QuizAnswer', 'DuesProfile', 'DuesBill', 'DuesBillAdjustment', 'PayOrder', 'PayOrderBill', 'DuesReceipt', 'PayRefund',
  'VolunteerProfile', 'VolunteerHours', 'VolunteerHoursCorrection', 'VolunteerCertificate', 'MobilisationAnswerRow',
  'ActivityRating', 'InboxItem', 'SubscriptionGrant', 'Complaint', 'Case', 'CaseEvent', 'CaseFollower',
  'Household', 'HouseholdMember', 'PersonProfile', 'PersonTagRow', 'CareVisit', 'CorrectionRequestRow', 'RosterLink',
];

/**
 * Entities that hold nothing about the caller, or only what the export already carries another way.
 * Checked against database/entities.ts: every entity not listed here is exported above.
 */
export const NOT_EXPORTED: Record<string, string> = {
  OrgNode: '组织结构本身不是个人数据；您所在的小区、网格和支部已写在 profile 中',
  CheckInKey: '签到二维码的签名密钥，属于组织者',
  WechatAccessToken: '小程序调用微信接口的凭证，与个人无关',
  OutboxMessage: '待发送的通知；发送后即为 notifications.inbox 中的内容',
  DuesReminder: '党费提醒的发送记录；提醒内容已在 notifications.inbox 中',
  PointsTally: '按规则封顶用的积分小计，可由 points.entries 算出',
  PeriodScore: '排行榜用的积分小计，可由 points.entries 算出',
  'PayReconciliation, PayReconciliationMismatch': '支部与微信支付的对账记录，属于财务',
  'StudyContent, StudyCourse, StudyTopic, Quiz, QuizQuestion, MallItem, PointsRuleOverride': '学习内容、题库、积分规则和兑换商品，不是个人数据（标题已写在相关记录中）',
  'Activity, EnrollmentSlot, Meeting, MeetingPhoto, VolunteerCampaign, VolunteerShift, VolunteerImpactRecord, MobilisationCall': '活动、会议和志愿项目本身属于组织；您参与的部分已写在 enrollments、meetings、volunteering 中',
  FamilyInvite: '亲情账号邀请码只保存散列值，10分钟内失效',
  'AuditEntry, AuditHead': '审计链只记录编号和操作名称，是组织的问责记录；谁查看过您的数据，请在“谁查看了我的数据”中查看',
  'CaseRoute, CaseCategorySetting': '反映的分派表和办理时限是社区的工作设置，不是个人数据',
  CasePhoto: '反映时上传的照片在“我的反映”的详情里查看（已去除位置信息），照片文件不随数据下载',
  'RosterSource, RosterImport': '导入的名单来源和导入批次是社区的工作记录；列有您的名单已写在 listedIn 中',
  RosterRow: '导入文件中逐行的暂存副本（加密保存）；其中适用于您的内容已写入您的档案（householdFile.person，每项注明来源）',
  'SamePersonPair, VerificationTask': '“可能同一人”的判断和核验任务是网格员的工作记录，会涉及他人信息；核验后的结果写入您的档案并注明“网格员核实”',
  'HouseholdTask, RiskWarning, CareSettings': '走访中记下的待办、风险预警和走访周期设置是网格员的工作记录；与您有关的走访已在 householdFile.visits 中',
  'AnalyticsRollup, AnalyticsFeedState, AnalyticsDirtyDay': '数据看板只保存按网格、按天汇总的人数和次数，不含任何个人的记录',
  KioskLink: '数据大屏链接属于社区，只显示汇总数字',
};

type Rows = Awaited<ReturnType<AccountDataRepository['all']>>;

/** 下载我的数据: everything the server holds about the caller, decrypted for them, nobody else's personal data. */
@Injectable()
export class AccountExportService {
  constructor(
    private readonly data: AccountDataRepository,
    private readonly members: MembersService,
    private readonly users: UserRepository,
    private readonly consents: ConsentRecords,
    private readonly crypto: FieldCrypto,
    private readonly householdViews: HouseholdViews,
    private readonly householdCorrections: CorrectionsService,
    private readonly rosters: RosterViews,
  ) {}

  async export(userId: string, now = clock.now()): Promise<Record<string, unknown>> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const r = await this.data.all(userId);
    const self = { userId, grants: [] };
    const [slots, meetings, contents, items, calls, answers, adjustments, orderDetails, corrections, activities] = await Promise.all([
      this.data.slots(r.enrollments.map((e) => e.slotId)),
      this.data.meetings(r.invitations.map((i) => i.meetingId)),
      this.data.contents([...r.progress.map((p) => p.contentId), ...r.sessions.map((s) => s.contentId)]),
      this.data.mallItems(r.redemptions.map((x) => x.itemId)),
      this.data.calls(r.callAnswers.map((a) => a.callId)),
      this.data.quizAnswers(r.attempts.map((a) => a.id)),
      this.data.adjustments(r.bills.map((b) => b.id)),
      this.data.orderDetails(r.orders.map((o) => o.id)),
      this.data.corrections(r.hours.map((h) => h.id)),
      this.data.activities(r.ratings.map((x) => x.activityId)),
    ]);
    const person = await this.people(userId, r, adjustments.map((a) => a.actorId), corrections.map((c) => c.correctedBy));
    const title = <T extends { id: string; title: string }>(list: T[]) => new Map(list.map((x) => [x.id, x.title]));
    const slotOf = new Map(slots.map((s) => [s.id, s]));
    const meetingOf = new Map(meetings.map((m) => [m.id, m]));
    const contentTitle = title(contents);
    const itemName = new Map(items.map((i) => [i.id, i.name]));
    const callTitle = title(calls);
    const activityTitle = title(activities);
    const of = <T extends Record<K, string>, K extends keyof T>(list: T[], key: K, id: string) => list.filter((x) => x[key] === id);

    return {
      format: 'honglin-my-data/1',
      exportedAt: now.toISOString(),
      note: `红邻为您保存的全部个人数据（${formatChinaDateTime(now)} 导出）。时间均为 UTC（北京时间减 8 小时）；其他人的姓名已隐去部分，不含他人的手机号等信息。`,
      profile: { ...(await this.members.view(user)), privacyAcceptedAt: user.privacyAcceptedAt, registeredAt: user.createdAt },
      partyApplications: r.partyApplications.map((a) => ({ id: a.id, status: a.status, note: a.note, decisionReason: a.decisionReason, decidedBy: person(a.decidedBy), createdAt: a.createdAt, decidedAt: a.decidedAt })),
      consents: await this.consents.history(userId),
      family: {
        links: r.links.map((l) => ({
          id: l.id,
          myRole: l.elderUserId === userId ? 'elder' : 'family',
          other: person(l.elderUserId === userId ? l.familyUserId : l.elderUserId),
          status: l.status,
          consent: l.consent,
          confirmedBy: person(l.confirmedBy),
          witnessReason: l.witnessReason,
          requestedAt: l.createdAt,
          confirmedAt: l.confirmedAt,
          revokedBy: person(l.revokedBy),
          revokeReason: l.revokeReason,
          revokedAt: l.revokedAt,
        })),
        proxyActions: r.proxyActions.map((p) => ({ id: p.id, action: p.action, by: person(p.actorUserId), for: person(p.subjectUserId), target: { type: p.targetType, title: p.targetTitle }, consent: p.consent, reason: p.reason, at: p.createdAt })),
      },
      enrollments: r.enrollments.map((e) => {
        const s = slotOf.get(e.slotId);
        return { id: e.id, kind: s?.ownerType ?? null, title: s?.title ?? null, startsAt: s?.startsAt ?? null, status: e.status, companions: e.companions, seats: e.seats, enteredBy: person(e.enteredBy), enteredReason: e.enteredReason, cancelReason: e.cancelReason, attendedAt: e.attendedAt, createdAt: e.createdAt };
      }),
      meetings: r.invitations.map((i) => {
        const m = meetingOf.get(i.meetingId);
        return { meetingId: i.meetingId, title: m?.title ?? null, type: m?.type ?? null, startsAt: m?.startsAt ?? null, status: m?.status ?? null, attendance: i.attendance, leaveStatus: i.leaveStatus, leaveReason: i.leaveReason, leaveNote: i.leaveNote };
      }),
      checkIns: r.checkIns.map((c) => ({ id: c.id, targetType: c.targetType, targetId: c.targetId, status: c.status, method: c.method, checkedInAt: c.checkedInAt, assistedBy: person(c.assistedBy), reason: c.reason, distanceM: c.distanceM })),
      points: {
        balance: r.balance?.balance ?? 0,
        entries: r.ledger.map((e) => ({ id: e.id, action: e.action, amount: e.amount, requested: e.requested, capped: e.capped, capReason: e.capReason, note: e.note, source: { type: e.sourceType, id: e.sourceId }, reversesEntryId: e.reversesEntryId, at: e.at })),
        redemptions: r.redemptions.map((x) => ({ id: x.id, item: itemName.get(x.itemId) ?? null, pricePoints: x.pricePoints, status: x.status, pickupCode: x.pickupCode, createdAt: x.createdAt, pickedUpAt: x.pickedUpAt, cancelledAt: x.cancelledAt })),
      },
      study: {
        progress: r.progress.map((p) => ({ contentId: p.contentId, title: contentTitle.get(p.contentId) ?? null, effectiveSeconds: p.effectiveSeconds, completedAt: p.completedAt })),
        sessions: r.sessions.map((s) => ({ id: s.id, title: contentTitle.get(s.contentId) ?? null, startedAt: s.startedAt, effectiveSeconds: s.effectiveSeconds, closedAt: s.closedAt })),
        quizAttempts: r.attempts.map((a) => ({ id: a.id, kind: a.kind, quizId: a.quizId, startedAt: a.startedAt, finishedAt: a.finishedAt, answeredCount: a.answeredCount, correctCount: a.correctCount, points: a.points, answers: of(answers, 'attemptId', a.id).map((x) => ({ questionId: x.questionId, choice: x.choice, correct: x.correct, answeredAt: x.answeredAt })) })),
      },
      dues: {
        profile: r.duesProfile ? { category: r.duesProfile.category, baseFen: r.duesProfile.baseCipher ? Number(this.crypto.decrypt(r.duesProfile.baseCipher)) : null, farmerFen: r.duesProfile.farmerFen, monthlyFen: r.duesProfile.monthlyFen } : null,
        bills: r.bills.map((b) => ({ id: b.id, month: b.month, amountFen: b.amountFen, originalFen: b.originalFen, status: b.status, paidAt: b.paidAt, adjustments: of(adjustments, 'billId', b.id).map((a) => ({ fromFen: a.fromFen, toFen: a.toFen, reason: a.reason, by: person(a.actorId), at: a.createdAt })) })),
        payments: r.orders.map((o) => ({
          id: o.id,
          outTradeNo: o.outTradeNo,
          member: person(o.memberUserId),
          payer: person(o.payerUserId),
          onBehalf: o.onBehalf,
          totalFen: o.totalFen,
          extraFen: o.extraFen,
          refundedFen: o.refundedFen,
          status: o.status,
          paidAt: o.paidAt,
          createdAt: o.createdAt,
          months: of(orderDetails.bills, 'orderId', o.id).map((b) => ({ month: b.month, amountFen: b.amountFen })),
          receiptCode: of(orderDetails.receipts, 'orderId', o.id)[0]?.code ?? null,
          refunds: of(orderDetails.refunds, 'orderId', o.id).map((x) => ({ amountFen: x.amountFen, reason: x.reason, status: x.status, succeededAt: x.succeededAt, createdAt: x.createdAt })),
        })),
      },
      volunteering: {
        profile: r.volunteerProfile ? { skills: r.volunteerProfile.skills, availability: r.volunteerProfile.availability, gridIds: r.volunteerProfile.gridIds } : null,
        hours: r.hours.map((h) => ({ id: h.id, shiftId: h.shiftId, checkInAt: h.checkInAt, checkOutAt: h.checkOutAt, minutes: h.minutes, status: h.status, autoCheckout: h.autoCheckout, decidedBy: person(h.decidedBy), decidedAt: h.decidedAt, declineReason: h.declineReason, corrections: of(corrections, 'hoursId', h.id).map((c) => ({ fromMinutes: c.fromMinutes, toMinutes: c.toMinutes, reason: c.reason, by: person(c.correctedBy), at: c.createdAt })) })),
        certificates: r.certificates.map((c) => ({ code: c.code, nameMasked: c.nameMasked, halfHours: c.halfHours, stars: c.stars, issuedAt: c.issuedAt })),
        callAnswers: r.callAnswers.map((a) => ({ call: callTitle.get(a.callId) ?? null, answer: a.answer, answeredAt: a.answeredAt, createdAt: a.createdAt })),
      },
      activityRatings: r.ratings.map((x) => ({ activityId: x.activityId, title: activityTitle.get(x.activityId) ?? null, stars: x.stars, comment: x.comment, commentStatus: x.commentStatus, createdAt: x.createdAt })),
      notifications: {
        inbox: r.inbox.map((i) => ({ id: i.id, kind: i.kind, title: i.title, body: i.body, readAt: i.readAt, createdAt: i.createdAt })),
        subscriptionGrants: r.grants.map((g) => ({ templateKey: g.templateKey, remaining: g.remaining })),
      },
      complaints: r.cases
        .filter((c) => c.kind === 'privacy_complaint')
        .map((c) => {
          const d = r.complaintDetails.find((x) => x.id === c.id);
          const answer = r.caseEvents.filter((e) => e.caseId === c.id && e.type === 'resolved').pop();
          return { id: c.id, category: c.category, text: c.text, subject: d?.subject ?? null, about: person(d?.accusedUserId ?? null), anonymous: c.anonymous, status: c.status, dueAt: c.acceptDueAt, answer: answer?.text ?? null, answeredBy: person(answer?.actorId ?? null), answeredAt: answer?.at ?? null, closedAt: c.closedAt, createdAt: c.createdAt };
        }),
      // 我的反映: what the person reported and every step of it (staff named as on the timeline they saw).
      reports: r.cases
        .filter((c) => c.kind !== 'privacy_complaint')
        .map((c) => ({ id: c.id, kind: c.kind, category: c.category, text: c.text, anonymous: c.anonymous, status: c.status, rating: c.rating, createdAt: c.createdAt, timeline: r.caseEvents.filter((e) => e.caseId === c.id).map((e) => ({ type: e.type, at: e.at, text: e.text })) })),
      followedReports: r.caseFollows.filter((f) => !r.cases.some((c) => c.id === f.caseId)).map((f) => ({ caseId: f.caseId, since: f.createdAt })),
      // Token hashes stay out: they are credentials, and useless to the person.
      logins: r.logins.map((t) => ({ createdAt: t.createdAt, expiresAt: t.expiresAt, usedAt: t.usedAt, revokedAt: t.revokedAt })),
      // 我的档案 as the person sees it (ID number masked, staff notes left out), with their correction requests.
      householdFile: { ...(await this.householdViews.myFile(self, now)), corrections: await this.householdCorrections.mine(self) },
      // Which offices' lists name the person (民政低保名单, 老龄办高龄名单 …) and when each was imported.
      listedIn: await this.rosters.listedIn(userId),
      notExported: NOT_EXPORTED,
    };
  }

  /** `本人` for the caller, a masked name for anyone else, null for nobody. */
  private async people(me: string, r: Rows, ...more: (string | null)[][]): Promise<(id: string | null) => string | null> {
    const ids = [
      ...r.partyApplications.map((a) => a.decidedBy),
      ...r.links.flatMap((l) => [l.elderUserId, l.familyUserId, l.confirmedBy, l.revokedBy]),
      ...r.proxyActions.flatMap((p) => [p.actorUserId, p.subjectUserId]),
      ...r.enrollments.map((e) => e.enteredBy),
      ...r.checkIns.map((c) => c.assistedBy),
      ...r.orders.flatMap((o) => [o.memberUserId, o.payerUserId]),
      ...r.hours.map((h) => h.decidedBy),
      ...r.complaintDetails.map((d) => d.accusedUserId),
      ...r.caseEvents.filter((e) => e.type === 'resolved').map((e) => e.actorId),
      ...more.flat(),
    ].filter((id): id is string => !!id && id !== me);
    const names = new Map((await this.data.names(ids)).map((u) => [u.id, u.name]));
    const masked = (name: string) => (name === DELETED_USER_NAME ? name : maskName(name));
    return (id) => (!id ? null : id === me ? '本人' : masked(names.get(id) ?? ''));
  }
}
