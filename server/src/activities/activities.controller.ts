import { Controller, Get, HttpCode, Param, Post, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ActivityInput, ActivityListQuery, DuplicateActivityRequest, OrganiserEnrolRequest, RatingRequest, SignUpRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { ActivitiesService } from './activities.service.js';
import { ActivityRatingService } from './activity-rating.service.js';
import { ActivityRosterService } from './activity-roster.service.js';

@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly rosters: ActivityRosterService,
    private readonly ratings: ActivityRatingService,
  ) {}

  @Access('street')
  @Get()
  list(@CurrentActor() actor: Actor, @QueryInput(ActivityListQuery) q: ActivityListQuery) {
    return this.activities.list(actor, q);
  }

  @Access('street')
  @Get('communities')
  communities() {
    return this.activities.communities();
  }

  /** Where the caller may publish: the communities and Party branches they look after. */
  @Access('self')
  @Get('places')
  places(@CurrentActor() actor: Actor) {
    return this.activities.places(actor);
  }

  @Access('self')
  @Get('mine')
  mine(@CurrentActor() actor: Actor) {
    return this.activities.mine(actor);
  }

  @Access('self')
  @Get('companions')
  companions(@CurrentActor() actor: Actor) {
    return this.activities.companions(actor);
  }

  /** Organiser: activities in the caller's scope, past ones included. */
  @Access('manager')
  @Get('manage')
  manage(@CurrentActor() actor: Actor, @QueryInput(ActivityListQuery) q: ActivityListQuery) {
    return this.activities.list(actor, q, true);
  }

  @Access('street')
  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.activities.detail(actor, id);
  }

  @Access('manager')
  @Post()
  create(@CurrentActor() actor: Actor, @Input(ActivityInput) dto: ActivityInput) {
    return this.activities.create(actor, dto);
  }

  @Access('manager')
  @Put(':id')
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(ActivityInput) dto: ActivityInput) {
    return this.activities.update(actor, id, dto);
  }

  @Access('manager')
  @Post(':id/duplicate')
  duplicate(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(DuplicateActivityRequest) dto: DuplicateActivityRequest) {
    return this.activities.duplicate(actor, id, dto.days);
  }

  @Access('street')
  @Post(':id/signup')
  signUp(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(SignUpRequest) dto: SignUpRequest) {
    return this.activities.signUp(actor, id, dto.companions);
  }

  /** Organiser enters someone without a phone (reserved places first). */
  @Access('manager')
  @Post(':id/enrol')
  enrol(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(OrganiserEnrolRequest) dto: OrganiserEnrolRequest) {
    return this.activities.organiserEnrol(actor, id, dto);
  }

  @Access('manager')
  @Get(':id/roster')
  roster(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.rosters.roster(actor, id);
  }

  @Access('manager')
  @Get(':id/roster.xlsx')
  async export(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const file = await this.rosters.export(actor, id);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.body);
  }

  @Access('street')
  @Post(':id/rating')
  @HttpCode(200)
  rate(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(RatingRequest) dto: RatingRequest) {
    return this.ratings.rate(actor, id, dto);
  }
}
