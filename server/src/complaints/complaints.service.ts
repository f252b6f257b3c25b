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
  type ComplaintStatus,
  type CaseStatus,
  type Role,
} from '@honglin/shared';
import { LABELS as CONTENT_LABELS } from '../activities/activity-rating.service.js';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { assertManager, assertManages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { User } from '../members/user.entity.js';
import { byKind, pathIds } from '../organizations/node-chain.js';
import type { OrgNode } from '../organizations/org-node.entity.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { WechatClient } from '../wechat/wechat.client.js';
import { ComplaintNotices } from './complaint-notices.js';
import type { Complaint } from './complaint.entity.js';
import { ComplaintsRepository, KIND } from './complaints.repository.js';
import { CasePlaces } from '../cases/case-places.js';
import { CaseWorkflow, type CaseStep } from '../cases/case-workflow.js';
import type { Case } from '../cases/case.entity.js';
import { clock } from '../common/clock.js';

/**
 * Who answers complaints: admins only. Organisers and grid workers are the people with daily access to
 * residents' data, so they are the ones most often complained about; a branch organiser's scope (the
 * Party tree) does not even cover where residents live.
 */
export const COMPLAINT_HANDLERS: readonly Role[] = ['admin'];

const DAY_MS = 86_400_000;
const STOP = { dueAt: null, dueSoonAt: null, escalateAt: null } as const;
/** The complaint channel's statuses, as its pages know them, from the case workflow's. */
const COMPLAINT_STATUS_OF: Partial<Record<CaseStatus, ComplaintStatus>> = { pending: 'submitted', resolved: 'answered', closed: 'closed', rated: 'closed', withdrawn: 'withdrawn' };
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
    private readonly places: CasePlaces,
    private readonly workflow: CaseWorkflow,
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
    const place = await this.places.communityPlace(community.id);
    const built = await this.workflow.build({ kind: KIND, category: dto.category, text: dto.text, reporterId: me.id, anonymous: dto.anonymous, place, handlerId: null }, now);
    // The complaint channel's own clock: calendar days (stricter than working days), reminded 48 hours ahead.
    const due = complaintDueAt(now);
    const c: Case = { ...built, acceptDueAt: due, dueAt: due, dueSoonAt: new Date(due.getTime() - COMPLAINT_DUE_SOON_HOURS * 3_600_000), escalateAt: due };
    const details: Complaint = { id: c.id, subject: dto.subject || null, accusedUserId: dto.accusedUserId ?? null };
    await this.tx.run(async (em) => {
      await this.repo.lockComplainant(em, me.id);
      if ((await this.repo.countOpen(em, me.id)) >= COMPLAINT_MAX_OPEN) throw new AppError('COMPLAINT_TOO_MANY_OPEN');
      if ((await this.repo.countFiledSince(em, me.id, new Date(now.getTime() - DAY_MS))) >= COMPLAINT_MAX_PER_DAY) {
        throw new AppError('RATE_LIMITED', undefined, '今天提交的投诉太多了，请明天再试；紧急情况请直接联系社区');
      }
      await this.workflow.insert(em, c);
      await this.repo.insertDetails(em, details);
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
    if (c.status !== 'pending') throw new AppError('COMPLAINT_NOT_WITHDRAWABLE');
    const accused = (await this.repo.details([c.id])).get(c.id)?.accusedUserId;
    // Told in the same transaction as the change: the admins who were notified of the filing.
    const admins = (await this.repo.adminsOver(c.orgPath)).filter((a) => a !== c.reporterId && a !== accused);
    const community = (await this.org.findNode(c.communityId))?.name ?? '';
    return this.move(c, { action: 'withdraw', actorId: actor.userId, event: 'withdrawn', patch: { ...STOP, closedAt: clock.now() }, also: (em, moved) => this.notices.withdrawn(em, moved, admins, community) }, 'COMPLAINT_NOT_WITHDRAWABLE');
  }

  async close(actor: Actor, id: string): Promise<ComplaintView> {
    const c = await this.own(actor, id);
    if (c.status === 'closed') return (await this.views([c]))[0];
    if (c.status === 'withdrawn') throw new AppError('CONFLICT');
    if (c.status !== 'resolved') throw new AppError('COMPLAINT_NOT_ANSWERED');
    return this.move(c, { action: 'close', actorId: actor.userId, event: 'closed', patch: { closedAt: clock.now() } }, 'COMPLAINT_NOT_ANSWERED');
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
    const accused = (await this.repo.details([c.id])).get(c.id)?.accusedUserId;
    if (c.reporterId === actor.userId || accused === actor.userId) throw AppError.notFound();
    if (c.status !== 'pending') throw new AppError('COMPLAINT_NOT_PENDING');
    const now = clock.now();
    const moved = await this.move(c, { action: 'resolve', actorId: actor.userId, event: 'resolved', text, patch: { ...STOP, acceptedAt: now, resolvedAt: now }, also: (em, m) => this.notices.answered(em, m) }, 'COMPLAINT_NOT_PENDING');
    return (await this.managedViews([(await this.repo.find(moved.id))!]))[0];
  }

  /** The complainant's own complaint; anyone else's simply does not exist for them. */
  private async own(actor: Actor, id: string): Promise<Case> {
    const c = await this.repo.find(id);
    if (!c || c.reporterId !== actor.userId) throw AppError.notFound();
    return c;
  }

  /** A step on the one workflow; a concurrent change (or a wrong status) is the complaint channel's refusal. */
  private async move(c: Case, step: CaseStep, refusal: 'COMPLAINT_NOT_WITHDRAWABLE' | 'COMPLAINT_NOT_ANSWERED' | 'COMPLAINT_NOT_PENDING'): Promise<ComplaintView> {
    try {
      return (await this.views([await this.workflow.step(c, step)]))[0];
    } catch (e) {
      if (e instanceof AppError && e.code === 'CASE_WRONG_STATUS') throw new AppError(refusal);
      throw e;
    }
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

  private async views(rows: Case[], now = clock.now()): Promise<ComplaintView[]> {
    const ids = rows.map((c) => c.id);
    const [details, answers] = await Promise.all([this.repo.details(ids), this.repo.answers(ids)]);
    const people = new Map(
      (await this.repo.users([...details.values()].map((d) => d.accusedUserId).concat([...answers.values()].map((a) => a.actorId)).filter((x): x is string => !!x))).map((u) => [u.id, u]),
    );
    return rows.map((c) => {
      const d = details.get(c.id);
      const a = answers.get(c.id);
      const status = COMPLAINT_STATUS_OF[c.status] ?? 'submitted';
      return {
        id: c.id,
        category: c.category as ComplaintView['category'],
        status,
        text: c.text,
        subject: d?.subject ?? null,
        accused: d?.accusedUserId ? { id: d.accusedUserId, name: people.get(d.accusedUserId)?.name ?? '' } : null,
        anonymous: Boolean(c.anonymous),
        createdAt: c.createdAt.toISOString(),
        dueAt: c.acceptDueAt.toISOString(),
        overdue: status === 'submitted' && c.acceptDueAt <= now,
        answer: a?.text ?? null,
        answeredBy: a?.actorId ? { name: people.get(a.actorId)?.name ?? '' } : null,
        answeredAt: a?.at.toISOString() ?? null,
        closedAt: status === 'closed' ? (c.closedAt?.toISOString() ?? null) : null,
        withdrawnAt: status === 'withdrawn' ? (c.closedAt?.toISOString() ?? null) : null,
      };
    });
  }

  private async managedViews(rows: Case[], now = clock.now()): Promise<ManagedComplaintView[]> {
    const base = await this.views(rows, now);
    const people = new Map((await this.repo.users(rows.map((c) => c.reporterId))).map((u) => [u.id, u]));
    const communities = new Map((await this.org.findNodes([...new Set(rows.map((c) => c.communityId))])).map((n) => [n.id, n.name]));
    const soon = new Date(now.getTime() + COMPLAINT_DUE_SOON_HOURS * 3_600_000);
    return rows.map((c, i) => {
      const who = people.get(c.reporterId);
      return {
        ...base[i],
        complainant: { id: c.reporterId, name: who?.name ?? '', phoneMasked: who?.phoneCipher ? maskPhone(this.crypto.decrypt(who.phoneCipher)) : null },
        community: { id: c.communityId, name: communities.get(c.communityId) ?? '' },
        dueSoon: c.status === 'pending' && c.acceptDueAt > now && c.acceptDueAt <= soon,
      };
    });
  }
}
