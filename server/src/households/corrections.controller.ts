import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CorrectionRequest, DecideCorrectionRequest, WarningListQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { CorrectionsService } from './corrections.service.js';

/** 更正申请: the resident's own requests. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/household-file/corrections')
export class MyCorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Access('self')
  @Post()
  file(@CurrentActor() actor: Actor, @Input(CorrectionRequest) dto: CorrectionRequest) {
    return this.corrections.file(actor, dto);
  }

  @Access('self')
  @Get()
  mine(@CurrentActor() actor: Actor) {
    return this.corrections.mine(actor);
  }
}

/** 更正申请 for grid staff: open ones oldest first; accept (after correcting the file) or reject, each with a reason. */
@ApiTags('grid')
@ApiBearerAuth()
@Controller('org/grid/corrections')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Access('grid')
  @Get()
  list(@CurrentActor() actor: Actor, @QueryInput(WarningListQuery) q: WarningListQuery) {
    return this.corrections.list(actor, q.status === 'open');
  }

  @Access('grid')
  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(DecideCorrectionRequest) dto: DecideCorrectionRequest) {
    return this.corrections.decide(actor, id, 'accepted', dto.reason);
  }

  @Access('grid')
  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(DecideCorrectionRequest) dto: DecideCorrectionRequest) {
    return this.corrections.decide(actor, id, 'rejected', dto.reason);
  }
}
