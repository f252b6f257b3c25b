import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe } from '../common/validation.js';
import { MemberPhoneService } from './member-phone.service.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('org/members')
export class MemberPhoneController {
  constructor(private readonly phones: MemberPhoneService) {}

  /** The full phone number of someone the organiser manages; every call is audited. */
  @Access('manager')
  @Get(':id/phone')
  phone(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.phones.reveal(actor, id);
  }
}
