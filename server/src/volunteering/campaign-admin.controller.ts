import { Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CampaignEditInput, ImpactInput, ShiftCancelRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input } from '../common/validation.js';
import { CampaignAdminService } from './campaign-admin.service.js';

/** Organisers change a running drive: edit, close, record impact, call a shift off. */
@ApiTags('volunteering')
@ApiBearerAuth()
@Controller('volunteering')
export class CampaignAdminController {
  constructor(private readonly admin: CampaignAdminService) {}

  @Access('manager')
  @Patch('campaigns/:id')
  edit(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(CampaignEditInput) dto: CampaignEditInput) {
    return this.admin.edit(actor, id, dto);
  }

  /** Stops recruiting; shifts already planned go ahead. */
  @Access('manager')
  @Post('campaigns/:id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.admin.close(actor, id);
  }

  @Access('manager')
  @Post('campaigns/:id/impact')
  recordImpact(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(ImpactInput) dto: ImpactInput) {
    return this.admin.recordImpact(actor, id, dto);
  }

  /** Everyone on the shift (and waiting for it) is told the reason. */
  @Access('manager')
  @Post('shifts/:id/cancel')
  @HttpCode(200)
  cancelShift(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(ShiftCancelRequest) dto: ShiftCancelRequest) {
    return this.admin.cancelShift(actor, id, dto.reason);
  }
}
