import { z } from 'zod';
import { ASSIGNABLE_TAGS, PERSON_TAGS, type PersonTag } from '../care-cadence.js';
import { parseIdNumber } from '../id-number.js';
import { Id, PageQuery } from './org.js';

/** 一户一档 (issue #16): households under buildings, their members (existing users), person fields with provenance. */
export const HOUSEHOLD_RELATIONS = ['head', 'spouse', 'child', 'parent', 'tenant', 'other'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];
export const HOUSEHOLD_RELATION_LABELS: Record<HouseholdRelation, string> = { head: '户主', spouse: '配偶', child: '子女', parent: '父母', tenant: '租户', other: '其他' };

export const RESIDENCE_TYPES = ['registered', 'resident', 'floating'] as const;
export type ResidenceType = (typeof RESIDENCE_TYPES)[number];
export const RESIDENCE_TYPE_LABELS: Record<ResidenceType, string> = { registered: '户籍', resident: '常住', floating: '流动' };

export const MEMBERSHIP_END_REASONS = ['moved_out', 'deceased'] as const;
export type MembershipEndReason = (typeof MEMBERSHIP_END_REASONS)[number];
export const MEMBERSHIP_END_LABELS: Record<MembershipEndReason, string> = { moved_out: '迁出', deceased: '去世' };

/** Where a field's value came from: 本人填写 / 网格员核实 / 家属代办 / 导入 (with the source's name). */
export const FIELD_SOURCES = ['self', 'grid_verified', 'family', 'import'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];
export const FIELD_SOURCE_LABELS: Record<FieldSource, string> = { self: '本人填写', grid_verified: '网格员核实', family: '家属代办', import: '导入' };
export interface Provenance {
  source: FieldSource;
  sourceName: string | null;
  verifiedAt: string;
  by: string;
}

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-01-31').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), '日期不存在');
const Phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写11位手机号或带区号的座机号');
const Source = {
  source: z.enum(FIELD_SOURCES, { error: '请选择信息来源' }),
  sourceName: z.string().trim().min(1).max(40).optional(),
};

export const IdNumber = z.string().trim().max(40).transform((raw, ctx) => {
  const r = parseIdNumber(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.reason });
    return z.NEVER;
  }
  return r.value;
});

export const CreateHouseholdRequest = z
  .object({
    buildingId: Id,
    unit: z.string().trim().max(16).optional(),
    room: z.string().trim().min(1, '请填写门牌号').max(16),
    address: z.string().trim().max(200).optional(),
    ...Source,
  })
  .strict();
export type CreateHouseholdRequest = z.infer<typeof CreateHouseholdRequest>;

export const UpdateHouseholdRequest = z
  .object({ unit: z.string().trim().max(16).optional(), room: z.string().trim().min(1).max(16).optional(), address: z.string().trim().max(200).optional(), ...Source })
  .strict();
export type UpdateHouseholdRequest = z.infer<typeof UpdateHouseholdRequest>;

export const AddMemberRequest = z
  .object({
    userId: Id,
    relation: z.enum(HOUSEHOLD_RELATIONS, { error: '请选择与户主关系' }),
    residenceType: z.enum(RESIDENCE_TYPES, { error: '请选择户籍、常住或流动' }),
    arrivedOn: Day.optional(),
  })
  .strict();
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

export const EndMembershipRequest = z.object({ reason: z.enum(MEMBERSHIP_END_REASONS, { error: '请选择迁出或去世' }), on: Day }).strict();
export type EndMembershipRequest = z.infer<typeof EndMembershipRequest>;

export const EmergencyContact = z.object({ name: z.string().trim().min(1).max(32), phone: Phone, relation: z.string().trim().max(16).optional() }).strict();
export type EmergencyContact = z.infer<typeof EmergencyContact>;

/** Person fields the grid keeps; only the fields sent change, each stamped with the source given. */
export const UpdatePersonRequest = z
  .object({
    idNumber: IdNumber.optional(),
    birthDate: Day.optional(),
    gender: z.enum(GENDERS).optional(),
    phones: z.array(Phone).max(3).optional(),
    emergencyContact: EmergencyContact.optional(),
    notes: z.string().trim().max(500).optional(),
    ...Source,
  })
  .strict();
export type UpdatePersonRequest = z.infer<typeof UpdatePersonRequest>;
export const PERSON_FIELDS = ['idNumber', 'birthDate', 'gender', 'phones', 'emergencyContact', 'notes'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export const AssignTagRequest = z.object({ tag: z.enum(ASSIGNABLE_TAGS as [string, ...string[]], { error: '标签不在可选范围内' }), ...Source }).strict();
export type AssignTagRequest = { tag: (typeof ASSIGNABLE_TAGS)[number]; source: FieldSource; sourceName?: string };
export const TagParam = z.enum(PERSON_TAGS);

export const HOUSEHOLD_FILTERS = ['all', 'due', 'overdue', 'warned'] as const;
export const HouseholdListQuery = PageQuery.extend({
  q: z.string().trim().max(20).optional(),
  buildingId: Id.optional(),
  tag: z.enum(PERSON_TAGS, { error: '标签不在可选范围内' }).optional(),
  filter: z.enum(HOUSEHOLD_FILTERS).default('all'),
}).strict();
export type HouseholdListQuery = z.infer<typeof HouseholdListQuery>;

export interface TagView {
  tag: PersonTag;
  label: string;
  derived: boolean;
  provenance: Provenance | null;
}
export interface HouseholdMemberSummary {
  userId: string;
  name: string;
  relation: HouseholdRelation;
  age: number | null;
  tags: TagView[];
}
/** A row of the household list: ID numbers and phones masked. */
export interface HouseholdListItem {
  id: string;
  label: string;
  building: { id: string; name: string };
  grid: { id: string; name: string };
  members: (HouseholdMemberSummary & { phoneMasked: string | null; idNumberMasked: string | null })[];
  cadenceDays: number;
  nextDueOn: string;
  due: { state: 'overdue' | 'due' | 'later'; days: number };
  openWarnings: number;
}
export interface PersonFileView {
  userId: string;
  name: string;
  relation: HouseholdRelation;
  residenceType: ResidenceType;
  arrivedOn: string | null;
  endedOn: string | null;
  endReason: MembershipEndReason | null;
  age: number | null;
  idNumber: string | null;
  birthDate: string | null;
  gender: Gender | null;
  phones: string[];
  emergencyContact: EmergencyContact | null;
  notes: string | null;
  tags: TagView[];
  provenance: Partial<Record<PersonField, Provenance>>;
}
