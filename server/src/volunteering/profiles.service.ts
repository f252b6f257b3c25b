import { Injectable } from '@nestjs/common';
import type { VolunteerProfileInput, VolunteerProfileView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';

/** A volunteer's own profile: skills, availability and the grids they are willing to serve in. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly repo: CampaignsRepository,
    private readonly campaigns: CampaignsService,
    private readonly tx: TransactionRunner,
  ) {}

  async get(actor: Actor): Promise<VolunteerProfileView> {
    const p = await this.repo.profile(actor.userId);
    const choices = await this.gridChoices(actor.userId);
    const chosen = new Set(p?.gridIds ?? []);
    return {
      skills: p?.skills ?? [],
      availability: p?.availability ?? [],
      grids: choices.filter((g) => chosen.has(g.id)),
      gridChoices: choices,
    };
  }

  async save(actor: Actor, input: VolunteerProfileInput): Promise<VolunteerProfileView> {
    const allowed = new Set((await this.gridChoices(actor.userId)).map((g) => g.id));
    if (input.gridIds.some((id) => !allowed.has(id))) throw new AppError('VOLUNTEER_GRID_INVALID');
    await this.tx.run((em) => this.repo.saveProfile(em, { id: newId(), userId: actor.userId, skills: input.skills, availability: input.availability, gridIds: [...new Set(input.gridIds)] }));
    return this.get(actor);
  }

  /** The grids of the person's own community: a volunteer serves near home. */
  private async gridChoices(userId: string): Promise<{ id: string; name: string }[]> {
    const paths = await this.campaigns.homePaths(userId);
    const communities = (await this.repo.nodes(paths.map((p) => p.split('/').filter(Boolean).pop()!))).filter((n) => n.kind === 'community');
    return (await this.repo.gridsUnder(communities.map((c) => c.path))).map((g) => ({ id: g.id, name: g.name }));
  }
}
