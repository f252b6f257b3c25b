import type { ComplaintStatus, ComplaintView, FileComplaintRequest, ManagedComplaintView, Page } from '@honglin/shared';
import { request } from './request';

/** 举报投诉: the form shows refusals itself (field messages, the content check's reason). */
export function fileComplaint(body: Partial<FileComplaintRequest>): Promise<ComplaintView> {
  return request('/api/complaints', { method: 'POST', data: body, toast: false });
}

export function myComplaints(): Promise<Page<ComplaintView>> {
  return request('/api/complaints/mine', { query: { limit: 50 } });
}

export function getComplaint(id: string): Promise<ComplaintView> {
  return request(`/api/complaints/${id}`, { toast: false });
}

export function withdrawComplaint(id: string): Promise<ComplaintView> {
  return request(`/api/complaints/${id}/withdraw`, { method: 'POST', data: {} });
}

/** The complainant accepts the answer. */
export function closeComplaint(id: string): Promise<ComplaintView> {
  return request(`/api/complaints/${id}/close`, { method: 'POST', data: {} });
}

/** Admin: complaints of the communities they look after; unanswered ones come overdue first. */
export function managedComplaints(status: ComplaintStatus): Promise<Page<ManagedComplaintView>> {
  return request('/api/complaints/manage', { query: { status, limit: 100 } });
}

export function answerComplaint(id: string, answer: string): Promise<ManagedComplaintView> {
  return request(`/api/complaints/${id}/answer`, { method: 'POST', data: { answer }, toast: false });
}
