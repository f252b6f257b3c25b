import { Injectable } from '@nestjs/common';
import { CASE_CATEGORY_LABELS, CASE_EVENT_LABELS, formatChinaDateTime, type CaseCategory, type CaseEventType } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { NotificationService } from '../notifications/notification.service.js';
import type { CaseEvent } from './case-parts.entity.js';
import type { Case } from './case.entity.js';

export const CASE_DETAIL_PAGE = '/packages/voice/pages/detail/index';

const label = (c: Case) => CASE_CATEGORY_LABELS[c.category as CaseCategory] ?? c.category;

/** What residents are told at each step (the category and the step; never who reported it). */
const PARTY_TEXT: Partial<Record<CaseEventType, (c: Case) => string>> = {
  accepted: (c) => `您关注的“${label(c)}”反映已受理，将在 ${c.resolveDueAt ? formatChinaDateTime(c.resolveDueAt) : '时限内'} 前办结。`,
  reassigned: (c) => `您关注的“${label(c)}”反映已转交给更合适的负责人办理。`,
  replied: (c) => `您关注的“${label(c)}”反映有了新的答复，请查看。`,
  resolved: (c) => `您关注的“${label(c)}”反映已办结，请查看处理结果并评价。`,
  reopened: (c) => `您关注的“${label(c)}”反映已重新办理。`,
  merged: (c) => `您关注的“${label(c)}”反映与另一件相同的反映合并办理，进展会继续通知您。`,
  refused: (c) => `您关注的“${label(c)}”反映不予受理，请查看原因。`,
  cannot_handle: (c) => `您关注的“${label(c)}”反映无法办理，请查看原因。`,
  withdrawn: (c) => `您关注的“${label(c)}”反映已由反映人撤回。`,
  escalated: (c) => `您关注的“${label(c)}”反映已升级督办。`,
  closed: (c) => `您关注的“${label(c)}”反映已关闭。`,
};

/** Notices written in the transaction of the step (the one outbox); one per person per step, by the event's id. */
@Injectable()
export class CaseNotices {
  constructor(private readonly notifications: NotificationService) {}

  /** The reporter and followers (all but the one who acted). */
  parties(em: EntityManager, c: Case, e: CaseEvent, followers: string[]): Promise<void> {
    const text = PARTY_TEXT[e.type];
    if (!text) return Promise.resolve();
    const to = [...new Set(followers)].filter((u) => u !== e.actorId);
    return this.notifications.enqueueMany(
      em,
      to.map((userId) => ({
        userId,
        kind: `case_${e.type}`,
        title: `反映进展：${CASE_EVENT_LABELS[e.type]}`,
        body: text(c),
        link: `${CASE_DETAIL_PAGE}?id=${c.id}`,
        dedupeKey: `case:${e.id}:${userId}`,
      })),
    );
  }

  /** Staff who must act: the handler on a new, reassigned or reopened case; organisers or the street on escalation. */
  staff(em: EntityManager, c: Case, e: CaseEvent, to: string[], urgent = false): Promise<void> {
    const due = c.dueAt ? `，请在 ${formatChinaDateTime(c.dueAt)} 前处理` : '';
    const titles: Partial<Record<CaseEventType, string>> = {
      filed: '有新的工单待受理',
      reassigned: '有工单转派给您',
      reopened: '居民不满意，工单已重新办理',
      due_soon: '工单即将到期',
      escalated: '工单超期，升级督办',
      merged_in: '工单合并了重复反映',
    };
    return this.notifications.enqueueMany(
      em,
      [...new Set(to)]
        .filter((u) => u !== e.actorId)
        .map((userId) => ({
          userId,
          kind: `case_staff_${e.type}`,
          title: titles[e.type] ?? `工单${CASE_EVENT_LABELS[e.type]}`,
          body: `“${label(c)}”工单${e.text ? `：${e.text.slice(0, 60)}` : ''}${due}。`,
          link: `${CASE_DETAIL_PAGE}?id=${c.id}`,
          urgent,
          dedupeKey: `case:${e.id}:${userId}`,
        })),
    );
  }
}
