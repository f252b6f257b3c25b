import { Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RegisterResidentRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { Input } from '../common/validation.js';
import { ResidentRegistrationService } from './resident-registration.service.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('org/residents')
export class ResidentsController {
  constructor(private readonly residents: ResidentRegistrationService) {}

  /** An organiser or grid worker enters a resident without a smartphone. */
  @Access('manager')
  @Post()
  register(@CurrentActor() actor: Actor, @Input(RegisterResidentRequest) dto: RegisterResidentRequest) {
    return this.residents.register(actor, dto);
  }
}
