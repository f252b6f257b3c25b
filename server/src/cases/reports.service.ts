import { Injectable } from '@nestjs/common';
import {
  CASE_SIMILAR_DAYS,
  reopenDecision,
  type CaseView,
  type FileReportRequest,
  type Page,
  type RateCaseRequest,
  type SimilarCasesQuery,
  type SimilarCaseView,
  CASE_RATING_LABELS,
} from '@honglin/shared';
import { LABELS as CONTENT_LABELS } from '../activities/activity-rating.service.js';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { User } from '../members/user.entity.js';
import { WechatClient } from '../wechat/wechat.client.js';
import { manages } from '../common/scope.js';
import { FamilyLinksService } from '../family/family-links.service.js';
import { assertCanRead, CASE_STAFF, relationTo, type CaseRelation } from './case-access.js';
import { CasePhotosRepository } from './case-photos.repository.js';
import { CasePlaces, type CasePlace } from './case-places.js';
import { CaseViews } from './case-views.js';
import { CaseWorkflow } from './case-workflow.js';
import type { Case } from './case.entity.js';
import { CasesRepository } from './cases.repository.js';

const DAY_MS = 86_400_000;
/** Reports per person per 24 hours: generous for a resident, a wall against flooding a grid worker. */
export const CASE_MAX_PER_DAY = 20;

/** The resident's side of the workflow: 我要反映, follow instead of filing twice, 我的反映, rate, reopen, withdraw. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly places: CasePlaces,
    private readonly workflow: CaseWorkflow,
    private readonly views: CaseViews,
    private readonly wechat: WechatClient,
    private readonly photos: CasePhotosRepository,
    private readonly family: FamilyLinksService,
    private readonly tx: TransactionRunner,
  ) {}

  /** The reporter's building when none is given. */
  async placeFor(user: User, buildingId?: string): Promise<CasePlace> {
    const nodeId = buildingId ?? user.residenceNodeId;
    if (!nodeId) throw new AppError('CASE_RESIDENCE_REQUIRED');
    return this.places.place(nodeId);
  }

  async similar(actor: Actor, q: SimilarCasesQuery): Promise<SimilarCaseView[]> {
    const me = await this.me(actor);
    const place = await this.placeFor(me, q.buildingId);
    if (!place.building) return [];
    return this.views.similar(await this.repo.similar(place.building.id, q.category, new Date(clock.nowMs() - CASE_SIMILAR_DAYS * DAY_MS)));
  }

  async file(actor: Actor, dto: FileReportRequest, now = clock.now()): Promise<CaseView> {
    const filer = await this.me(actor);
    // 代办: the resident is the reporter (told of every step); the filer is on the timeline.
    const me = dto.onBehalfOf && dto.onBehalfOf !== filer.id ? await this.proxyFor(actor, dto.onBehalfOf) : filer;
    const place = await this.placeFor(me, dto.buildingId);
    const rule = await this.places.rule(place.community.id, dto.category);
    if (dto.anonymous && !rule.anonymousAllowed) throw new AppError('CASE_ANONYMOUS_NOT_ALLOWED');
    await this.checkContent(me, dto.text);
    const handlerId = await this.places.handlerFor(place, dto.category);
    const filedById = me.id === filer.id ? null : filer.id;
    const c = await this.workflow.build({ kind: 'report', category: dto.category, text: dto.text, reporterId: me.id, filedById, anonymous: dto.anonymous, place, handlerId }, now);
    await this.tx.run(async (em) => {
      if ((await this.repo.countFiledSince(em, me.id, new Date(now.getTime() - DAY_MS))) >= CASE_MAX_PER_DAY) throw new AppError('CASE_TOO_MANY');
      await this.workflow.insert(em, c);
      if (!(await this.photos.attach(em, dto.photoIds, filer.id, c.id))) throw new AppError('CASE_PHOTO_UNKNOWN');
    });
    return this.views.one(c, filer.id, relationTo(actor, c, true));
  }

  /** 请网格员联系我: no typing, no category to choose; the grid worker calls back within a working day. */
  contactMe(actor: Actor): Promise<CaseView> {
    return this.file(actor, { category: 'other', text: '请网格员联系我（一键求助）', anonymous: false, photoIds: [] });
  }

  /** Joins an open report instead of filing a second one. */
  async follow(actor: Actor, id: string): Promise<CaseView> {
    const c = await this.repo.find(id);
    if (!c || c.kind !== 'report') throw AppError.notFound();
    const me = await this.me(actor);
    // Anyone signed in may join an open report: "nearby" crosses community borders, the similar-report
    // list (by building) is where the id comes from, and a follower never learns who reported.
    const r = relationTo(actor, c, await this.repo.isFollower(c.id, me.id));
    if (!['pending', 'accepted', 'in_progress'].includes(c.status)) throw new AppError('CASE_WRONG_STATUS');
    if (!r.follower) {
      await this.tx.run(async (em) => {
        const [added] = await this.repo.follow(em, c.id, [me.id]);
        if (added) await this.repo.event(em, { caseId: c.id, at: clock.now(), actorId: me.id, type: 'followed', text: null });
      });
    }
    return this.views.one(c, me.id, { ...r, follower: true });
  }

  async mine(actor: Actor, limit: number, cursor?: string): Promise<Page<CaseView>> {
    const rows = await this.repo.followedBy(actor.userId, limit + 1, cursor);
    const page = rows.slice(0, limit);
    const items = await this.views.many(page, actor.userId, new Map(page.map((c) => [c.id, relationTo(actor, c, true)])));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async get(actor: Actor, id: string): Promise<CaseView> {
    const { c, r } = await this.readable(actor, id);
    return this.views.one(c, actor.userId, r);
  }

  /** Once per round of handling: a reopen starts a new round. */
  async rate(actor: Actor, id: string, dto: RateCaseRequest): Promise<CaseView> {
    const { c, r } = await this.party(actor, id);
    if (c.status === 'rated' || c.status === 'closed') throw new AppError('CASE_ALREADY_RATED');
    const text = `${CASE_RATING_LABELS[dto.rating]}${dto.comment ? `：${dto.comment}` : ''}`;
    const moved = await this.workflow.step(c, { action: 'rate', actorId: actor.userId, event: 'rated', text, patch: { rating: dto.rating, dueAt: null, dueSoonAt: null, escalateAt: null } });
    return this.views.one(moved, actor.userId, r);
  }

  /** The first reopen goes back to the handler; the second escalates to the community instead. */
  async reopen(actor: Actor, id: string, reason: string): Promise<CaseView> {
    const { c, r } = await this.party(actor, id);
    const now = clock.now();
    if (c.status !== 'rated') throw new AppError('CASE_WRONG_STATUS');
    const decision = reopenDecision(c, now);
    if (decision === 'not_unsatisfied') throw new AppError('CASE_REOPEN_NOT_UNSATISFIED');
    if (decision === 'too_late') throw new AppError('CASE_REOPEN_TOO_LATE');
    if (decision === 'exhausted') throw new AppError('CASE_REOPEN_EXHAUSTED');
    const level = decision === 'escalate' ? Math.min(c.escalationLevel + 1, 2) : c.escalationLevel;
    const patch: Partial<Case> = { ...(await this.workflow.resolveClock(c, now, level)), rating: null, reopenCount: c.reopenCount + 1, escalationLevel: level };
    const up = decision === 'escalate' ? await this.places.escalationTo(c, level) : [];
    const moved = await this.workflow.step(
      c,
      {
        action: 'reopen',
        actorId: actor.userId,
        event: 'reopened',
        text: reason,
        patch,
        staff: [c.handlerId, ...up].filter((x): x is string => !!x),
        also: decision === 'escalate' ? (em, m) => this.workflow.record(em, m, { actorId: null, event: 'escalated', text: `第二次不满意，升级至${level >= 2 ? '街道' : '社区'}督办`, staff: up }, now) : undefined,
      },
      now,
    );
    return this.views.one(moved, actor.userId, r);
  }

  async withdraw(actor: Actor, id: string): Promise<CaseView> {
    const { c, r } = await this.party(actor, id);
    if (!r.reporter) throw AppError.notFound();
    const moved = await this.workflow.step(c, { action: 'withdraw', actorId: actor.userId, event: 'withdrawn', staff: c.handlerId ? [c.handlerId] : [], patch: { dueAt: null, dueSoonAt: null, escalateAt: null, closedAt: clock.now() } });
    return this.views.one(moved, actor.userId, r);
  }

  /** A family member with an active 亲情账号 link, or the grid staff over where the resident lives. */
  private async proxyFor(actor: Actor, residentId: string): Promise<User> {
    const [resident] = await this.repo.users([residentId]);
    if (!resident) throw new AppError('CASE_PROXY_NOT_ALLOWED');
    if (await this.family.requireActive(actor, residentId).then(() => true, () => false)) return resident;
    const [home] = resident.residenceNodeId ? await this.repo.nodes([resident.residenceNodeId]) : [];
    if (home && manages(actor, home.path, CASE_STAFF)) return resident;
    throw new AppError('CASE_PROXY_NOT_ALLOWED');
  }

  private async readable(actor: Actor, id: string): Promise<{ c: Case; r: CaseRelation }> {
    const c = await this.repo.find(id);
    if (!c) throw AppError.notFound();
    const r = relationTo(actor, c, await this.repo.isFollower(c.id, actor.userId));
    assertCanRead(actor, c, r);
    return { c, r };
  }

  /** Rating and reopening belong to the reporter and the followers. */
  private async party(actor: Actor, id: string): Promise<{ c: Case; r: CaseRelation }> {
    const found = await this.readable(actor, id);
    if (!found.r.reporter && !found.r.follower) throw AppError.notFound();
    return found;
  }

  private async me(actor: Actor): Promise<User> {
    const [me] = await this.repo.users([actor.userId]);
    if (!me) throw new AppError('UNAUTHENTICATED');
    return me;
  }

  /** Outside any transaction (network). Text WeChat could not judge is accepted: staff read it before anyone else. */
  private async checkContent(user: User, content: string): Promise<void> {
    const verdict = await this.wechat.msgSecCheck({ openid: user.openid ?? '', content, scene: 2 });
    if (verdict.suggest !== 'risky') return;
    const why = CONTENT_LABELS[verdict.label] ?? '不当内容';
    throw new AppError('CASE_REJECTED', [{ field: 'text', message: `内容涉及${why}` }]);
  }
}
