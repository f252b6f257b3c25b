import type { BoardView, CreatedOrderView, ElderDuesView, MyDuesView, OrderView, ReceiptView, ReconcileRunView } from '@honglin/shared';
import { request } from './request';

export function getMyDues(): Promise<MyDuesView> {
  return request<MyDuesView>('/api/dues/me');
}

/** Creates (or reuses) the WeChat Pay order for the chosen bills of one member. */
export function createDuesOrder(billIds: string[], extraFen: number): Promise<CreatedOrderView> {
  return request<CreatedOrderView>('/api/payments/orders', { method: 'POST', data: { billIds, extraFen }, toast: false });
}

/** 代缴: a linked older Party member's bills, and what I paid for them. */
export function getElderDues(elderId: string): Promise<ElderDuesView> {
  return request<ElderDuesView>(`/api/family/elders/${elderId}/dues`);
}

/** 代缴: the same order, paid with my WeChat Pay for the elder's bills. */
export function createElderDuesOrder(elderId: string, billIds: string[], extraFen: number): Promise<CreatedOrderView> {
  return request<CreatedOrderView>(`/api/family/elders/${elderId}/dues/orders`, { method: 'POST', data: { billIds, extraFen }, toast: false });
}

export function getOrder(orderId: string): Promise<OrderView> {
  return request<OrderView>(`/api/payments/orders/${orderId}`, { toast: false });
}

export function getOrderReceipt(orderId: string): Promise<ReceiptView> {
  return request<ReceiptView>(`/api/payments/orders/${orderId}/receipt`);
}

export function getReceipt(id: string): Promise<ReceiptView> {
  return request<ReceiptView>(`/api/dues/receipts/${id}`);
}

export function listDuesBranches(): Promise<{ id: string; name: string }[]> {
  return request('/api/dues/branches');
}

export function getBoard(branchId: string, month?: string): Promise<BoardView> {
  return request<BoardView>(`/api/dues/branches/${branchId}/board`, { query: { month } });
}

export function generateBills(branchId: string, month: string): Promise<{ created: number; total: number }> {
  return request(`/api/dues/branches/${branchId}/bills`, { method: 'POST', data: { month } });
}

export function remindUnpaid(branchId: string, month: string): Promise<{ enqueued: number }> {
  return request(`/api/dues/branches/${branchId}/reminders`, { method: 'POST', data: { month } });
}

/** The stored daily reconciliations (newest first) with this branch's mismatches. */
export function getReconciliations(branchId: string, limit = 7): Promise<ReconcileRunView[]> {
  return request<ReconcileRunView[]>(`/api/dues/branches/${branchId}/reconciliations`, { query: { limit } });
}
