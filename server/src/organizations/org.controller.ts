import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MemberListQuery, PartyApplicationDecision, PartyApplicationRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { OrgService } from './org.service.js';
import { ResidenceOptionsService } from './residence-options.service.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrgController {
  constructor(
    private readonly org: OrgService,
    private readonly residence: ResidenceOptionsService,
  ) {}

  @Access('manager')
  @Get('org/tree')
  tree(@CurrentActor() actor: Actor) {
    return this.org.tree(actor);
  }

  @Access('manager')
  @Get('org/nodes/:id/members')
  members(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @QueryInput(MemberListQuery) query: MemberListQuery) {
    return this.org.membersOf(actor, id, query);
  }

  @Access('street')
  @Get('org/residence-options')
  residenceOptions() {
    return this.residence.options();
  }

  @Access('street')
  @Get('party-branches')
  branches() {
    return this.org.branches();
  }

  @Access('self')
  @Post('party-applications')
  apply(@CurrentActor() actor: Actor, @Input(PartyApplicationRequest) dto: PartyApplicationRequest) {
    return this.org.apply(actor, dto.branchId, dto.note);
  }

  @Access('organiser')
  @Get('org/party-applications')
  pending(@CurrentActor() actor: Actor) {
    return this.org.pending(actor);
  }

  @Access('organiser')
  @Post('org/party-applications/:id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(PartyApplicationDecision) dto: PartyApplicationDecision) {
    return this.org.decide(actor, id, true, dto.reason);
  }

  @Access('organiser')
  @Post('org/party-applications/:id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(PartyApplicationDecision) dto: PartyApplicationDecision) {
    return this.org.decide(actor, id, false, dto.reason);
  }
}
