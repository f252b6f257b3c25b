import { Injectable } from '@nestjs/common';
import { isCaseOpen, type CaseQueueQuery, type CaseView, type Page } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { manages, managedPaths } from '../common/scope.js';
import { assertCanHandle, assertCanRead, CASE_STAFF, relationTo, type CaseRelation } from './case-access.js';
import { UserRepository } from '../members/user.repository.js';
import { CaseViews } from './case-views.js';
import { CaseWorkflow } from './case-workflow.js';
import type { Case } from './case.entity.js';
import { CasesRepository } from './cases.repository.js';

const STOP_CLOCK = { dueAt: null, dueSoonAt: null, escalateAt: null } as const;

/** The handler's side: queue, accept, 转派, reply, 办结, the side exits and merging duplicates. */
@Injectable()
export class CaseHandlingService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly workflow: CaseWorkflow,
    private readonly views: CaseViews,
    private readonly users: UserRepository,
  ) {}

  /** "mine": cases assigned to the caller; "community": every case under the caller's supervised places. */
  async queue(actor: Actor, q: CaseQueueQuery): Promise<Page<CaseView>> {
    // Handlers are staff (routes and reassignments only name staff): residents have no queue.
    if (!actor.grants.some((g) => CASE_STAFF.includes(g.role))) throw new AppError('FORBIDDEN');
    const open = q.open === 'true';
    const rows =
      q.scope === 'mine'
        ? await this.repo.queue({ handlerId: actor.userId }, open, q.limit + 1, q.cursor)
        : await this.repo.queue({ paths: this.supervisedPaths(actor) }, open, q.limit + 1, q.cursor);
    const page = rows.slice(0, q.limit);
    const items = await this.views.many(page, actor.userId, new Map(page.map((c) => [c.id, relationTo(actor, c, false)])));
    return { items, nextCursor: rows.length > q.limit ? items[items.length - 1].id : null };
  }

  async accept(actor: Actor, id: string): Promise<CaseView> {
    const { c, r } = await this.handled(actor, id);
    const now = clock.now();
    return this.done(actor, r, await this.workflow.step(c, { action: 'accept', actorId: actor.userId, event: 'accepted', patch: { acceptedAt: now, ...(await this.workflow.resolveClock(c, now)) } }, now));
  }

  /** To another person who could handle the place (its staff or the grid's contact); the deadline stays. */
  async reassign(actor: Actor, id: string, toUserId: string, reason: string): Promise<CaseView> {
    const { c, r } = await this.handled(actor, id);
    if (toUserId === c.handlerId || !(await this.canBeHandler(c, toUserId))) throw new AppError('CASE_HANDLER_INVALID');
    return this.done(actor, r, await this.workflow.step(c, { action: 'reassign', actorId: actor.userId, event: 'reassigned', text: reason, patch: { handlerId: toUserId }, staff: [toUserId] }));
  }

  /** A reply the reporter sees; the first one after acceptance marks the case 处理中. */
  async reply(actor: Actor, id: string, text: string): Promise<CaseView> {
    const { c, r } = await this.handled(actor, id);
    return this.done(actor, r, await this.workflow.step(c, { action: 'reply', actorId: actor.userId, event: 'replied', text }));
  }

  async resolve(actor: Actor, id: string, text: string): Promise<CaseView> {
    const { c, r } = await this.handled(actor, id);
    return this.done(actor, r, await this.workflow.step(c, { action: 'resolve', actorId: actor.userId, event: 'resolved', text, patch: { ...STOP_CLOCK, resolvedAt: clock.now() } }));
  }

  /** 不予受理 (before acceptance) or 无法办理 (after it), each with the reason the parties read. */
  async exit(actor: Actor, id: string, how: 'refused' | 'cannot_handle', reason: string): Promise<CaseView> {
    const { c, r } = await this.handled(actor, id);
    const action = how === 'refused' ? 'refuse' : 'cannot_handle';
    return this.done(actor, r, await this.workflow.step(c, { action, actorId: actor.userId, event: how, text: reason, patch: { ...STOP_CLOCK, exitReason: reason, closedAt: clock.now() } }));
  }

  /** A duplicate goes into an open case of the same community; its followers follow the target from now on. */
  async merge(actor: Actor, id: string, intoId: string): Promise<CaseView> {
    if (id === intoId) throw new AppError('CASE_MERGE_SELF');
    const { c, r } = await this.handled(actor, id);
    const target = await this.repo.find(intoId);
    if (!target || target.communityId !== c.communityId) throw AppError.notFound();
    if (!isCaseOpen(target.status)) throw new AppError('CASE_MERGE_TARGET_CLOSED');
    const now = clock.now();
    const moved = await this.workflow.step(
      c,
      {
        action: 'merge',
        actorId: actor.userId,
        event: 'merged',
        text: null,
        patch: { ...STOP_CLOCK, mergedIntoId: target.id, closedAt: now },
        also: async (em) => {
          // Re-check the target inside the transaction: it may have closed since it was read.
          const fresh = await this.repo.find(target.id, em);
          if (!fresh || !isCaseOpen(fresh.status)) throw new AppError('CASE_MERGE_TARGET_CLOSED');
          const added = await this.repo.follow(em, target.id, await this.repo.followers(c.id, em));
          await this.workflow.record(em, fresh, { actorId: actor.userId, event: 'merged_in', text: `合并了一件重复反映，新增${added.length}位关注人`, staff: fresh.handlerId ? [fresh.handlerId] : [] }, now);
        },
      },
      now,
    );
    return this.done(actor, r, moved);
  }

  private async handled(actor: Actor, id: string): Promise<{ c: Case; r: CaseRelation }> {
    const c = await this.repo.find(id);
    if (!c) throw AppError.notFound();
    const r = relationTo(actor, c, await this.repo.isFollower(c.id, actor.userId));
    assertCanHandle(actor, c, r);
    return { c, r };
  }

  private async done(actor: Actor, r: CaseRelation, c: Case): Promise<CaseView> {
    assertCanRead(actor, c, r);
    return this.views.one(c, actor.userId, r);
  }

  /** Grid staff over the place, its grid's contact, or a supervisor of its community. */
  private async canBeHandler(c: Case, userId: string): Promise<boolean> {
    const [grid] = c.gridId ? await this.repo.nodes([c.gridId]) : [];
    if (grid?.contactUserId === userId) return true;
    const state = await this.users.authState(userId);
    return !!state && !state.disabled && !state.deleted && manages({ userId, grants: state.grants }, c.orgPath, CASE_STAFF);
  }

  private supervisedPaths(actor: Actor): string[] {
    const all = managedPaths(actor, CASE_STAFF);
    if (!all.length) throw new AppError('FORBIDDEN');
    return all;
  }
}
