import { Injectable } from '@nestjs/common';
import { availableFor, formatChinaDateTime, type MobilisationInput, type MobilisationTargets, type MobilisationView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManager, manages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import { NotificationService, type NewNotification } from '../notifications/notification.service.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';
import type { MobilisationAnswerRow, MobilisationCall } from './mobilisation.entity.js';
import { MobilisationRepository, type Candidate } from './mobilisation.repository.js';
import { clock } from '../common/clock.js';

const MINUTE = 60_000;
export const callLink = (id: string) => `/packages/volunteer/pages/call/index?id=${id}`;
/** Later waves (non-members under "Party members first") share a group so filling the call withdraws them. */
export const laterWave = (callId: string) => `mob2:${callId}`;
const noticeKey = (callId: string, userId: string) => `mob:${callId}:${userId}`;
const GRID_KINDS = ['grid'];
const BRANCH_KINDS = ['branch', 'general_branch'];

/**
 * 一键动员: an organiser calls N people now. Everyone matching is written as an answer row and an
 * outbox notice in ONE transaction with the call and its shift; the outbox worker delivers them.
 */
@Injectable()
export class MobilisationService {
  constructor(
    private readonly repo: MobilisationRepository,
    private readonly people: CampaignsRepository,
    private readonly campaigns: CampaignsService,
    private readonly enrollments: EnrollmentRepository,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
  ) {}

  async launch(actor: Actor, input: MobilisationInput): Promise<MobilisationView> {
    const campaign = await this.campaigns.managed(actor, input.campaignId);
    if (campaign.status !== 'open') throw new AppError('VOLUNTEER_CAMPAIGN_CLOSED');
    const chosen = await this.people.nodes([...input.gridIds, ...input.branchIds]);
    const grids = chosen.filter((n) => GRID_KINDS.includes(n.kind) && input.gridIds.includes(n.id));
    const branches = chosen.filter((n) => BRANCH_KINDS.includes(n.kind) && input.branchIds.includes(n.id));
    if (grids.length !== input.gridIds.length || branches.length !== input.branchIds.length || [...grids, ...branches].some((n) => !manages(actor, n.path))) {
      throw new AppError('MOBILISATION_TARGET_INVALID');
    }
    const whole = !grids.length && !branches.length;
    const found = await this.repo.candidates({
      residencePaths: whole ? [campaign.nodePath] : grids.map((g) => g.path),
      branchPaths: whole ? [campaign.nodePath] : branches.map((b) => b.path),
      gridIds: grids.map((g) => g.id),
      skillsOnly: input.skills.length > 0 || input.availableOnly,
    });
    const [startsAt, endsAt] = [new Date(input.startsAt), new Date(input.endsAt)];
    const matching = found.filter((c) => fits(c, input, startsAt, endsAt));
    if (!matching.length) throw new AppError('MOBILISATION_NO_ONE_MATCHES');

    const known = await this.repo.nodesOfKinds([...GRID_KINDS, ...BRANCH_KINDS], []);
    const gridOf = pick(known.filter((n) => GRID_KINDS.includes(n.kind)).map((n) => n.id));
    const branchOf = pick(known.filter((n) => n.kind === 'branch').map((n) => n.id));
    const id = newId();
    const now = clock.now();
    const deadline = new Date(input.deadline);
    if (deadline.getTime() <= now.getTime()) throw new AppError('VALIDATION_FAILED', [{ field: 'deadline', message: '响应截止须晚于现在' }]);
    const othersAt = input.party === 'first' ? new Date(now.getTime() + input.othersAfterMinutes * MINUTE) : now;
    await this.tx.run(async (em) => {
      // Shared on the campaign row: other launches and sign-ups go on, a close in flight is waited for.
      if ((await this.people.lockedCampaign(em, campaign.id, 'pessimistic_read'))?.status !== 'open') throw new AppError('VOLUNTEER_CAMPAIGN_CLOSED');
      const shift = await this.campaigns.createShift(
        em,
        actor,
        campaign,
        { title: input.title, place: input.place, startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.needed, skills: input.skills, minAge: null, maxAge: null, partyMembersOnly: input.party === 'only' },
        { id, closesAt: deadline },
      );
      await this.repo.insertCall(em, {
        id,
        campaignId: campaign.id,
        shiftId: shift.id,
        nodePath: campaign.nodePath,
        title: input.title,
        needed: input.needed,
        target: { gridIds: input.gridIds, branchIds: input.branchIds, skills: input.skills, availableOnly: input.availableOnly, party: input.party },
        deadline,
        remindAt: new Date(now.getTime() + input.remindAfterMinutes * MINUTE),
        remindedAt: null,
        status: 'open',
        targeted: matching.length,
        filledAt: null,
        createdBy: actor.userId,
      });
      const answers: Partial<MobilisationAnswerRow>[] = matching.map((c) => ({
        id: newId(),
        callId: id,
        userId: c.id,
        gridId: gridOf(c.residencePath),
        branchId: branchOf(c.branchPath),
        partyMember: !!c.branchNodeId,
        noticeKey: noticeKey(id, c.id),
        answer: 'none',
        answeredAt: null,
        enrollmentId: null,
      }));
      await this.repo.insertAnswers(em, answers);
      const text = callText(input, deadline);
      const notices: NewNotification[] = matching.map((c) => ({
        userId: c.id,
        kind: 'mobilisation_call',
        ...text,
        link: callLink(id),
        urgent: true,
        dedupeKey: noticeKey(id, c.id),
        ...(c.branchNodeId || input.party !== 'first' ? {} : { notBefore: othersAt, groupKey: laterWave(id) }),
      }));
      for (let i = 0; i < notices.length; i += 500) await this.notifications.enqueueMany(em, notices.slice(i, i + 500));
    });
    return this.view(actor, id);
  }

  /** What `launch` accepts as targets: grids and branches under the caller's managed nodes. */
  async targets(actor: Actor): Promise<MobilisationTargets> {
    const nodes = await this.repo.nodesOfKinds([...GRID_KINDS, ...BRANCH_KINDS], assertManager(actor));
    const named = (kinds: string[]) => nodes.filter((n) => kinds.includes(n.kind)).map((n) => ({ id: n.id, name: n.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return { grids: named(GRID_KINDS), branches: named(BRANCH_KINDS) };
  }

  async manageList(actor: Actor): Promise<MobilisationView[]> {
    const calls = await this.repo.callsUnder(assertManager(actor));
    return Promise.all(calls.map((c) => this.viewOf(actor, c, null)));
  }

  /** Calls that reached me, to answer from a list as well as from the notice. */
  async mine(actor: Actor): Promise<MobilisationView[]> {
    const rows = await this.repo.callsOf(actor.userId);
    return Promise.all(rows.map((r) => this.viewOf(actor, r.call, r.answer)));
  }

  /** For someone who was called, or an organiser of the call; nobody else learns it exists. */
  async view(actor: Actor, id: string): Promise<MobilisationView> {
    const call = await this.repo.call(id);
    if (!call) throw AppError.notFound();
    const answer = await this.repo.answer(id, actor.userId);
    // Not called and not managing it: for them the call does not exist.
    if (!answer && !manages(actor, call.nodePath)) throw AppError.notFound();
    return this.viewOf(actor, call, answer);
  }

  private async viewOf(actor: Actor, call: MobilisationCall, answer: MobilisationAnswerRow | null): Promise<MobilisationView> {
    const [shift, campaign] = await Promise.all([this.people.shift(call.shiftId), this.people.campaign(call.campaignId)]);
    const slot = shift ? await this.enrollments.slot(shift.slotId) : null;
    const mine = answer?.enrollmentId ? await this.enrollments.enrollment(answer.enrollmentId) : null;
    return {
      id: call.id,
      campaign: { id: call.campaignId, title: campaign?.title ?? '' },
      shiftId: call.shiftId,
      title: call.title,
      place: shift?.place ?? '',
      startsAt: shift?.startsAt.toISOString() ?? '',
      endsAt: shift?.endsAt.toISOString() ?? '',
      deadline: call.deadline.toISOString(),
      needed: call.needed,
      accepted: slot ? slot.taken + slot.reservedTaken : 0,
      status: call.status === 'open' && call.deadline.getTime() < clock.nowMs() ? 'closed' : call.status,
      myAnswer: answer?.answer ?? null,
      myEnrollment: mine ? { id: mine.id, status: mine.status } : null,
      canManage: manages(actor, call.nodePath),
    };
  }
}

function fits(c: Candidate, input: MobilisationInput, startsAt: Date, endsAt: Date): boolean {
  if (input.party === 'only' && !c.branchNodeId) return false;
  const skills = parseList<string>(c.skills);
  if (!input.skills.every((s) => skills.includes(s))) return false;
  return !input.availableOnly || availableFor(parseList(c.availability), startsAt, endsAt);
}

function parseList<T>(raw: string | null): T[] {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** The id on a node path that is one of `ids` (the grid of a home, the branch of a member). */
function pick(ids: string[]): (path: string | null) => string | null {
  const set = new Set(ids);
  return (path) => path?.split('/').find((x) => set.has(x)) ?? null;
}

function callText(input: MobilisationInput, deadline: Date): { title: string; body: string } {
  return {
    title: `紧急召集：${input.title}`.slice(0, 60),
    body: `需要${input.needed}人，${formatChinaDateTime(input.startsAt)}在${input.place}。请在${formatChinaDateTime(deadline)}前回复能否参加，点开即可一键回复。`,
  };
}
