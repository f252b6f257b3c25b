import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PhoneBindRequest, PreferencesRequest, PrivacyAcceptRequest, ResidenceRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/decorators.js';
import { Input } from '../common/validation.js';
import { MembersService } from './members.service.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly members: MembersService) {}

  @Get()
  me(@CurrentActor() actor: Actor) {
    return this.members.me(actor.userId);
  }

  @Get('grid-contact')
  gridContact(@CurrentActor() actor: Actor) {
    return this.members.gridContact(actor.userId);
  }

  @Patch('preferences')
  preferences(@CurrentActor() actor: Actor, @Input(PreferencesRequest) dto: PreferencesRequest) {
    return this.members.setPreferences(actor.userId, dto);
  }

  @Post('privacy')
  @HttpCode(200)
  privacy(@CurrentActor() actor: Actor, @Input(PrivacyAcceptRequest) dto: PrivacyAcceptRequest) {
    return this.members.acceptPrivacy(actor.userId, dto.version);
  }

  @Post('phone')
  @HttpCode(200)
  phone(@CurrentActor() actor: Actor, @Input(PhoneBindRequest) dto: PhoneBindRequest) {
    return this.members.bindPhone(actor.userId, dto.code);
  }

  @Patch('residence')
  residence(@CurrentActor() actor: Actor, @Input(ResidenceRequest) dto: ResidenceRequest) {
    return this.members.setResidence(actor.userId, dto.nodeId);
  }
}
