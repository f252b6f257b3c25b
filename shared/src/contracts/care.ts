import { z } from 'zod';
import { type Cadence, PERSON_TAGS } from '../care-cadence.js';
import type { PersonFileView, Provenance } from './households.js';
import { imageDataUrl } from './images.js';
import { Id } from './org.js';

/** 走访 and 风险预警 (issue #16). */
export const VISIT_METHODS = ['home', 'phone', 'proxy', 'community'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = { home: '入户', phone: '电话', proxy: '代办人', community: '社区见面' };

export const VISIT_SITUATIONS = ['normal', 'unwell', 'needs_help', 'no_answer', 'moved_away', 'other'] as const;
export type VisitSituation = (typeof VISIT_SITUATIONS)[number];
export const VISIT_SITUATION_LABELS: Record<VisitSituation, string> = { normal: '正常', unwell: '身体不适', needs_help: '需要帮助', no_answer: '无人应答', moved_away: '已搬离', other: '其他' };

/** A visit may be entered late (the grid worker was offline), but not more than this, and never ahead of now. */
export const VISIT_BACKDATE_DAYS = 30;
export const VISIT_CLOCK_SKEW_MS = 5 * 60_000;
/** One photo per visit, re-encoded by the server (EXIF and GPS removed); as a data URL it must fit the 256 KB request body. */
export const VISIT_PHOTO_MAX_BYTES = 150 * 1024;

/** Where a visit took place: recorded only when every person seen has consented (PIPL: whereabouts are sensitive). */
export const VisitLocation = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict();
export type VisitLocation = z.infer<typeof VisitLocation>;

export const RecordVisitRequest = z
  .object({
    visitedAt: z.iso.datetime({ offset: true, error: '走访时间格式不正确' }).optional(),
    method: z.enum(VISIT_METHODS, { error: '请选择走访方式' }),
    seenUserIds: z.array(Id).max(20).default([]),
    situation: z.enum(VISIT_SITUATIONS, { error: '请选择走访情况' }),
    notes: z.string().trim().max(1000).optional(),
    needs: z.array(z.string().trim().min(2, '需求请至少写2个字').max(200)).max(10).default([]),
    /** A correction: a new entry that stands in for an earlier one of the same household. */
    correctsVisitId: Id.optional(),
    photo: imageDataUrl(VISIT_PHOTO_MAX_BYTES).optional(),
    location: VisitLocation.optional(),
  })
  .strict();
export type RecordVisitRequest = z.infer<typeof RecordVisitRequest>;

export interface VisitView {
  id: string;
  visitedAt: string;
  visitor: { id: string; name: string };
  method: VisitMethod;
  seen: { id: string; name: string }[];
  situation: VisitSituation;
  notes: string | null;
  needs: string[];
  correctsVisitId: string | null;
  correctedBy: string | null;
  /** Path of the photo under /api (grid staff only), when one was taken. */
  photoUrl: string | null;
  location: VisitLocation | null;
}
export interface TaskView {
  id: string;
  text: string;
  status: 'open' | 'done';
  createdAt: string;
  visitId: string | null;
}

export const WARNING_LEVELS = ['yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = { yellow: '黄', orange: '橙', red: '红' };
export const WARNING_STATUSES = ['raised', 'acknowledged', 'resolved'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
export const WARNING_STATUS_LABELS: Record<WarningStatus, string> = { raised: '待确认', acknowledged: '处理中', resolved: '已解除' };
/** Hours the grid worker has to acknowledge before the community's organisers are told (and the street after as long again). */
export const WARNING_ACK_HOURS: Record<WarningLevel, number> = { red: 24, orange: 72, yellow: 72 };

export interface WarningView {
  id: string;
  rule: string;
  level: WarningLevel;
  status: WarningStatus;
  sentence: string;
  household: { id: string; label: string } | null;
  subject: { id: string; name: string } | null;
  raisedAt: string;
  ackDueAt: string;
  escalation: 0 | 1 | 2;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}
export const WarningListQuery = z.object({ status: z.enum(['open', 'resolved']).default('open'), limit: z.coerce.number().int().min(1).max(100).default(50) }).strict();
export type WarningListQuery = z.infer<typeof WarningListQuery>;
export const ResolveWarningRequest = z.object({ note: z.string().trim().min(2, '请写明处理结果').max(500) }).strict();
export type ResolveWarningRequest = z.infer<typeof ResolveWarningRequest>;

/** Per-community settings: cadence by tag and the rules' thresholds (days, counts). */
export const CareSettingsRequest = z
  .object({
    cadence: z.partialRecord(z.enum(PERSON_TAGS), z.number().int().min(1).max(366)).and(z.object({ default: z.number().int().min(1).max(366) })).optional(),
    thresholds: z.record(z.string().max(40), z.number().int().min(1).max(365)).optional(),
  })
  .strict();
export type CareSettingsRequest = z.infer<typeof CareSettingsRequest>;
export interface CareSettingsView {
  communityId: string;
  cadence: Cadence;
  thresholds: Record<string, number>;
}

export interface TodayVisitsView {
  today: string;
  overdue: { id: string; label: string; names: string[]; tags: string[]; daysOverdue: number }[];
  due: { id: string; label: string; names: string[]; tags: string[]; daysLeft: number }[];
  doneThisWeek: { id: string; label: string; visitedAt: string; situation: VisitSituation }[];
}

export interface HouseholdFileView {
  id: string;
  label: string;
  address: string | null;
  unit: string | null;
  room: string;
  building: { id: string; name: string };
  grid: { id: string; name: string };
  provenance: Partial<Record<'unit' | 'room' | 'address', Provenance>>;
  cadenceDays: number;
  nextDueOn: string;
  members: PersonFileView[];
  visits: VisitView[];
  tasks: TaskView[];
  warnings: WarningView[];
  /** Members who let grid workers record where a visit took place (the visit form offers location only for them). */
  locationConsent: string[];
}

/** 我的档案: what the resident sees of their own file (ID number and phones masked). */
export interface MyFileView {
  household: { id: string; label: string } | null;
  person: Omit<PersonFileView, 'notes' | 'idNumber'> & { idNumberMasked: string | null } | null;
  visits: VisitView[];
  /** Whether the resident lets grid workers record a visit's location (their latest consent record). */
  visitLocationConsent: boolean;
}

/** 更正申请: a resident asks the grid worker to correct something in their file; accepted or rejected with a reason. */
export const CORRECTION_FIELDS = ['name', 'idNumber', 'birthDate', 'gender', 'phones', 'emergencyContact', 'residenceType', 'tags', 'address', 'other'] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];
export const CORRECTION_FIELD_LABELS: Record<CorrectionField, string> = {
  name: '姓名',
  idNumber: '身份证号',
  birthDate: '出生日期',
  gender: '性别',
  phones: '电话',
  emergencyContact: '紧急联系人',
  residenceType: '居住类型',
  tags: '标签',
  address: '住址',
  other: '其他',
};
export const CORRECTION_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = { open: '待处理', accepted: '已更正', rejected: '未更正' };
/** The grid worker should answer within this many days; past it the correction rule warns. */
export const CORRECTION_ANSWER_DAYS = 14;

export const CorrectionRequest = z
  .object({
    field: z.enum(CORRECTION_FIELDS, { error: '请选择要更正的项目' }),
    proposed: z.string().trim().min(1, '请写出正确的内容').max(200, '请控制在200字以内'),
    reason: z.string().trim().max(300).optional(),
  })
  .strict();
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;
export const DecideCorrectionRequest = z.object({ reason: z.string().trim().min(2, '请写明理由').max(300) }).strict();
export type DecideCorrectionRequest = z.infer<typeof DecideCorrectionRequest>;

export interface CorrectionView {
  id: string;
  person: { id: string; name: string };
  household: { id: string; label: string } | null;
  field: CorrectionField;
  proposed: string;
  reason: string | null;
  status: CorrectionStatus;
  createdAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

/**
 * What a family member linked to an older resident (亲情账号, active link) sees of the elder's care:
 * who visited and when, with a summary fit for family (no staff notes), and the warnings about them.
 */
export interface FamilyCareView {
  elder: { id: string; name: string };
  household: { label: string } | null;
  nextDueOn: string | null;
  visits: { id: string; visitedAt: string; visitorName: string; method: VisitMethod; situation: VisitSituation; summary: string }[];
  warnings: { id: string; level: WarningLevel; status: WarningStatus; sentence: string; raisedAt: string; acknowledgedAt: string | null; resolvedAt: string | null; resolutionNote: string | null }[];
}

/** A resident's own say on whether a grid worker may record where a visit to them took place. */
export const VisitLocationConsentRequest = z.object({ allow: z.boolean({ error: '请选择是否同意' }) }).strict();
export type VisitLocationConsentRequest = z.infer<typeof VisitLocationConsentRequest>;

/** Counts of a sensitive group below this are shown as “<5” to anyone who is not staff of that grid or community. */
export const AGGREGATE_SUPPRESS_BELOW = 5;
export type AggregateCount = number | '<5';
export interface GridAggregateRow {
  id: string;
  name: string;
  households: number;
  residents: number;
  overdue: number;
  openWarnings: Record<WarningLevel, number>;
  /** People per assigned tag; sensitive tags (低保, 残疾, 特困) suppressed below 5 for street-level viewers. */
  tags: Partial<Record<(typeof PERSON_TAGS)[number], AggregateCount>>;
}
/** 街道汇总: per community and per grid, numbers only, never a name or a household. */
export interface GridAggregatesView {
  today: string;
  communities: (GridAggregateRow & { grids: GridAggregateRow[] })[];
}

/** What each built-in rule threshold means, for the organiser's settings page (a rule added later shows its key). */
export const THRESHOLD_LABELS: Record<string, { label: string; unit: string }> = {
  'elder_alone_unvisited.cadences': { label: '独居老人超过几个走访周期未走访就预警', unit: '个周期' },
  'elder_alone_unvisited.silentDays': { label: '且几天没有登录、签到、报名或家属代办', unit: '天' },
  'no_answer_repeated.count': { label: '连续几次无人应答就预警', unit: '次' },
  'correction_overdue.days': { label: '更正申请几天未处理就预警', unit: '天' },
};
/** The tags whose cadence a community sets, in the order the settings page lists them ('default': everyone else). */
export const CADENCE_KEYS = ['elder_alone', 'tekun', 'advanced_age', 'dibao', 'disabled', 'left_behind_child', 'empty_nest', 'migrant', 'veteran', 'watch', 'default'] as const;
