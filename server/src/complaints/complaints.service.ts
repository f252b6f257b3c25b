import type { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import {
  COMPLAINT_DUE_SOON_HOURS,
  COMPLAINT_MAX_OPEN,
  COMPLAINT_MAX_PER_DAY,
  complaintDueAt,
  maskPhone,
  type ComplaintView,
  type FileComplaintRequest,
  type ManagedComplaintView,
  type ManageComplaintsQuery,
  type Page,
  type Role,
} from '@honglin/shared';
import { LABELS as CONTENT_LABELS } from '../activities/activity-rating.service.js';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { assertManager, assertManages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { User } from '../members/user.entity.js';
import { byKind, pathIds } from '../organizations/node-chain.js';
import type { OrgNode } from '../organizations/org-node.entity.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { WechatClient } from '../wechat/wechat.client.js';
import { ComplaintNotices } from './complaint-notices.js';
import type { Complaint } from './complaint.entity.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { clock } from '../common/clock.js';

/**
 * Who answers complaints: admins only. Organisers and grid workers are the people with daily access to
 * residents' data, so they are the ones most often complained about; a branch organiser's scope (the
 * Party tree) does not even cover where residents live.
 */
export const COMPLAINT_HANDLERS: readonly Role[] = ['admin'];

const DAY_MS = 86_400_000;
const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', [{ field, message }]);

/** 举报投诉: a resident files, an admin above their community answers by the deadline, the resident accepts or withdraws. */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly repo: ComplaintsRepository,
    private readonly org: OrgRepository,
    private readonly notices: ComplaintNotices,
    private readonly wechat: WechatClient,
    private readonly crypto: FieldCrypto,
    private readonly tx: TransactionRunner,
  ) {}

  async file(actor: Actor, dto: FileComplaintRequest): Promise<ComplaintView> {
    const [me] = await this.repo.users([actor.userId]);
    if (!me) throw new AppError('UNAUTHENTICATED');
    const community = await this.communityOf(me);
    if (!community) throw new AppError('COMPLAINT_RESIDENCE_REQUIRED');
    if (dto.accusedUserId === me.id) throw invalid('accusedUserId', '不能投诉自己');
    if (dto.accusedUserId && !(await this.repo.users([dto.accusedUserId])).length) throw invalid('accusedUserId', '没有找到这个人，请核对，或只在“被投诉对象”里写明');
    await this.checkContent(me, [dto.subject, dto.text].filter(Boolean).join('\n'));
    // Neither the complainant (an admin may complain too) nor the accused is asked to handle it.
    const admins = (await this.repo.adminsOver(community.path)).filter((id) => id !== me.id && id !== dto.accusedUserId);
    const now = clock.now();
    const c: Complaint = {
      id: newId(),
      complainantId: me.id,
      category: dto.category,
      text: dto.text,
      subject: dto.subject || null,
      accusedUserId: dto.accusedUserId ?? null,
      anonymous: dto.anonymous,
      status: 'submitted',
      communityId: community.id,
      orgPath: community.path,
      dueAt: complaintDueAt(now),
      answer: null,
      answeredBy: null,
      answeredAt: null,
      closedAt: null,
      withdrawnAt: null,
      dueSoonRemindedAt: null,
      overdueRemindedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.tx.run(async (em) => {
      await this.repo.lockComplainant(em, me.id);
      if ((await this.repo.countOpen(em, me.id)) >= COMPLAINT_MAX_OPEN) throw new AppError('COMPLAINT_TOO_MANY_OPEN');
      if ((await this.repo.countFiledSince(em, me.id, new Date(now.getTime() - DAY_MS))) >= COMPLAINT_MAX_PER_DAY) {
        throw new AppError('RATE_LIMITED', undefined, '今天提交的投诉太多了，请明天再试；紧急情况请直接联系社区');
      }
      await this.repo.insert(em, c);
      await this.notices.filed(em, c, admins, community.name);
    });
    return (await this.views([c]))[0];
  }

  async mine(actor: Actor, limit: number, cursor?: string): Promise<Page<ComplaintView>> {
    const rows = await this.repo.mine(actor.userId, limit + 1, cursor);
    const items = await this.views(rows.slice(0, limit));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async get(actor: Actor, id: string): Promise<ComplaintView> {
    return (await this.views([await this.own(actor, id)]))[0];
  }

  /** Only while unanswered: once answered, the complainant accepts it (close) instead. */
  async withdraw(actor: Actor, id: string): Promise<ComplaintView> {
    const c = await this.own(actor, id);
    if (c.status === 'withdrawn') return (await this.views([c]))[0];
    // Told in the same transaction as the change: the admins who were notified of the filing.
    const admins = (await this.repo.adminsOver(c.orgPath)).filter((id) => id !== c.complainantId && id !== c.accusedUserId);
    const community = (await this.org.findNode(c.communityId))?.name ?? '';
    return this.move(c, 'submitted', { status: 'withdrawn', withdrawnAt: clock.now() }, 'COMPLAINT_NOT_WITHDRAWABLE', (em, moved) => this.notices.withdrawn(em, moved, admins, community));
  }

  async close(actor: Actor, id: string): Promise<ComplaintView> {
    const c = await this.own(actor, id);
    if (c.status === 'closed') return (await this.views([c]))[0];
    if (c.status === 'withdrawn') throw new AppError('CONFLICT');
    return this.move(c, 'answered', { status: 'closed', closedAt: clock.now() }, 'COMPLAINT_NOT_ANSWERED');
  }

  async manage(actor: Actor, q: ManageComplaintsQuery): Promise<Page<ManagedComplaintView>> {
    const paths = assertManager(actor, COMPLAINT_HANDLERS);
    const rows = await this.repo.managed(paths, q.status, actor.userId, q.limit + 1, q.cursor);
    const items = await this.managedViews(rows.slice(0, q.limit));
    return { items, nextCursor: rows.length > q.limit ? items[items.length - 1].id : null };
  }

  async answer(actor: Actor, id: string, text: string): Promise<ManagedComplaintView> {
    assertManager(actor, COMPLAINT_HANDLERS);
    const c = await this.repo.find(id);
    if (!c) throw AppError.notFound();
    assertManages(actor, c.orgPath, COMPLAINT_HANDLERS);
    // Not in their list, so not theirs to answer: nobody judges a complaint they filed or that names them.
    if (c.complainantId === actor.userId || c.accusedUserId === actor.userId) throw AppError.notFound();
    if (c.status !== 'submitted') throw new AppError('COMPLAINT_NOT_PENDING');
    const patch = { status: 'answered' as const, answer: text, answeredBy: actor.userId, answeredAt: clock.now() };
    await this.tx.run(async (em) => {
      if (!(await this.repo.transition(em, c.id, 'submitted', patch))) throw new AppError('COMPLAINT_NOT_PENDING');
      await this.notices.answered(em, { ...c, ...patch });
    });
    return (await this.managedViews([{ ...c, ...patch }]))[0];
  }

  /** The complainant's own complaint; anyone else's simply does not exist for them. */
  private async own(actor: Actor, id: string): Promise<Complaint> {
    const c = await this.repo.find(id);
    if (!c || c.complainantId !== actor.userId) throw AppError.notFound();
    return c;
  }

  private async move(
    c: Complaint,
    from: Complaint['status'],
    patch: Partial<Complaint>,
    refusal: 'COMPLAINT_NOT_WITHDRAWABLE' | 'COMPLAINT_NOT_ANSWERED',
    then?: (em: EntityManager, moved: Complaint) => Promise<void>,
  ): Promise<ComplaintView> {
    if (c.status !== from) throw new AppError(refusal);
    await this.tx.run(async (em) => {
      if (!(await this.repo.transition(em, c.id, from, patch))) throw new AppError(refusal);
      await then?.(em, { ...c, ...patch });
    });
    return (await this.views([{ ...c, ...patch }]))[0];
  }

  /** The community above the person's home (building, grid or community), or null without one. */
  private async communityOf(user: User): Promise<OrgNode | null> {
    const home = user.residenceNodeId ? await this.org.findNode(user.residenceNodeId) : null;
    if (!home) return null;
    return byKind(await this.org.findNodes(pathIds(home.path))).community ?? null;
  }

  /**
   * Outside any transaction (network). Risky text is refused with WeChat's reason. Text WeChat could
   * not judge is accepted: unlike a comment it is never published, only read by the admins.
   */
  private async checkContent(user: User, content: string): Promise<void> {
    const verdict = await this.wechat.msgSecCheck({ openid: user.openid ?? '', content, scene: 2 });
    if (verdict.suggest !== 'risky') return;
    const why = CONTENT_LABELS[verdict.label] ?? '不当内容';
    throw new AppError('COMPLAINT_REJECTED', [{ field: 'text', message: `内容涉及${why}` }], `投诉内容涉及${why}，未通过内容安全检查，请换一种说法后再提交`);
  }

  private async views(rows: Complaint[], now = clock.now()): Promise<ComplaintView[]> {
    const people = new Map((await this.repo.users(rows.flatMap((c) => [c.accusedUserId, c.answeredBy]).filter((x): x is string => !!x))).map((u) => [u.id, u]));
    return rows.map((c) => ({
      id: c.id,
      category: c.category,
      status: c.status,
      text: c.text,
      subject: c.subject,
      accused: c.accusedUserId ? { id: c.accusedUserId, name: people.get(c.accusedUserId)?.name ?? '' } : null,
      anonymous: Boolean(c.anonymous),
      createdAt: c.createdAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      overdue: c.status === 'submitted' && c.dueAt <= now,
      answer: c.answer,
      answeredBy: c.answeredBy ? { name: people.get(c.answeredBy)?.name ?? '' } : null,
      answeredAt: c.answeredAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    }));
  }

  private async managedViews(rows: Complaint[], now = clock.now()): Promise<ManagedComplaintView[]> {
    const base = await this.views(rows, now);
    const people = new Map((await this.repo.users(rows.map((c) => c.complainantId))).map((u) => [u.id, u]));
    const communities = new Map((await this.org.findNodes([...new Set(rows.map((c) => c.communityId))])).map((n) => [n.id, n.name]));
    const soon = new Date(now.getTime() + COMPLAINT_DUE_SOON_HOURS * 3_600_000);
    return rows.map((c, i) => {
      const who = people.get(c.complainantId);
      return {
        ...base[i],
        complainant: { id: c.complainantId, name: who?.name ?? '', phoneMasked: who?.phoneCipher ? maskPhone(this.crypto.decrypt(who.phoneCipher)) : null },
        community: { id: c.communityId, name: communities.get(c.communityId) ?? '' },
        dueSoon: c.status === 'submitted' && c.dueAt > now && c.dueAt <= soon,
      };
    });
  }
}
