import { Injectable } from '@nestjs/common';
import { describeEligibility, type ActivityDetail, type ActivityHostKind, type ActivityPlace, type Eligibility, type ActivityInput, type ActivityListQuery, type ActivitySummary, type Companion, type EnrollmentView, type MyEnrollmentView, type OrganiserEnrolRequest, type Page } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertActsOn, assertManager, assertManages, manages, withinScope } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ProxyActions } from '../family/proxy-actions.service.js';
import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import { EnrollmentService, type EnteredBy } from '../enrollment/enrollment.service.js';
import type { Enrollment } from '../enrollment/enrollment.entity.js';
import type { EnrollmentSlot } from '../enrollment/enrollment-slot.entity.js';
import { HouseholdPeople } from '../households/household-people.js';
import { ActivitiesRepository } from './activities.repository.js';
import type { Activity } from './activity.entity.js';
import { clock } from '../common/clock.js';
import type { OrgNode } from '../organizations/org-node.entity.js';

export const OWNER = 'activity';
const HOUR = 3_600_000;
export const activityLink = (id: string) => `/packages/activities/pages/detail/index?id=${id}`;

/** Publishing, browsing and signing up for neighbourhood activities; places and queues are the enrollment engine's. */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly repo: ActivitiesRepository,
    private readonly engine: EnrollmentService,
    private readonly enrollments: EnrollmentRepository,
    private readonly tx: TransactionRunner,
    private readonly proxies: ProxyActions,
    private readonly household: HouseholdPeople,
  ) {}

  async list(actor: Actor, q: ActivityListQuery, organiser = false): Promise<Page<ActivitySummary>> {
    const scopePaths = organiser ? assertManager(actor) : undefined;
    const cursor = decodeCursor(q.cursor);
    // A Party member browsing their community also sees what their own branch publishes for its members.
    const alsoHosts = q.communityId && !organiser ? await this.repo.partyNodeIdsOf(actor.userId) : undefined;
    const rows = await this.repo.list({ ...q, alsoHosts, includePast: organiser || q.includePast === 'true', scopePaths, cursor, limit: q.limit + 1 });
    const items = await this.summaries(rows.slice(0, q.limit));
    const last = rows.length > q.limit ? rows[q.limit - 1] : null;
    return { items, nextCursor: last ? `${last.startsAt.getTime()}_${last.id}` : null };
  }

  async detail(actor: Actor, id: string): Promise<ActivityDetail> {
    const a = await this.require(id);
    const slot = (await this.enrollments.slot(a.slotId))!;
    const [summary] = await this.summaries([a], [slot]);
    const mine = await this.enrollments.enrollmentOf(slot.id, actor.userId);
    const named = [...(slot.eligibility?.residenceNodeIds ?? []), ...(slot.eligibility?.partyNodeIds ?? [])];
    const names = Object.fromEntries((await this.repo.nodes(named)).map((n) => [n.id, n.name]));
    return {
      ...summary,
      description: a.description,
      signupOpensAt: slot.signupOpensAt.toISOString(),
      signupClosesAt: slot.signupClosesAt.toISOString(),
      cancelDeadline: slot.cancelDeadline.toISOString(),
      reserved: slot.reserved,
      maxCompanions: slot.maxCompanions,
      needsApproval: slot.needsApproval,
      eligibility: slot.eligibility,
      eligibilityText: describeEligibility(slot.eligibility, names),
      rating: await this.repo.ratingSummary(a.id),
      mine: mine ? { ...(await this.engine.view(mine)), rated: (await this.repo.ratingOf(a.id, actor.userId)) !== null } : null,
      canManage: manages(actor, a.communityPath),
    };
  }

  /**
   * Publishing: a community's organiser for its residents, a Party branch's organiser for the branch's
   * members (主题党日 volunteering and the like). The host node is kept in communityId/communityPath, so
   * the one scope rule (the caller manages the host's subtree) covers both.
   */
  async create(actor: Actor, input: ActivityInput): Promise<ActivityDetail> {
    const host = await this.repo.host(input.communityId);
    if (!host) throw new AppError('ACTIVITY_COMMUNITY_INVALID');
    assertActsOn(actor, host.path, 'ACTIVITY_PLACE_NOT_YOURS');
    const terms = slotTerms({ ...input, eligibility: hostEligibility(host, input.eligibility) });
    const id = newId();
    await this.tx.run(async (em) => {
      const slot = await this.engine.createSlot(em, { ownerType: OWNER, ownerId: id, nodeId: host.id, nodePath: host.path, link: activityLink(id), ...terms });
      await this.repo.insert(em, { id, ...activityFields(input), communityId: host.id, communityPath: host.path, slotId: slot.id, status: 'published', createdBy: actor.userId });
    });
    return this.detail(actor, id);
  }

  /** Where the caller may publish: the communities and Party branches their roles reach, communities first. */
  async places(actor: Actor): Promise<ActivityPlace[]> {
    return withinScope(actor, await this.repo.hosts()).map((n) => ({ id: n.id, name: n.name, kind: hostKindOf(n) }));
  }

  async update(actor: Actor, id: string, input: ActivityInput): Promise<ActivityDetail> {
    const a = await this.managed(actor, id);
    if (a.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    if (input.communityId !== a.communityId) throw new AppError('VALIDATION_FAILED', [{ field: 'communityId', message: '活动发布后不能更换发布单位' }]);
    const host = (await this.repo.host(a.communityId))!;
    await this.tx.run(async (em) => {
      await this.repo.update(em, id, activityFields(input));
      await this.engine.updateSlot(em, a.slotId, slotTerms({ ...input, eligibility: hostEligibility(host, input.eligibility) }));
    });
    return this.detail(actor, id);
  }

  /** The same activity `days` later (next week's class): times and window shift, places start empty. */
  async duplicate(actor: Actor, id: string, days: number): Promise<ActivityDetail> {
    const a = await this.managed(actor, id);
    const slot = (await this.enrollments.slot(a.slotId))!;
    const shift = (d: Date) => new Date(d.getTime() + days * 24 * HOUR).toISOString();
    const opens = new Date(Math.max(clock.nowMs(), slot.signupOpensAt.getTime() + days * 24 * HOUR)).toISOString();
    return this.create(actor, {
      communityId: a.communityId,
      title: a.title,
      category: a.category,
      description: a.description,
      coverImage: a.coverImage,
      place: a.place,
      startsAt: shift(a.startsAt),
      endsAt: shift(a.endsAt),
      signupOpensAt: opens,
      signupClosesAt: shift(slot.signupClosesAt),
      cancelDeadline: shift(slot.cancelDeadline),
      capacity: slot.capacity,
      reserved: slot.reserved,
      maxCompanions: slot.maxCompanions,
      needsApproval: slot.needsApproval,
      eligibility: slot.eligibility,
    });
  }

  async signUp(actor: Actor, id: string, companions: Companion[]): Promise<EnrollmentView> {
    return this.engine.signUpOwn({ type: OWNER, id }, actor.userId, companions);
  }

  /** The one sign-up path, in the caller's transaction: the person themselves, or a family member for them (`onBehalf`). */
  signUpIn(em: EntityManager, id: string, userId: string, companions: Companion[], onBehalf?: EnteredBy): Promise<Enrollment> {
    return this.engine.signUpFor(em, { type: OWNER, id }, userId, companions, onBehalf);
  }

  async organiserEnrol(actor: Actor, id: string, dto: OrganiserEnrolRequest): Promise<EnrollmentView> {
    const a = await this.managed(actor, id);
    if (!(await this.enrollments.user(dto.userId))) throw AppError.notFound();
    const acting = { actorUserId: actor.userId, subjectUserId: dto.userId, consent: this.proxies.organiser(actor, a.communityPath, dto.reason) };
    return this.engine.view(
      await this.tx.run(async (em) => {
        const e = await this.engine.organiserEnrol(em, a.slotId, dto.userId, dto.companions, { userId: actor.userId, reason: dto.reason });
        await this.proxies.record(em, acting, { action: 'activity_signup', targetType: 'enrollment', targetId: e.id, targetTitle: a.title });
        return e;
      }),
    );
  }

  /** 我的活动: every enrollment of the caller on an activity, newest first. */
  mine(actor: Actor): Promise<MyEnrollmentView[]> {
    return this.mineOf(actor.userId);
  }

  /** Someone's 我的活动 (their own, or an older resident's seen by a linked family member), saying who signed them up when it was not them. */
  async mineOf(userId: string): Promise<MyEnrollmentView[]> {
    const mine = await this.enrollments.mine(userId);
    const activities = await this.repo.findBySlots(mine.map((e) => e.slotId));
    const byslot = new Map(activities.map((a) => [a.slotId, a]));
    const summaries = new Map((await this.summaries(activities)).map((s) => [s.id, s]));
    const rated = await this.repo.ratedBy(userId, activities.map((a) => a.id));
    const entered = mine.filter((e) => e.enteredBy && e.enteredBy !== userId);
    const names = new Map((await this.enrollments.users(entered.map((e) => e.enteredBy!))).map((u) => [u.id, u.name]));
    const consents = await this.proxies.signUpConsents(entered.map((e) => e.id));
    const out: MyEnrollmentView[] = [];
    for (const e of mine) {
      const a = byslot.get(e.slotId);
      if (!a) continue;
      const by = e.enteredBy && e.enteredBy !== userId ? e.enteredBy : null;
      // Family only when the latest sign-up record is this very person acting on a family link.
      const family = by !== null && consents.get(e.id)?.actorUserId === by && consents.get(e.id)?.kind === 'family_link';
      const enteredBy = by ? { name: names.get(by) ?? '', as: family ? ('family' as const) : ('organiser' as const) } : null;
      out.push({ ...(await this.engine.view(e)), activity: summaries.get(a.id)!, rated: rated.has(a.id), enteredBy });
    }
    return out;
  }

  /** One-tap companions: household members from the ledger (collect once), then people brought before. */
  async companions(actor: Actor): Promise<Companion[]> {
    const seen = new Map<string, Companion>();
    for (const c of await this.household.coMembers(actor.userId)) if (!seen.has(c.name)) seen.set(c.name, c);
    for (const e of await this.enrollments.mine(actor.userId)) for (const c of e.companions) if (!seen.has(c.name)) seen.set(c.name, c);
    return [...seen.values()].slice(0, 10);
  }

  async communities(): Promise<{ id: string; name: string }[]> {
    return (await this.repo.communities()).map((c) => ({ id: c.id, name: c.name }));
  }

  /** Calls the activity off: it leaves the lists, and everyone signed up or waiting is told why. */
  async cancel(actor: Actor, id: string, reason: string): Promise<ActivityDetail> {
    const a = await this.managed(actor, id);
    if (a.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    await this.tx.run(async (em) => {
      await this.engine.cancelSlot(em, a.slotId, reason);
      await this.repo.update(em, a.id, { status: 'cancelled' });
    });
    return this.detail(actor, id);
  }

  /** The cover picture an organiser uploaded (stored by ActivityCovers), shown on the list and the detail page. */
  async setCover(actor: Actor, id: string, coverImage: string): Promise<ActivityDetail> {
    const a = await this.managed(actor, id);
    if (a.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    await this.tx.run((em) => this.repo.update(em, id, { coverImage }));
    return this.detail(actor, id);
  }

  async managed(actor: Actor, id: string): Promise<Activity> {
    const a = await this.require(id);
    assertManages(actor, a.communityPath);
    return a;
  }

  async require(id: string, em?: EntityManager): Promise<Activity> {
    const a = await this.repo.find(id, em);
    if (!a) throw AppError.notFound();
    return a;
  }

  async summaries(rows: Activity[], known: EnrollmentSlot[] = []): Promise<ActivitySummary[]> {
    const slots = known.length ? known : await this.enrollments.slotsByOwners(OWNER, rows.map((a) => a.id));
    const bySlot = new Map(slots.map((s) => [s.id, s]));
    const waiting = await this.enrollments.waitlistedCount(slots.map((s) => s.id));
    const hosts = new Map((await this.repo.nodes([...new Set(rows.map((a) => a.communityId))])).map((n) => [n.id, n]));
    return rows.map((a) => {
      const slot = bySlot.get(a.slotId)!;
      const counters = this.engine.counters(slot, waiting.get(slot.id) ?? 0);
      return {
        id: a.id,
        title: a.title,
        category: a.category,
        coverImage: a.coverImage,
        place: a.place,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
        community: { id: a.communityId, name: hosts.get(a.communityId)?.name ?? '' },
        hostKind: hostKindOf(hosts.get(a.communityId)),
        capacity: slot.capacity,
        placesLeft: counters.placesLeft,
        waitlisted: counters.waitlisted,
        status: a.status,
      };
    });
  }
}

function hostKindOf(node: Pick<OrgNode, 'kind'> | undefined): ActivityHostKind {
  return node?.kind === 'branch' ? 'branch' : 'community';
}

/** A branch publishes for its own members: whatever else the form says, only they may sign up. */
function hostEligibility(host: OrgNode, rule: Eligibility | null): Eligibility | null {
  if (hostKindOf(host) !== 'branch') return rule;
  return { ...(rule ?? {}), partyNodeIds: [host.id] };
}

function activityFields(input: ActivityInput) {
  return {
    title: input.title,
    category: input.category,
    description: input.description,
    coverImage: input.coverImage,
    place: input.place,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
  };
}

/** Defaults: sign-up opens now and closes at the start; cancelling is possible until 2 hours before. */
function slotTerms(input: ActivityInput) {
  const startsAt = new Date(input.startsAt);
  const closes = input.signupClosesAt ? new Date(input.signupClosesAt) : startsAt;
  return {
    title: input.title,
    startsAt,
    endsAt: new Date(input.endsAt),
    signupOpensAt: input.signupOpensAt ? new Date(input.signupOpensAt) : clock.now(),
    signupClosesAt: closes > startsAt ? startsAt : closes,
    cancelDeadline: input.cancelDeadline ? new Date(input.cancelDeadline) : new Date(startsAt.getTime() - 2 * HOUR),
    capacity: input.capacity,
    reserved: input.reserved,
    maxCompanions: input.maxCompanions,
    needsApproval: input.needsApproval,
    eligibility: input.eligibility,
  };
}

function decodeCursor(cursor?: string): { startsAt: Date; id: string } | undefined {
  const m = cursor ? /^(\d{1,15})_([0-9a-z]{26})$/.exec(cursor) : null;
  return m ? { startsAt: new Date(Number(m[1])), id: m[2] } : undefined;
}
