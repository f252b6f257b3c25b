import { z } from 'zod';
import { DUES_CATEGORIES, type DuesCategory } from '../dues-rates.js';
import { Id } from './org.js';

const Month = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const Fen = z.number().int('金额必须精确到分').min(0).max(100_000_000);
const RequestKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');

/** Treasurer sets a member's category and income base (fen; encrypted at rest). */
export const DuesProfileUpdate = z
  .object({
    category: z.enum(DUES_CATEGORIES),
    baseFen: Fen.nullable().default(null),
    farmerFen: z.number().int().min(20).max(100).nullable().default(null),
  })
  .strict()
  .refine((v) => !['employed', 'retired', 'other'].includes(v.category) || v.baseFen !== null, { message: '请填写月收入基数', path: ['baseFen'] });
export type DuesProfileUpdate = z.infer<typeof DuesProfileUpdate>;

export const GenerateBillsRequest = z.object({ month: Month }).strict();
export type GenerateBillsRequest = z.infer<typeof GenerateBillsRequest>;

export const BillAdjustRequest = z.object({ amountFen: Fen, reason: z.string().trim().min(2, '请填写调整原因').max(200) }).strict();
export type BillAdjustRequest = z.infer<typeof BillAdjustRequest>;

export const BoardQuery = z.object({ month: Month.optional() }).strict();
export type BoardQuery = z.infer<typeof BoardQuery>;

export const RemindRequest = z.object({ month: Month }).strict();
export type RemindRequest = z.infer<typeof RemindRequest>;

/** One order pays one or more bills of ONE member, plus an optional voluntary extra. */
export const CreateOrderRequest = z
  .object({
    billIds: z.array(Id).min(1, '请选择要缴纳的月份').max(24),
    extraFen: Fen.max(10_000_000).default(0),
  })
  .strict();
export type CreateOrderRequest = z.infer<typeof CreateOrderRequest>;

export const RefundRequest = z
  .object({ amountFen: Fen.min(1), reason: z.string().trim().min(2, '请填写退款原因').max(80), requestKey: RequestKey })
  .strict();
export type RefundRequest = z.infer<typeof RefundRequest>;

export const ReconcileQuery = z.object({ date: z.string().regex(/^20\d\d-\d\d-\d\d$/, '日期格式应为 YYYY-MM-DD') }).strict();
export type ReconcileQuery = z.infer<typeof ReconcileQuery>;

/** The treasurer's list of stored daily reconciliation runs, newest first. */
export const ReconcileRunsQuery = z.object({ limit: z.coerce.number().int('条数必须是整数').min(1).max(31).default(7) }).strict();
export type ReconcileRunsQuery = z.infer<typeof ReconcileRunsQuery>;

export const VerifyReceiptQuery = z.object({ code: z.string().trim().regex(/^[0-9A-Z]{12}$/, '校验码为12位数字或大写字母') }).strict();
export type VerifyReceiptQuery = z.infer<typeof VerifyReceiptQuery>;

export type BillStatus = 'unpaid' | 'paid';
export interface BillView {
  id: string;
  userId: string;
  memberName: string;
  month: string;
  amountFen: number;
  originalFen: number;
  status: BillStatus;
  overdue: boolean;
  paidAt: string | null;
  orderId: string | null;
  onBehalf: boolean;
}

export interface DuesProfileView {
  userId: string;
  name: string;
  category: DuesCategory;
  /** Only for the member themself and their branch treasurer; otherwise null. */
  baseFen: number | null;
  farmerFen: number | null;
  monthlyFen: number;
}

export interface MyDuesView {
  profile: DuesProfileView | null;
  bills: BillView[];
  receipts: { id: string; totalFen: number; paidAt: string; months: string[] }[];
}

/** An older Party member's dues as a linked family member sees them (代缴): their bills, and the receipts of what this family member paid. */
export interface ElderDuesView extends MyDuesView {
  member: { id: string; name: string };
}

export interface BoardView {
  branchId: string;
  branchName: string;
  month: string;
  totals: { billed: number; paidFen: number; unpaidFen: number; overdueFen: number; paidCount: number; unpaidCount: number; overdueCount: number };
  bills: BillView[];
}

export type OrderStatus = 'pending' | 'paid' | 'closed';
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}
export interface OrderView {
  id: string;
  status: OrderStatus;
  totalFen: number;
  extraFen: number;
  refundedFen: number;
  expiresAt: string;
  paidAt: string | null;
  receiptId: string | null;
  months: string[];
  onBehalf: boolean;
}
export interface CreatedOrderView extends OrderView {
  payParams: RequestPaymentParams;
  /** Demo only: the fake WeChat Pay's 模拟支付 page (h5 cannot call wx.requestPayment). */
  demoPayUrl: string | null;
}

export interface ReceiptView {
  id: string;
  code: string;
  memberName: string;
  payerName: string;
  onBehalf: boolean;
  branchName: string;
  months: string[];
  totalFen: number;
  extraFen: number;
  refundedFen: number;
  paidAt: string;
  transactionId: string;
}

export interface ReceiptCheckView {
  valid: boolean;
  memberName?: string;
  branchName?: string;
  months?: string[];
  totalFen?: number;
  refundedFen?: number;
  paidAt?: string;
}

export interface RefundView {
  id: string;
  orderId: string;
  amountFen: number;
  reason: string;
  status: 'processing' | 'success' | 'failed';
  createdAt: string;
}

export const RECONCILE_MISMATCH_KINDS = ['unknown_order', 'not_paid_locally', 'amount_mismatch', 'missing_in_bill', 'duplicate_payment'] as const;
/** What each kind of mismatch means, for the treasurer. */
export const RECONCILE_MISMATCH_LABELS: Record<(typeof RECONCILE_MISMATCH_KINDS)[number], string> = {
  unknown_order: '微信已收款，本系统无此订单',
  not_paid_locally: '微信已收款，本系统未入账',
  amount_mismatch: '金额不一致',
  missing_in_bill: '本系统已入账，微信账单中没有',
  duplicate_payment: '重复缴费，待退款',
};
export interface ReconcileMismatch {
  kind: (typeof RECONCILE_MISMATCH_KINDS)[number];
  outTradeNo: string;
  localFen: number | null;
  billFen: number | null;
}
export interface ReconcileView {
  date: string;
  billRows: number;
  localPaid: number;
  mismatches: ReconcileMismatch[];
}

/** One stored daily reconciliation (one per Beijing bill date), with the mismatches the caller may see. */
export interface ReconcileRunView {
  date: string;
  ranAt: string;
  billRows: number;
  localPaid: number;
  mismatches: ReconcileMismatch[];
}
