import { z } from 'zod';
import type { OrgKind, Role } from '../roles.js';
import type { NodeRef } from './auth.js';

/** Ids are random base-32 strings of 26 characters, never sequences. */
export const Id = z.string().regex(/^[0-9a-z]{26}$/, '编号格式不正确');

export const PartyApplicationRequest = z
  .object({ branchId: Id, note: z.string().trim().max(200).optional() })
  .strict();
export type PartyApplicationRequest = z.infer<typeof PartyApplicationRequest>;

export const PartyApplicationDecision = z
  .object({ reason: z.string().trim().max(200).optional() })
  .strict();
export type PartyApplicationDecision = z.infer<typeof PartyApplicationDecision>;

export const PageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(64).optional(),
  })
  .strict();
export type PageQuery = z.infer<typeof PageQuery>;

export const MemberListQuery = PageQuery.extend({ q: z.string().trim().max(20).optional() }).strict();
export type MemberListQuery = z.infer<typeof MemberListQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface OrgNodeView {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  memberCount: number;
}

export interface MemberSummary {
  id: string;
  name: string;
  phoneMasked: string | null;
  birthYear: number | null;
  grid: NodeRef | null;
  branch: NodeRef | null;
  roles: Role[];
}

export interface PendingApplicationView {
  id: string;
  applicant: { id: string; name: string; phoneMasked: string | null };
  branch: NodeRef;
  note: string | null;
  createdAt: string;
}

/**
 * GET /api/me/grid-contact: the grid worker a resident can call, i.e. the contact of the resident's
 * grid (OrgNode.contactUserId). The phone is unmasked: calling it is the point. 404 when none is set.
 */
export interface GridContactView {
  grid: NodeRef;
  name: string;
  phone: string | null;
}
