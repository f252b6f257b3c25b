import { z } from 'zod';
import { RANKING_PERIODS, type RankingPeriod } from '../periods.js';
import { POINTS_ACTIONS, type CapReason, type PointsAction } from '../points-rules.js';
import type { NodeRef } from './auth.js';
import { Id } from './org.js';

/** A client-chosen request id that makes a retried write harmless. */
export const RequestKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');

export const PointsHistoryQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().regex(/^[0-9a-z]{26}$/).optional() })
  .strict();
export type PointsHistoryQuery = z.infer<typeof PointsHistoryQuery>;

export const RANKING_SCOPES = ['branch', 'community'] as const;
export type RankingScope = (typeof RANKING_SCOPES)[number];
export const RankingQuery = z
  .object({
    scope: z.enum(RANKING_SCOPES).default('branch'),
    period: z.enum(RANKING_PERIODS).default('week'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type RankingQuery = z.infer<typeof RankingQuery>;

export const PointsRuleUpdate = z
  .object({
    nodeId: Id,
    action: z.enum(POINTS_ACTIONS),
    points: z.number().int().min(0).max(1000),
    dailyCap: z.number().int().min(0).max(100_000).nullable(),
    weeklyCap: z.number().int().min(0).max(100_000).nullable(),
    yearlyCap: z.number().int().min(0).max(1_000_000).nullable(),
    active: z.boolean(),
  })
  .strict();
export type PointsRuleUpdate = z.infer<typeof PointsRuleUpdate>;

export const MallItemCreate = z
  .object({
    nodeId: Id,
    name: z.string().trim().min(1).max(40),
    description: z.string().trim().max(500).default(''),
    imageUrl: z.string().url().max(300).nullable().default(null),
    pricePoints: z.number().int().min(1).max(100_000),
    stock: z.number().int().min(0).max(100_000),
  })
  .strict();
export type MallItemCreate = z.infer<typeof MallItemCreate>;

/** What an organiser may change on a listed item; the price of past redemptions stays as it was. */
export const MallItemUpdate = z
  .object({
    name: z.string().trim().min(1).max(40),
    description: z.string().trim().max(500),
    pricePoints: z.number().int().min(1).max(100_000),
    active: z.boolean(),
  })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, '请至少修改一项');
export type MallItemUpdate = z.infer<typeof MallItemUpdate>;

export const MallRestock = z.object({ add: z.number().int().min(1).max(100_000) }).strict();
export type MallRestock = z.infer<typeof MallRestock>;

export const RedeemRequest = z.object({ requestKey: RequestKey }).strict();
export type RedeemRequest = z.infer<typeof RedeemRequest>;

export const PickupRequest = z.object({ code: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{8}$/, '提货码为8位数字或大写字母') }).strict();
export type PickupRequest = z.infer<typeof PickupRequest>;

export interface DailyProgressItem {
  action: PointsAction;
  label: string;
  awarded: number;
  dailyCap: number | null;
}

export interface PointsSummary {
  balance: number;
  earnedToday: number;
  today: DailyProgressItem[];
}

export interface LedgerEntryView {
  id: string;
  action: PointsAction;
  label: string;
  amount: number;
  requested: number;
  capped: boolean;
  capReason: CapReason | null;
  /** Why, in words: the cap that applied, the reversal reason, … */
  note: string | null;
  source: { type: string; id: string };
  createdAt: string;
}

export interface RankingRow {
  rank: number;
  name: string;
  points: number;
  isMe: boolean;
}

export interface RankingView {
  scope: RankingScope;
  period: RankingPeriod;
  node: NodeRef | null;
  top: RankingRow[];
  me: { rank: number; points: number } | null;
}

export interface MallItemView {
  id: string;
  nodeId: string;
  name: string;
  description: string;
  imageUrl: string | null;
  pricePoints: number;
  stock: number;
  active: boolean;
}

/** The organiser's list: where the item is offered and how many codes are still to be collected. */
export interface OrgMallItemView extends MallItemView {
  node: NodeRef;
  pendingPickups: number;
  pickedUp: number;
}

export type RedemptionStatus = 'pending' | 'picked_up' | 'cancelled';
export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = { pending: '待领取', picked_up: '已领取', cancelled: '已取消' };
export interface RedemptionView {
  id: string;
  item: { id: string; name: string };
  pricePoints: number;
  status: RedemptionStatus;
  /** Shown only to the member who redeemed (and once to the organiser verifying it). */
  pickupCode: string | null;
  createdAt: string;
  pickedUpAt: string | null;
  cancelledAt: string | null;
}

/** What the organiser sees at the counter for a code: who redeemed what, before handing it over. */
export interface PickupView extends RedemptionView {
  memberName: string;
  node: NodeRef;
}

/** A rule in force at a node: the default table or the override of this node or one above it. */
export interface PointsRuleView {
  action: PointsAction;
  label: string;
  points: number;
  dailyCap: number | null;
  weeklyCap: number | null;
  yearlyCap: number | null;
  active: boolean;
  /** The node whose override applies; null when the built-in default applies. */
  setAt: NodeRef | null;
}
