import { Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PointsHistoryQuery, PointsRuleUpdate, RankingQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { PointsService } from './points.service.js';

@ApiTags('points')
@ApiBearerAuth()
@Controller()
export class PointsController {
  constructor(private readonly points: PointsService) {}

  @Access('self')
  @Get('points/me')
  summary(@CurrentActor() actor: Actor) {
    return this.points.summary(actor);
  }

  @Access('self')
  @Get('points/history')
  history(@CurrentActor() actor: Actor, @QueryInput(PointsHistoryQuery) q: PointsHistoryQuery) {
    return this.points.history(actor, q.limit, q.cursor);
  }

  @Access('street')
  @Get('points/rankings')
  ranking(@CurrentActor() actor: Actor, @QueryInput(RankingQuery) q: RankingQuery) {
    return this.points.ranking(actor, q);
  }

  @Access('manager')
  @Get('org/points/rules/:nodeId')
  rules(@CurrentActor() actor: Actor, @Param('nodeId', IdPipe) nodeId: string) {
    return this.points.rulesAt(actor, nodeId);
  }

  @Access('organiser')
  @Put('org/points/rules')
  setRule(@CurrentActor() actor: Actor, @Input(PointsRuleUpdate) dto: PointsRuleUpdate) {
    return this.points.setRule(actor, dto);
  }
}
