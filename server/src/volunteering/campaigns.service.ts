import { Injectable } from '@nestjs/common';
import { impactByMeasure, type CampaignDetail, type CampaignInput, type CampaignSummary, type Eligibility, type ImpactView, type ShiftInput, type ShiftView } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManager, assertManages, manages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentService } from '../enrollment/enrollment.service.js';
import { HoursRepository } from './hours.repository.js';
import { ImpactRepository } from './impact.repository.js';
import { CampaignsRepository } from './campaigns.repository.js';
import type { VolunteerCampaign, VolunteerShift } from './campaign.entity.js';
import { ShiftViews } from './shift-views.js';
import { clock } from '../common/clock.js';

export const SHIFT_OWNER = 'shift';
const HOUR = 3_600_000;
/** Nodes that can run a drive: residence units and Party organisations (not buildings or Party groups). */
const RUNNING_KINDS = ['street', 'community', 'grid', 'committee', 'general_branch', 'branch'];
export const shiftLink = (id: string) => `/packages/volunteer/pages/shift/index?id=${id}`;

/** Campaigns and their shifts; each shift's places, waitlist and eligibility are an enrollment slot. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly repo: CampaignsRepository,
    private readonly hours: HoursRepository,
    private readonly impact: ImpactRepository,
    private readonly engine: EnrollmentService,
    private readonly views: ShiftViews,
    private readonly tx: TransactionRunner,
  ) {}

  async create(actor: Actor, input: CampaignInput): Promise<CampaignDetail> {
    const node = await this.repo.node(input.nodeId);
    if (!node || !RUNNING_KINDS.includes(node.kind)) throw new AppError('VOLUNTEER_NODE_INVALID');
    assertManages(actor, node.path);
    const id = newId();
    await this.tx.run((em) =>
      this.repo.insertCampaign(em, {
        ...input,
        id,
        nodeId: node.id,
        nodePath: node.path,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        status: 'open',
        createdBy: actor.userId,
      }),
    );
    return this.detail(actor, id);
  }

  /** Organiser: campaigns of their subtrees. Volunteer: campaigns run by a node above their home or branch. */
  async list(actor: Actor, manage: boolean): Promise<CampaignSummary[]> {
    const rows = manage ? await this.repo.listCampaigns({ under: assertManager(actor), includePast: true }) : await this.repo.listCampaigns({ above: await this.homePaths(actor.userId), includePast: false });
    return this.summaries(actor, rows);
  }

  async detail(actor: Actor, id: string): Promise<CampaignDetail> {
    const c = await this.require(id);
    const shifts = await this.repo.shiftsOf([c.id], false);
    const [summary] = await this.summaries(actor, [c], shifts.length);
    const managers = await this.repo.users(c.managerIds);
    return {
      ...summary,
      description: c.description,
      goal: c.goal,
      impactMeasure: c.impactMeasure,
      impactTarget: c.impactTarget,
      managers: managers.map((u) => ({ id: u.id, name: u.name })),
      shifts: await this.views.of(shifts, actor.userId),
      approvedHours: (await this.hours.approvedHalfHoursOfCampaign(c.id)) / 2,
      impact: await this.impactOf(c),
    };
  }

  private async impactOf(c: VolunteerCampaign): Promise<ImpactView[]> {
    const measures = impactByMeasure({ measure: c.impactMeasure, target: c.impactTarget }, await this.impact.recordsOf(c.id));
    const names = new Map((await this.repo.users(measures.flatMap((m) => (m.latest ? [m.latest.recordedBy] : [])))).map((u) => [u.id, u.name]));
    return measures.map(({ measure, target, latest }) => ({
      measure,
      target,
      achieved: latest?.achieved ?? null,
      note: latest?.note ?? null,
      recordedAt: latest?.recordedAt.toISOString() ?? null,
      recordedBy: latest ? (names.get(latest.recordedBy) ?? '') : null,
    }));
  }

  async addShift(actor: Actor, campaignId: string, input: ShiftInput): Promise<ShiftView> {
    await this.managed(actor, campaignId);
    const shift = await this.tx.run(async (em) => {
      // The campaign row locked first: a close or a period edit in flight is waited for, then seen.
      const c = (await this.repo.lockedCampaign(em, campaignId, 'pessimistic_write'))!;
      if (c.status !== 'open' || c.endsAt.getTime() <= clock.nowMs()) throw new AppError('VOLUNTEER_CAMPAIGN_CLOSED');
      if (Date.parse(input.startsAt) < c.startsAt.getTime() || Date.parse(input.endsAt) > c.endsAt.getTime()) throw new AppError('VOLUNTEER_SHIFT_OUTSIDE_CAMPAIGN');
      return this.createShift(em, actor, c, input, null);
    });
    return (await this.views.of([shift], actor.userId))[0];
  }

  /** A shift and its enrollment slot, in the caller's transaction (also used by urgent calls). */
  async createShift(em: EntityManager, actor: Actor, c: VolunteerCampaign, input: ShiftInput, call: { id: string; closesAt: Date } | null): Promise<VolunteerShift> {
    const id = newId();
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const now = clock.nowMs();
    const slot = await this.engine.createSlot(em, {
      ownerType: SHIFT_OWNER,
      ownerId: id,
      nodeId: c.nodeId,
      nodePath: c.nodePath,
      title: input.title,
      link: shiftLink(id),
      startsAt,
      endsAt,
      signupOpensAt: new Date(now - 60_000),
      signupClosesAt: call ? call.closesAt : startsAt,
      // Volunteers may step back until two hours before (at once for a shift starting sooner).
      cancelDeadline: new Date(Math.max(now, startsAt.getTime() - 2 * HOUR)),
      capacity: input.capacity,
      eligibility: eligibilityOf(input),
    });
    const shift: Partial<VolunteerShift> = { id, campaignId: c.id, nodePath: c.nodePath, title: input.title, place: input.place, startsAt, endsAt, slotId: slot.id, skills: input.skills, callId: call?.id ?? null, status: 'open', createdBy: actor.userId };
    await this.repo.insertShift(em, shift);
    return (await this.repo.shift(id, em))!;
  }

  async managed(actor: Actor, id: string): Promise<VolunteerCampaign> {
    const c = await this.require(id);
    assertManages(actor, c.nodePath);
    return c;
  }

  async require(id: string): Promise<VolunteerCampaign> {
    const c = await this.repo.campaign(id);
    if (!c) throw AppError.notFound();
    return c;
  }

  /** Paths of every node above (and at) the person's home and Party branch: the campaigns that reach them. */
  async homePaths(userId: string): Promise<string[]> {
    const u = await this.repo.user(userId);
    const nodes = await this.repo.nodes([u?.residenceNodeId, u?.branchNodeId].filter((x): x is string => !!x));
    const out = new Set<string>();
    for (const n of nodes) {
      const ids = n.path.split('/').filter(Boolean);
      ids.forEach((_, i) => out.add(`/${ids.slice(0, i + 1).join('/')}/`));
    }
    return [...out];
  }

  private async summaries(actor: Actor, rows: VolunteerCampaign[], knownShiftCount?: number): Promise<CampaignSummary[]> {
    const nodes = new Map((await this.repo.nodes([...new Set(rows.map((c) => c.nodeId))])).map((n) => [n.id, n.name]));
    const shifts = knownShiftCount === undefined ? await this.repo.shiftsOf(rows.map((c) => c.id), false) : [];
    return rows.map((c) => ({
      id: c.id,
      title: c.title,
      category: c.category,
      node: { id: c.nodeId, name: nodes.get(c.nodeId) ?? '' },
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      status: c.status === 'open' && c.endsAt.getTime() > clock.nowMs() ? 'open' : 'closed',
      shiftCount: knownShiftCount ?? shifts.filter((s) => s.campaignId === c.id).length,
      canManage: manages(actor, c.nodePath),
    }));
  }
}

function eligibilityOf(input: ShiftInput): Eligibility | null {
  const e: Eligibility = {};
  if (input.minAge !== null) e.minAge = input.minAge;
  if (input.maxAge !== null) e.maxAge = input.maxAge;
  if (input.skills.length) e.skills = input.skills;
  if (input.partyMembersOnly) e.partyMembersOnly = true;
  return Object.keys(e).length ? e : null;
}
