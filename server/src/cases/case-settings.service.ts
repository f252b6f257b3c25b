import { Injectable } from '@nestjs/common';
import { CASE_ANONYMOUS_CATEGORIES, CASE_CATEGORIES, CASE_CATEGORY_LABELS, type CaseCategory, type CaseDeadlineRequest, type CaseRouteRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { assertManages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { UserRepository } from '../members/user.repository.js';
import { manages } from '../common/scope.js';
import { CASE_STAFF, CASE_SUPERVISORS } from './case-access.js';
import { CasePlaces } from './case-places.js';
import { CasesRepository } from './cases.repository.js';

export interface CaseRouteRow {
  gridId: string;
  gridName: string;
  category: CaseCategory;
  categoryLabel: string;
  handler: { id: string; name: string } | null;
  /** True when nobody set it: the grid's worker answers. */
  isDefault: boolean;
}

/** The routing table and the per-community deadlines, edited by the community's organisers. */
@Injectable()
export class CaseSettingsService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly places: CasePlaces,
    private readonly users: UserRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** Every grid × category of a community, with who answers it. */
  async routes(actor: Actor, communityId: string): Promise<CaseRouteRow[]> {
    const community = await this.community(actor, communityId);
    const grids = (await this.repo.children(community.id)).filter((n) => n.kind === 'grid');
    const set = new Map((await this.repo.routes(grids.map((g) => g.id))).map((r) => [`${r.gridId}:${r.category}`, r.handlerUserId]));
    const people = new Map((await this.repo.users([...set.values(), ...grids.map((g) => g.contactUserId ?? '')].filter(Boolean))).map((u) => [u.id, u.name]));
    return grids.flatMap((g) =>
      CASE_CATEGORIES.map((category) => {
        const id = set.get(`${g.id}:${category}`) ?? g.contactUserId;
        return { gridId: g.id, gridName: g.name, category, categoryLabel: CASE_CATEGORY_LABELS[category], handler: id ? { id, name: people.get(id) ?? '' } : null, isDefault: !set.has(`${g.id}:${category}`) };
      }),
    );
  }

  async setRoute(actor: Actor, dto: CaseRouteRequest): Promise<CaseRouteRow[]> {
    const place = await this.places.place(dto.gridId);
    if (!place.grid || place.grid.id !== dto.gridId) throw new AppError('CASE_PLACE_OUTSIDE_GRID');
    assertManages(actor, place.community.path, CASE_SUPERVISORS);
    const state = await this.users.authState(dto.handlerUserId);
    const ok = !!state && !state.disabled && !state.deleted && (place.grid!.contactUserId === dto.handlerUserId || manages({ userId: dto.handlerUserId, grants: state.grants }, place.grid!.path, CASE_STAFF));
    if (!ok) throw new AppError('CASE_HANDLER_INVALID');
    await this.tx.run((em) => this.repo.saveRoute(em, { gridId: dto.gridId, category: dto.category, handlerUserId: dto.handlerUserId, updatedBy: actor.userId }));
    return this.routes(actor, place.community.id);
  }

  async deadlines(actor: Actor, communityId: string) {
    const community = await this.community(actor, communityId);
    return Promise.all(CASE_CATEGORIES.map(async (category) => ({ category, categoryLabel: CASE_CATEGORY_LABELS[category], ...(await this.places.rule(community.id, category)) })));
  }

  async setDeadline(actor: Actor, dto: CaseDeadlineRequest) {
    const community = await this.community(actor, dto.communityId);
    if (dto.anonymousAllowed && !CASE_ANONYMOUS_CATEGORIES.includes(dto.category)) throw new AppError('CASE_ANONYMOUS_NOT_ALLOWED');
    await this.tx.run((em) => this.repo.saveSetting(em, { communityId: community.id, category: dto.category, acceptHours: dto.acceptHours, resolveDays: dto.resolveDays, anonymousAllowed: dto.anonymousAllowed, updatedBy: actor.userId }));
    return this.deadlines(actor, community.id);
  }

  private async community(actor: Actor, communityId: string) {
    const [node] = await this.repo.nodes([communityId]);
    if (!node || node.kind !== 'community') throw AppError.notFound();
    assertManages(actor, node.path, CASE_SUPERVISORS);
    return node;
  }
}
