import { Injectable } from '@nestjs/common';
import { COMPLAINT_CATEGORY_LABELS, formatChinaDate, formatChinaDateTime, type ComplaintCategory } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { NotificationService } from '../notifications/notification.service.js';
import type { Case } from '../cases/case.entity.js';

export type ReminderKind = 'due_soon' | 'overdue';
/** A complaint as its notices need it: its case (category, deadline, complainant). */
type Complaint = Pick<Case, 'id' | 'category' | 'acceptDueAt' | 'createdAt' | 'reporterId'>;

export const COMPLAINT_DETAIL_PAGE = '/packages/complaints/pages/detail/index';
export const COMPLAINT_MANAGE_PAGE = '/packages/complaints/pages/manage/index';

/**
 * Inbox notices about complaints, written in the transaction of the change (the one outbox). They name
 * the category and the deadline only: the complaint's text and the complainant stay in the app.
 */
@Injectable()
export class ComplaintNotices {
  constructor(private readonly notifications: NotificationService) {}

  filed(em: EntityManager, c: Complaint, admins: string[], community: string): Promise<void> {
    const label = COMPLAINT_CATEGORY_LABELS[c.category as ComplaintCategory];
    return this.notifications.enqueueMany(
      em,
      admins.map((userId) => ({
        userId,
        kind: 'complaint_filed',
        title: '收到新的个人信息投诉',
        body: `${community}的居民提交了一件“${label}”投诉，请在 ${formatChinaDate(c.acceptDueAt)} 前在“我的—投诉处理”中答复。`,
        link: COMPLAINT_MANAGE_PAGE,
        dedupeKey: `complaint:${c.id}:filed:${userId}`,
      })),
    );
  }

  /** The admins who were told of it can stop working on it. */
  withdrawn(em: EntityManager, c: Complaint, admins: string[], community: string): Promise<void> {
    const label = COMPLAINT_CATEGORY_LABELS[c.category as ComplaintCategory];
    return this.notifications.enqueueMany(
      em,
      admins.map((userId) => ({
        userId,
        kind: 'complaint_withdrawn',
        title: '投诉已撤回',
        body: `${community}居民于 ${formatChinaDate(c.createdAt)} 提交的“${label}”投诉已由本人撤回，无需再答复。`,
        link: COMPLAINT_MANAGE_PAGE,
        dedupeKey: `complaint:${c.id}:withdrawn:${userId}`,
      })),
    );
  }

  answered(em: EntityManager, c: Complaint): Promise<void> {
    return this.notifications.enqueue(em, {
      userId: c.reporterId,
      kind: 'complaint_answered',
      title: '您的投诉已答复',
      body: `您于 ${formatChinaDate(c.createdAt)} 提交的“${COMPLAINT_CATEGORY_LABELS[c.category as ComplaintCategory]}”投诉已有答复，请在“我的—我的投诉”中查看。满意可点“确认办结”。`,
      link: `${COMPLAINT_DETAIL_PAGE}?id=${c.id}`,
      dedupeKey: `complaint:${c.id}:answered`,
    });
  }

  /** Urgent on purpose: a deadline the law cares about is about to pass (or has). */
  reminder(em: EntityManager, c: Complaint, kind: ReminderKind, admins: string[], community: string): Promise<void> {
    const label = COMPLAINT_CATEGORY_LABELS[c.category as ComplaintCategory];
    const text =
      kind === 'overdue'
        ? { title: '投诉已逾期未答复', body: `${community}的一件“${label}”投诉已于 ${formatChinaDateTime(c.acceptDueAt)} 到期，仍未答复，请立即在“我的—投诉处理”中答复。` }
        : { title: '投诉即将到期', body: `${community}的一件“${label}”投诉将于 ${formatChinaDateTime(c.acceptDueAt)} 到期，尚未答复，请尽快在“我的—投诉处理”中答复。` };
    return this.notifications.enqueueMany(
      em,
      admins.map((userId) => ({ userId, kind: `complaint_${kind}`, ...text, link: COMPLAINT_MANAGE_PAGE, urgent: true, dedupeKey: `complaint:${c.id}:${kind}:${userId}` })),
    );
  }
}
