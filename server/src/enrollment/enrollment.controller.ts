import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AttendanceRequest, DecisionRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input } from '../common/validation.js';
import { EnrollmentActions } from './enrollment-actions.service.js';

/** Enrollment actions that are the same whatever the slot belongs to. Sign-up goes through the owner (e.g. /activities/:id/signup). */
@ApiTags('enrollments')
@ApiBearerAuth()
@Controller('enrollments')
export class EnrollmentController {
  constructor(private readonly actions: EnrollmentActions) {}

  @Access('self')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.actions.cancelOwn(actor, id);
  }

  @Access('self')
  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.actions.accept(actor, id);
  }

  @Access('manager')
  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.actions.approve(actor, id);
  }

  @Access('manager')
  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(DecisionRequest) dto: DecisionRequest) {
    return this.actions.reject(actor, id, dto.reason);
  }

  @Access('manager')
  @Post(':id/organiser-cancel')
  @HttpCode(200)
  organiserCancel(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.actions.organiserCancel(actor, id);
  }

  @Access('manager')
  @Post(':id/attendance')
  @HttpCode(200)
  attendance(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(AttendanceRequest) dto: AttendanceRequest) {
    return this.actions.markAttendance(actor, id, dto.attended);
  }
}
