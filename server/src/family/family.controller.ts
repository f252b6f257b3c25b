import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FamilyLinkRequest, ProxyHistoryQuery, RevokeLinkRequest, WitnessedInviteRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { FamilyLinksService } from './family-links.service.js';
import { ProxyActions } from './proxy-actions.service.js';

/** 亲情账号: codes, links, confirmation, revocation, and the acting-for history. */
@ApiTags('family')
@ApiBearerAuth()
@Controller('family')
export class FamilyController {
  constructor(
    private readonly links: FamilyLinksService,
    private readonly proxies: ProxyActions,
  ) {}

  /** The older resident's own code to show a family member. */
  @Access('self')
  @Post('invites')
  invite(@CurrentActor() actor: Actor) {
    return this.links.invite(actor);
  }

  /** An organiser or grid worker at the door issues the code and witnesses the consent. */
  @Access('manager')
  @Post('invites/witnessed')
  witnessed(@CurrentActor() actor: Actor, @Input(WitnessedInviteRequest) dto: WitnessedInviteRequest) {
    return this.links.witnessedInvite(actor, dto.elderUserId, dto.reason);
  }

  @Access('self')
  @Get('links')
  list(@CurrentActor() actor: Actor) {
    return this.links.list(actor);
  }

  /** The family member types the code. */
  @Access('self')
  @Post('links')
  redeem(@CurrentActor() actor: Actor, @Input(FamilyLinkRequest) dto: FamilyLinkRequest) {
    return this.links.redeem(actor, dto.code);
  }

  @Access('self')
  @Post('links/:id/confirm')
  @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.links.confirm(actor, id);
  }

  @Access('self', 'manager')
  @Post('links/:id/revoke')
  @HttpCode(200)
  revoke(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(RevokeLinkRequest) dto: RevokeLinkRequest) {
    return this.links.revoke(actor, id, dto.reason);
  }

  /** 代办记录: what others did for me (`as=subject`), or what I did for others (`as=actor`). */
  @Access('self')
  @Get('history')
  history(@CurrentActor() actor: Actor, @QueryInput(ProxyHistoryQuery) q: ProxyHistoryQuery) {
    return this.proxies.history(actor.userId, q.as, q.limit, q.cursor);
  }
}
