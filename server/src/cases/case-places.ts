import { Injectable } from '@nestjs/common';
import { CASE_ANONYMOUS_CATEGORIES, CASE_CATEGORIES, CASE_DEFAULT_DEADLINES, type CaseCategory, type CaseDeadlineRule } from '@honglin/shared';
import { AppError } from '../common/app-error.js';
import { byKind, pathIds } from '../organizations/node-chain.js';
import type { OrgNode } from '../organizations/org-node.entity.js';
import { CasesRepository } from './cases.repository.js';

/** Where a case is: the building (when known), its grid, community and street. */
export interface CasePlace {
  building: OrgNode | null;
  /** Null for a case about a whole community (a privacy complaint). */
  grid: OrgNode | null;
  community: OrgNode;
  street: OrgNode | null;
  /** The building's path, else the grid's: the scope the case lives in. */
  path: string;
}

const isCategory = (c: string): c is CaseCategory => (CASE_CATEGORIES as readonly string[]).includes(c);

/** Places, routing and per-community rules: the questions every kind of case asks when it opens. */
@Injectable()
export class CasePlaces {
  constructor(private readonly repo: CasesRepository) {}

  /** A building or grid node inside a community's grid; anything else is a place outside every grid. */
  async place(nodeId: string): Promise<CasePlace> {
    const [node] = await this.repo.nodes([nodeId]);
    if (!node || (node.kind !== 'building' && node.kind !== 'grid')) throw new AppError('CASE_PLACE_OUTSIDE_GRID');
    const chain = byKind(await this.repo.nodes(pathIds(node.path)));
    if (!chain.grid || !chain.community) throw new AppError('CASE_PLACE_OUTSIDE_GRID');
    return { building: chain.building ?? null, grid: chain.grid, community: chain.community, street: chain.street ?? null, path: node.path };
  }

  /** A community as a whole (no grid, no routing): for cases about the community rather than a spot in it. */
  async communityPlace(communityId: string): Promise<CasePlace> {
    const [node] = await this.repo.nodes([communityId]);
    if (!node || node.kind !== 'community') throw AppError.notFound();
    const chain = byKind(await this.repo.nodes(pathIds(node.path)));
    return { building: null, grid: null, community: node, street: chain.street ?? null, path: node.path };
  }

  /** The routing table, else the grid's worker (its contact), else the community's first organiser. */
  async handlerFor(place: CasePlace, category: string): Promise<string> {
    const route = place.grid ? await this.repo.route(place.grid.id, category) : null;
    if (route) return route.handlerUserId;
    if (place.grid?.contactUserId) return place.grid.contactUserId;
    const [organiser] = await this.repo.holders(place.community.path, ['organiser', 'admin']);
    if (!organiser) throw new AppError('CASE_NO_HANDLER');
    return organiser;
  }

  /** The community's deadline for the category, else the default. Other kinds' categories use `other`. */
  async rule(communityId: string, category: string): Promise<CaseDeadlineRule & { anonymousAllowed: boolean }> {
    const key = isCategory(category) ? category : 'other';
    const s = await this.repo.setting(communityId, key);
    if (s) return { acceptHours: s.acceptHours, resolveDays: s.resolveDays, anonymousAllowed: Boolean(s.anonymousAllowed) && CASE_ANONYMOUS_CATEGORIES.includes(key) };
    return { ...CASE_DEFAULT_DEADLINES[key], anonymousAllowed: CASE_ANONYMOUS_CATEGORIES.includes(key) };
  }

  /** Escalation recipients: step 1 the community's organisers and admins, step 2 the street's. */
  async escalationTo(c: { orgPath: string }, level: number): Promise<string[]> {
    const ids = pathIds(c.orgPath);
    const chain = byKind(await this.repo.nodes(ids));
    const node = level >= 2 ? chain.street : chain.community;
    return node ? this.repo.holders(node.path, ['organiser', 'admin']) : [];
  }
}
