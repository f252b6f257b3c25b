import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { User } from '../members/user.entity.js';
import { NotificationService } from '../notifications/notification.service.js';
import type { FamilyLink } from './family-link.entity.js';

export const FAMILY_PAGE = '/packages/family/pages/index/index';

/** Inbox notices about links, written in the transaction of the change (the one outbox). */
@Injectable()
export class FamilyNotices {
  constructor(private readonly notifications: NotificationService) {}

  /** The elder learns someone asked to help them, and where to say yes or no. */
  requested(em: EntityManager, link: FamilyLink, people: Map<string, User>): Promise<void> {
    const family = people.get(link.familyUserId)?.name ?? '';
    return this.notifications.enqueue(em, {
      userId: link.elderUserId,
      kind: 'family_requested',
      title: '家人请求绑定亲情账号',
      body: `${family} 请求绑定为您的家人。同意后，TA可以替您报名活动、取消报名、陪您签到和查看通知，每次都会留下记录。请在“我的—亲情账号”中确认。`,
      link: FAMILY_PAGE,
      urgent: true,
      dedupeKey: `family:${link.id}:requested`,
    });
  }

  /** Both sides learn the link is live (and, if witnessed, by whom). */
  linked(em: EntityManager, link: FamilyLink, people: Map<string, User>): Promise<void> {
    const elder = people.get(link.elderUserId)?.name ?? '';
    const family = people.get(link.familyUserId)?.name ?? '';
    const witness = link.consent === 'organiser_witnessed' ? `（由 ${people.get(link.confirmedBy ?? '')?.name ?? '社区工作人员'} 上门见证）` : '';
    return this.notifications.enqueueMany(em, [
      { userId: link.familyUserId, kind: 'family_linked', title: '亲情账号已绑定', body: `您已绑定 ${elder} 的亲情账号${witness}，可以替TA报名活动和查看通知。`, link: FAMILY_PAGE, dedupeKey: `family:${link.id}:linked:f` },
      { userId: link.elderUserId, kind: 'family_linked', title: '亲情账号已绑定', body: `${family} 已成为您的亲情账号${witness}。您随时可以在“我的—亲情账号”中查看TA替您办了什么，或解除绑定。`, link: FAMILY_PAGE, dedupeKey: `family:${link.id}:linked:e` },
    ]);
  }

  /** The side that did not end the link is told it ended. */
  revoked(em: EntityManager, link: FamilyLink, people: Map<string, User>): Promise<void> {
    const by = people.get(link.revokedBy ?? '')?.name ?? '';
    const elder = people.get(link.elderUserId)?.name ?? '';
    const family = people.get(link.familyUserId)?.name ?? '';
    const rows = [
      { userId: link.elderUserId, body: `您和 ${family} 的亲情账号已由 ${by} 解除，TA不能再替您办理。` },
      { userId: link.familyUserId, body: `您和 ${elder} 的亲情账号已由 ${by} 解除，您不能再替TA办理。` },
    ].filter((r) => r.userId !== link.revokedBy);
    return this.notifications.enqueueMany(
      em,
      rows.map((r) => ({ ...r, kind: 'family_revoked', title: '亲情账号已解除', link: FAMILY_PAGE, dedupeKey: `family:${link.id}:revoked:${r.userId}` })),
    );
  }
}
