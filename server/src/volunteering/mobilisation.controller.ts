import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MobilisationAnswerRequest, MobilisationInput } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input } from '../common/validation.js';
import { MobilisationAnswers } from './mobilisation-answers.service.js';
import { MobilisationBoardService } from './mobilisation-board.service.js';
import { MobilisationService } from './mobilisation.service.js';

@ApiTags('volunteering')
@ApiBearerAuth()
@Controller('volunteering/mobilisations')
export class MobilisationController {
  constructor(
    private readonly calls: MobilisationService,
    private readonly answers: MobilisationAnswers,
    private readonly boards: MobilisationBoardService,
  ) {}

  @Access('manager')
  @Post()
  launch(@CurrentActor() actor: Actor, @Input(MobilisationInput) dto: MobilisationInput) {
    return this.calls.launch(actor, dto);
  }

  @Access('manager')
  @Get('manage')
  manage(@CurrentActor() actor: Actor) {
    return this.calls.manageList(actor);
  }

  /** The grids and Party branches the caller may call (the launch page's pickers). */
  @Access('manager')
  @Get('targets')
  targets(@CurrentActor() actor: Actor) {
    return this.calls.targets(actor);
  }

  /** Calls that reached me. */
  @Access('self')
  @Get('mine')
  mine(@CurrentActor() actor: Actor) {
    return this.calls.mine(actor);
  }

  @Access('self', 'manager')
  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.calls.view(actor, id);
  }

  @Access('self')
  @Post(':id/answer')
  @HttpCode(200)
  answer(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(MobilisationAnswerRequest) dto: MobilisationAnswerRequest) {
    return this.answers.answer(actor, id, dto.answer);
  }

  @Access('self')
  @Post(':id/waitlist')
  @HttpCode(201)
  waitlist(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.answers.joinWaitlist(actor, id);
  }

  /** The organiser's live board: poll it. */
  @Access('manager')
  @Get(':id/board')
  board(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.boards.board(actor, id);
  }
}
