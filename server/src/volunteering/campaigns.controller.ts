import { Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CampaignInput, ShiftInput, ShiftListQuery, VolunteerProfileInput } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { CampaignsService } from './campaigns.service.js';
import { ProfilesService } from './profiles.service.js';
import { ShiftsService } from './shifts.service.js';

@ApiTags('volunteering')
@ApiBearerAuth()
@Controller('volunteering')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly shifts: ShiftsService,
    private readonly profiles: ProfilesService,
  ) {}

  /** Campaigns that reach the caller (their community, grid or branch). */
  @Access('street')
  @Get('campaigns')
  list(@CurrentActor() actor: Actor) {
    return this.campaigns.list(actor, false);
  }

  @Access('manager')
  @Get('campaigns/manage')
  manage(@CurrentActor() actor: Actor) {
    return this.campaigns.list(actor, true);
  }

  @Access('street')
  @Get('campaigns/:id')
  detail(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.campaigns.detail(actor, id);
  }

  @Access('manager')
  @Post('campaigns')
  create(@CurrentActor() actor: Actor, @Input(CampaignInput) dto: CampaignInput) {
    return this.campaigns.create(actor, dto);
  }

  @Access('manager')
  @Post('campaigns/:id/shifts')
  addShift(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(ShiftInput) dto: ShiftInput) {
    return this.campaigns.addShift(actor, id, dto);
  }

  @Access('street')
  @Get('shifts')
  open(@CurrentActor() actor: Actor, @QueryInput(ShiftListQuery) q: ShiftListQuery) {
    return this.shifts.open(actor, q);
  }

  @Access('self')
  @Get('shifts/mine')
  mine(@CurrentActor() actor: Actor) {
    return this.shifts.mine(actor);
  }

  @Access('street')
  @Get('shifts/:id')
  shift(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.shifts.detail(actor, id);
  }

  @Access('street')
  @Post('shifts/:id/signup')
  @HttpCode(201)
  signUp(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.shifts.signUp(actor, id);
  }

  @Access('manager')
  @Get('shifts/:id/roster')
  roster(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.shifts.roster(actor, id);
  }

  @Access('self')
  @Get('profile')
  profile(@CurrentActor() actor: Actor) {
    return this.profiles.get(actor);
  }

  @Access('self')
  @Put('profile')
  saveProfile(@CurrentActor() actor: Actor, @Input(VolunteerProfileInput) dto: VolunteerProfileInput) {
    return this.profiles.save(actor, dto);
  }
}
