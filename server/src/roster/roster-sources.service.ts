import { Injectable } from '@nestjs/common';
import type { RosterSourceRequest, RosterSourceUpdate, RosterSourceView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { isDuplicate } from '../households/households.repository.js';
import { assertGridStaff } from '../households/grid-scope.js';
import type { RosterSource } from './roster.entities.js';
import { RosterRepository } from './roster.repository.js';

/** The community a path lies in: its first two segments (/street/community/). */
export const communityPath = (path: string): string => `/${path.split('/').filter(Boolean).slice(0, 2).join('/')}/`;

/**
 * Named sources (来源) belong to a community. Grid staff see the sources of the communities their
 * grids are in; a source elsewhere does not exist for them.
 */
@Injectable()
export class RosterSources {
  constructor(
    private readonly repo: RosterRepository,
    private readonly tx: TransactionRunner,
  ) {}

  communities(actor: Actor): string[] {
    return [...new Set(assertGridStaff(actor).map(communityPath))];
  }

  async list(actor: Actor): Promise<RosterSourceView[]> {
    return (await this.repo.sources(this.communities(actor))).map(view);
  }

  async inScope(actor: Actor, id: string): Promise<RosterSource> {
    const s = await this.repo.source(id);
    if (!s || !this.communities(actor).some((p) => s.path.startsWith(p))) throw AppError.notFound();
    return s;
  }

  async create(actor: Actor, dto: RosterSourceRequest): Promise<RosterSourceView> {
    const path = this.communities(actor)[0];
    const community = await this.repo.nodeByPath(path);
    if (!community) throw new AppError('GRID_STAFF_ONLY');
    const now = clock.now();
    const s: RosterSource = { id: newId(), communityId: community.id, path, name: dto.name, mapping: dto.mapping, impliedTags: dto.impliedTags, createdBy: actor.userId, createdAt: now, updatedAt: now };
    try {
      await this.tx.run((em) => this.repo.saveSource(em, s, false));
    } catch (e) {
      if (isDuplicate(e)) throw new AppError('ROSTER_SOURCE_EXISTS');
      throw e;
    }
    return view(s);
  }

  async update(actor: Actor, id: string, dto: RosterSourceUpdate): Promise<RosterSourceView> {
    const s = await this.inScope(actor, id);
    const next = { ...s, mapping: dto.mapping ?? s.mapping, impliedTags: dto.impliedTags ?? s.impliedTags, updatedAt: clock.now() };
    await this.tx.run((em) => this.repo.saveSource(em, next, true));
    return view(next);
  }
}

const view = (s: RosterSource): RosterSourceView => ({ id: s.id, name: s.name, communityId: s.communityId, mapping: s.mapping, impliedTags: s.impliedTags, updatedAt: s.updatedAt.toISOString() });
