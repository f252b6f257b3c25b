import { z } from 'zod';
import type { FamilyConsent } from './family.js';

/**
 * 我的数据与隐私 (issue #9): the consents a person gave and withdrew, their data as a download, and
 * deleting their account.
 */
export const CONSENT_KINDS = ['privacy_policy', 'family_link', 'family_link_revoked', 'account_deleted', 'visit_location', 'visit_location_withdrawn'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  privacy_policy: '同意隐私保护指引',
  family_link: '绑定亲情账号',
  family_link_revoked: '解除亲情账号',
  account_deleted: '注销账号',
  visit_location: '同意走访时记录位置',
  visit_location_withdrawn: '不再同意走访时记录位置',
};

/** How a deleted account is named wherever the branch's records still show it. */
export const DELETED_USER_NAME = '已注销用户';

/** What deletion keeps, said to the resident before and after: the branch's records, under the anonymised name. */
export const ACCOUNT_DELETION_KEEPS = ['积分记录和余额', '会议和活动的签到、出勤记录', '党费账单和缴费记录', '志愿服务时长', '学习记录和答题成绩'];

/** The word a resident types to show they mean it: a tap alone must not erase an account. */
export const ACCOUNT_DELETE_WORD = '注销';
const confirmMessage = `请输入“${ACCOUNT_DELETE_WORD}”两个字确认`;
export const DeleteAccountRequest = z
  .object({
    confirm: z
      .string({ error: confirmMessage })
      .trim()
      .refine((v) => v === ACCOUNT_DELETE_WORD, confirmMessage),
  })
  .strict();
export type DeleteAccountRequest = z.infer<typeof DeleteAccountRequest>;

export interface ConsentRecordView {
  id: string;
  kind: ConsentKind;
  /** The privacy agreement version in force when it was recorded. */
  version: string;
  at: string;
  /** For family-link records: the link, the other person (name masked) and how the older resident agreed. */
  familyLink: { id: string; myRole: 'elder' | 'family'; otherName: string; consent: FamilyConsent | null } | null;
}

export interface AccountDeletedView {
  deletedAt: string;
  /** What stays with the branch, said back to the resident. */
  kept: string[];
}
