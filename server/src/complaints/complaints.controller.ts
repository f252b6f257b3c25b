import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnswerComplaintRequest, FileComplaintRequest, ManageComplaintsQuery, PageQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { ComplaintsService } from './complaints.service.js';

/** 举报投诉: the complainant's own routes, and the admins' list and answer (403 without the admin role). */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Access('self')
  @Post()
  file(@CurrentActor() actor: Actor, @Input(FileComplaintRequest) dto: FileComplaintRequest) {
    return this.complaints.file(actor, dto);
  }

  @Access('self')
  @Get('mine')
  mine(@CurrentActor() actor: Actor, @QueryInput(PageQuery) q: PageQuery) {
    return this.complaints.mine(actor, q.limit, q.cursor);
  }

  /** Complaints from the communities under the admin's nodes; unanswered ones by deadline, overdue first. */
  @Access('admin')
  @Get('manage')
  manage(@CurrentActor() actor: Actor, @QueryInput(ManageComplaintsQuery) q: ManageComplaintsQuery) {
    return this.complaints.manage(actor, q);
  }

  /** The complainant's own only: anyone else's is 404. */
  @Access('self')
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.complaints.get(actor, id);
  }

  @Access('self')
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.complaints.withdraw(actor, id);
  }

  /** The complainant accepts the answer. */
  @Access('self')
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.complaints.close(actor, id);
  }

  @Access('admin')
  @Post(':id/answer')
  @HttpCode(200)
  answer(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(AnswerComplaintRequest) dto: AnswerComplaintRequest) {
    return this.complaints.answer(actor, id, dto.answer);
  }
}
