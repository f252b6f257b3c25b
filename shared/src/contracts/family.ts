import { z } from 'zod';
import type { Role } from '../roles.js';
import { CheckInNonce } from './checkin.js';
import { Companion, MAX_COMPANIONS } from './enrollment.js';
import { Id, PageQuery } from './org.js';

/**
 * 亲情账号 and 代办: a family member acts for an older resident on the resident's recorded consent;
 * organisers and grid workers act for residents without a smartphone, with a reason.
 */
export const FAMILY_LINK_STATUSES = ['pending', 'active', 'revoked'] as const;
export type FamilyLinkStatus = (typeof FAMILY_LINK_STATUSES)[number];
export const FAMILY_LINK_STATUS_LABELS: Record<FamilyLinkStatus, string> = { pending: '等待确认', active: '已绑定', revoked: '已解除' };

/** How the older resident agreed: tapped 同意 in their own app, or told an organiser at their door. */
export const FAMILY_CONSENTS = ['elder_confirmed', 'organiser_witnessed'] as const;
export type FamilyConsent = (typeof FAMILY_CONSENTS)[number];
export const FAMILY_CONSENT_LABELS: Record<FamilyConsent, string> = { elder_confirmed: '本人在手机上确认', organiser_witnessed: '社区工作人员上门见证' };

/** An invitation code is read aloud or shown across a table: short, digits only, short-lived, single use. */
export const FAMILY_INVITE_TTL_MINUTES = 10;
export const FAMILY_INVITE_CODE_LENGTH = 6;
/** More helpers than this is more likely a mistake (or abuse) than a family. */
export const FAMILY_MAX_LINKS = 5;

const Reason = (hint: string) => z.string().trim().min(2, hint).max(100, '原因请控制在100字以内');

export const FamilyInviteCode = z
  .string()
  .trim()
  .regex(new RegExp(`^\\d{${FAMILY_INVITE_CODE_LENGTH}}$`), `请输入老人手机上显示的${FAMILY_INVITE_CODE_LENGTH}位数字`);

/** The family member types the code the older resident's screen (or the organiser's) shows. */
export const FamilyLinkRequest = z.object({ code: FamilyInviteCode }).strict();
export type FamilyLinkRequest = z.infer<typeof FamilyLinkRequest>;

/** An organiser or grid worker at the door of a resident without a smartphone issues the code for them. */
export const WitnessedInviteRequest = z.object({ elderUserId: Id, reason: Reason('请写明上门见证的情况') }).strict();
export type WitnessedInviteRequest = z.infer<typeof WitnessedInviteRequest>;

export const RevokeLinkRequest = z.object({ reason: z.string().trim().max(100, '原因请控制在100字以内').optional() }).strict();
export type RevokeLinkRequest = z.infer<typeof RevokeLinkRequest>;

export const FamilySignUpRequest = z
  .object({ companions: z.array(Companion).max(MAX_COMPANIONS, `最多带${MAX_COMPANIONS}位同行人`).default([]) })
  .strict();
export type FamilySignUpRequest = z.infer<typeof FamilySignUpRequest>;

/** A family member at the venue with the older resident scans the organiser's code for them. */
export const FamilyCheckInRequest = z
  .object({ token: z.string().trim().min(1, '请扫描或输入签到码').max(200, '签到码格式不正确'), nonce: CheckInNonce })
  .strict();
export type FamilyCheckInRequest = z.infer<typeof FamilyCheckInRequest>;

/** `subject`: what others did for me; `actor`: what I did for others. */
export const ProxyHistoryQuery = PageQuery.extend({ as: z.enum(['subject', 'actor']).default('subject') }).strict();
export type ProxyHistoryQuery = z.infer<typeof ProxyHistoryQuery>;

export const PROXY_ACTIONS = ['activity_signup', 'enrollment_cancel', 'checkin', 'inbox_read', 'resident_register', 'dues_payment'] as const;
export type ProxyAction = (typeof PROXY_ACTIONS)[number];
export const PROXY_ACTION_LABELS: Record<ProxyAction, string> = {
  activity_signup: '代报名',
  enrollment_cancel: '代取消报名',
  checkin: '代签到',
  inbox_read: '查看通知',
  resident_register: '代登记',
  dues_payment: '代缴党费',
};

/** On whose word someone acted: a live family link, or an organiser's role with a reason. */
export const PROXY_CONSENTS = ['family_link', 'organiser'] as const;
export type ProxyConsentKind = (typeof PROXY_CONSENTS)[number];

/** A resident without a smartphone, entered from a paper list or at their door. */
export const RegisterResidentRequest = z
  .object({
    name: z.string().trim().min(1, '请填写姓名').max(32, '姓名太长了'),
    residenceNodeId: Id,
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '手机号应为11位数字，没有可不填')
      .optional(),
    birthYear: z.number().int().min(1900, '出生年份不正确').max(new Date().getFullYear(), '出生年份不正确').optional(),
    reason: Reason('请写明代登记的原因，如“老人没有智能手机”'),
  })
  .strict();
export type RegisterResidentRequest = z.infer<typeof RegisterResidentRequest>;

export interface FamilyPerson {
  id: string;
  name: string;
  /** Never the full number: the other side of a link sees a mask only. */
  phoneMasked: string | null;
}

export interface FamilyLinkView {
  id: string;
  status: FamilyLinkStatus;
  consent: FamilyConsent | null;
  /** The caller's side: `elder` is helped, `family` helps. */
  myRole: 'elder' | 'family';
  elder: FamilyPerson;
  family: FamilyPerson;
  witnessedBy: { id: string; name: string } | null;
  witnessReason: string | null;
  /** The older resident is a Party member, shown once the link is active: the family member may pay their dues (代缴). */
  elderPartyMember: boolean;
  requestedAt: string;
  confirmedAt: string | null;
  revokedAt: string | null;
}

export interface FamilyLinksView {
  /** People who help me. */
  helpers: FamilyLinkView[];
  /** People I help. */
  elders: FamilyLinkView[];
}

export interface FamilyInviteView {
  code: string;
  expiresAt: string;
  elder: { id: string; name: string };
  /** Set when an organiser issued the code at the door: the link is active as soon as it is used. */
  witnessed: boolean;
}

export interface ProxyActionView {
  id: string;
  action: ProxyAction;
  actor: { id: string; name: string };
  subject: { id: string; name: string };
  target: { type: string; id: string; title: string };
  consent: { kind: ProxyConsentKind; linkId: string | null; role: Role | null; reason: string | null };
  at: string;
}

export interface RegisteredResidentView {
  id: string;
  name: string;
  phoneMasked: string | null;
  birthYear: number | null;
  residence: { id: string; name: string };
}
