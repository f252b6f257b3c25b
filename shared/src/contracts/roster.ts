import { z } from 'zod';
import { ASSIGNABLE_TAGS, type AssignableTag } from '../care-cadence.js';
import { ROSTER_FIELDS, type RosterField } from '../roster.js';
import { Id } from './org.js';

/** Roster import (issue #17): named sources, uploads, preview, commit, the same-person queue, verification. */
const Mapping = z.record(z.string().max(60), z.enum(ROSTER_FIELDS, { error: '列的含义不在可选范围内' })).refine((m) => Object.keys(m).length <= 60, '列太多');
const Tags = z.array(z.enum(ASSIGNABLE_TAGS as [AssignableTag, ...AssignableTag[]], { error: '标签不在可选范围内' })).max(6);

export const RosterSourceRequest = z
  .object({ name: z.string().trim().min(1, '请填写来源名称，如“民政低保名单”').max(40), mapping: Mapping.default({}), impliedTags: Tags.default([]) })
  .strict();
export type RosterSourceRequest = z.infer<typeof RosterSourceRequest>;
export const RosterSourceUpdate = z.object({ mapping: Mapping.optional(), impliedTags: Tags.optional() }).strict();
export type RosterSourceUpdate = z.infer<typeof RosterSourceUpdate>;

export const RosterUploadQuery = z.object({ sourceId: Id, fileName: z.string().trim().min(1).max(200) }).strict();
export type RosterUploadQuery = z.infer<typeof RosterUploadQuery>;

/** The dry run: which sheet, and the mapping to use (remembered on the source). */
export const RosterPreviewRequest = z.object({ sheet: z.string().max(100).optional(), mapping: Mapping.optional() }).strict();
export type RosterPreviewRequest = z.infer<typeof RosterPreviewRequest>;

export const RosterRowsQuery = z
  .object({ outcome: z.enum(['create', 'merge', 'queue', 'flag', 'unchanged']).optional(), offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();
export type RosterRowsQuery = z.infer<typeof RosterRowsQuery>;

export const PairDecisionRequest = z.object({ decision: z.enum(['same', 'different'], { error: '请选择“是同一人”或“不是同一人”' }) }).strict();
export type PairDecisionRequest = z.infer<typeof PairDecisionRequest>;

export const ResolveVerificationRequest = z.object({ value: z.string().trim().min(1, '请选择或填写核实后的值').max(100), visitId: Id.optional() }).strict();
export type ResolveVerificationRequest = z.infer<typeof ResolveVerificationRequest>;

export const VerificationListQuery = z.object({ householdId: Id.optional(), userId: Id.optional(), open: z.enum(['true', 'false']).default('true') }).strict();
export type VerificationListQuery = z.infer<typeof VerificationListQuery>;

export const ROSTER_OUTCOMES = ['create', 'merge', 'queue', 'flag', 'unchanged'] as const;
export type RosterOutcome = (typeof ROSTER_OUTCOMES)[number];
export const ROSTER_OUTCOME_LABELS: Record<RosterOutcome, string> = { create: '新建', merge: '合并', queue: '待人工判断', flag: '有问题', unchanged: '无变化' };
export const ROSTER_IMPORT_STATUSES = ['uploaded', 'previewed', 'committing', 'committed', 'failed', 'rolled_back'] as const;
export type RosterImportStatus = (typeof ROSTER_IMPORT_STATUSES)[number];
export type RosterCounts = Record<RosterOutcome, number>;
export const VERIFY_FIELDS = ['name', 'phone', 'birthDate', 'gender', 'address'] as const;
export type VerifyField = (typeof VERIFY_FIELDS)[number];
export const VERIFY_FIELD_LABELS: Record<VerifyField, string> = { name: '姓名', phone: '电话', birthDate: '出生日期', gender: '性别', address: '住址' };

export interface RosterSourceView {
  id: string;
  name: string;
  communityId: string;
  mapping: Record<string, RosterField>;
  impliedTags: AssignableTag[];
  updatedAt: string;
}
export interface RosterFinding {
  code: string;
  message: string;
}
export interface RosterImportView {
  id: string;
  source: { id: string; name: string };
  fileName: string;
  format: 'xlsx' | 'csv';
  status: RosterImportStatus;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  mapping: Record<string, RosterField>;
  rowsTotal: number;
  rowsDone: number;
  counts: RosterCounts;
  fileFindings: RosterFinding[];
  error: string | null;
  createdAt: string;
  committedAt: string | null;
  rolledBackAt: string | null;
}
export interface RosterRowView {
  rowNo: number;
  outcome: RosterOutcome;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  findings: RosterFinding[];
}
export interface PairSide {
  name: string;
  birthDate: string | null;
  phone: string | null;
  address: string | null;
  source: string;
}
export interface SamePersonPairView {
  id: string;
  status: 'open' | 'same' | 'different';
  evidence: string[];
  incoming: PairSide;
  existing: PairSide & { userId: string };
  createdAt: string;
}
export interface VerificationValue {
  value: string;
  source: string;
  at: string;
}
export interface VerificationView {
  id: string;
  person: { id: string; name: string };
  householdId: string | null;
  field: VerifyField;
  values: VerificationValue[];
  /** 电话: 民政低保名单 138…, 网格员核实 139… — 以哪个为准? */
  prompt: string;
  status: 'open' | 'resolved';
  resolvedValue: string | null;
  resolvedAt: string | null;
  createdAt: string;
}
