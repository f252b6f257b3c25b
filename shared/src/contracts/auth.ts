import { z } from 'zod';
import type { Role, OrgKind } from '../roles.js';

export const WechatLoginRequest = z.object({ code: z.string().trim().min(1).max(128) }).strict();
export type WechatLoginRequest = z.infer<typeof WechatLoginRequest>;

export const DemoLoginRequest = z.object({ persona: z.string().trim().min(1).max(64) }).strict();
export type DemoLoginRequest = z.infer<typeof DemoLoginRequest>;

export const RefreshRequest = z.object({ refreshToken: z.string().min(10).max(512) }).strict();
export type RefreshRequest = z.infer<typeof RefreshRequest>;

export const PhoneBindRequest = z.object({ code: z.string().trim().min(1).max(128) }).strict();
export type PhoneBindRequest = z.infer<typeof PhoneBindRequest>;

export const PrivacyAcceptRequest = z.object({ version: z.string().trim().min(1).max(32) }).strict();
export type PrivacyAcceptRequest = z.infer<typeof PrivacyAcceptRequest>;

export const PreferencesRequest = z
  .object({ elderMode: z.boolean().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少修改一项设置' });
export type PreferencesRequest = z.infer<typeof PreferencesRequest>;

export interface TokenPair {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
}

export interface NodeRef {
  id: string;
  name: string;
  kind: OrgKind;
}

export interface RoleGrant {
  role: Role;
  node: NodeRef;
}

export interface PartyApplicationView {
  id: string;
  branch: NodeRef;
  status: 'pending' | 'approved' | 'rejected';
  note: string | null;
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface MeView {
  id: string;
  name: string;
  /** Own phone, unmasked: only its owner ever receives it. */
  phone: string | null;
  birthYear: number | null;
  elderMode: boolean;
  street: NodeRef | null;
  community: NodeRef | null;
  grid: NodeRef | null;
  building: NodeRef | null;
  branch: NodeRef | null;
  partyGroup: NodeRef | null;
  roles: RoleGrant[];
  /** The grids this person is the named worker of (网格员); empty for everyone else. */
  gridsServed: NodeRef[];
  privacyAcceptedVersion: string | null;
  partyApplication: PartyApplicationView | null;
}

export interface LoginResponse extends TokenPair {
  user: MeView;
}

export interface DemoPersona {
  key: string;
  name: string;
  description: string;
}

/** A resident chooses where they live: a grid or a building. */
export const ResidenceRequest = z.object({ nodeId: z.string().regex(/^[0-9a-z]{26}$/, '编号格式不正确') }).strict();
export type ResidenceRequest = z.infer<typeof ResidenceRequest>;
