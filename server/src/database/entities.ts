import { RefreshToken } from '../auth/refresh-token.entity.js';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { PartyApplication } from '../organizations/party-application.entity.js';
import { WechatAccessToken } from '../wechat/wechat-access-token.entity.js';
import { CheckIn, CheckInKey } from '../checkin/check-in.entity.js';
import { Meeting, MeetingInvitee, MeetingPhoto } from '../meetings/meeting.entity.js';
import { LedgerEntry } from '../points/ledger-entry.entity.js';
import { MallItem, MallRedemption } from '../points/mall.entity.js';
import { PeriodScore } from '../points/period-score.entity.js';
import { PointsBalance } from '../points/points-balance.entity.js';
import { PointsRuleOverride } from '../points/points-rule.entity.js';
import { PointsTally } from '../points/points-tally.entity.js';
import { Quiz, QuizAnswer, QuizAttempt, QuizQuestion } from '../study/quiz.entity.js';
import { StudyContent, StudyCourse, StudyTopic } from '../study/study-content.entity.js';
import { StudyProgress, StudySession } from '../study/study-session.entity.js';
import { ActivityRating } from '../activities/activity-rating.entity.js';
import { Activity } from '../activities/activity.entity.js';
import { Enrollment } from '../enrollment/enrollment.entity.js';
import { EnrollmentSlot } from '../enrollment/enrollment-slot.entity.js';
import { DuesProfile } from '../dues/dues-profile.entity.js';
import { DuesBill, DuesBillAdjustment } from '../dues/dues-bill.entity.js';
import { DuesReceipt, PayOrder, PayOrderBill, PayRefund } from '../payments/pay-order.entity.js';
import { DuesReminder } from '../dues/dues-reminder.entity.js';
import { PayReconciliation, PayReconciliationMismatch } from '../payments/pay-reconciliation.entity.js';
import { InboxItem } from '../notifications/inbox-item.entity.js';
import { OutboxMessage } from '../notifications/outbox-message.entity.js';
import { SubscriptionGrant } from '../notifications/subscription-grant.entity.js';
import { FamilyInvite, FamilyLink } from '../family/family-link.entity.js';
import { ProxyActionRecord } from '../family/proxy-action.entity.js';
import { VolunteerCampaign, VolunteerShift } from '../volunteering/campaign.entity.js';
import { VolunteerProfile } from '../volunteering/profile.entity.js';
import { VolunteerCertificate, VolunteerHours, VolunteerHoursCorrection } from '../volunteering/hours.entity.js';
import { VolunteerImpactRecord } from '../volunteering/impact.entity.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { MobilisationAnswerRow, MobilisationCall } from '../volunteering/mobilisation.entity.js';
import { ConsentRecord } from '../privacy/consent-record.entity.js';
import { AuditEntry, AuditHead } from '../audit/audit-entry.entity.js';
import { HOUSEHOLD_ENTITIES } from '../households/households.entities.js';

/** Every entity of the schema. Add new ones here, then run `npm run db:migration:generate -- <Name>`. */
export const ENTITIES = [OrgNode, User, RoleAssignment, PartyApplication, RefreshToken, WechatAccessToken,
  // points (issue #3)
  LedgerEntry, PointsBalance, PointsTally, PeriodScore, PointsRuleOverride, MallItem, MallRedemption,
  // study (issue #3)
  StudyContent, StudyCourse, StudyTopic, StudySession, StudyProgress, QuizQuestion, Quiz, QuizAttempt, QuizAnswer,
  // enrollment, notifications, activities (issue #5)
  EnrollmentSlot, Enrollment, OutboxMessage, InboxItem, SubscriptionGrant, Activity, ActivityRating,
  // check-in and meetings (issue #4)
  CheckIn, CheckInKey, Meeting, MeetingInvitee, MeetingPhoto,
  // dues and WeChat Pay (issue #7)
  DuesProfile, DuesBill, DuesBillAdjustment, PayOrder, PayOrderBill, DuesReceipt, PayRefund,
  DuesReminder, PayReconciliation, PayReconciliationMismatch,
  // family links and acting for others (issue #8)
  FamilyLink, FamilyInvite, ProxyActionRecord,
  // volunteering and mobilisation (issue #6)
  VolunteerCampaign, VolunteerShift, VolunteerProfile, VolunteerHours, VolunteerCertificate, MobilisationCall, MobilisationAnswerRow,
  VolunteerHoursCorrection, VolunteerImpactRecord,
  // complaint channel 举报投诉 (issue #9)
  Complaint,
  // consent records (issue #9)
  ConsentRecord,
  // hash-chained audit trail (issue #9)
  AuditEntry, AuditHead,
  ...HOUSEHOLD_ENTITIES,
];
