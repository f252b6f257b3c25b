import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PhoneBindRequest, PreferencesRequest, PrivacyAcceptRequest, ResidenceRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { Input } from '../common/validation.js';
import { MembersService } from './members.service.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly members: MembersService) {}

  @Access('self')
  @Get()
  me(@CurrentActor() actor: Actor) {
    return this.members.me(actor.userId);
  }

  @Access('self')
  @Get('grid-contact')
  gridContact(@CurrentActor() actor: Actor) {
    return this.members.gridContact(actor.userId);
  }

  @Access('self')
  @Patch('preferences')
  preferences(@CurrentActor() actor: Actor, @Input(PreferencesRequest) dto: PreferencesRequest) {
    return this.members.setPreferences(actor.userId, dto);
  }

  @Access('self')
  @Post('privacy')
  @HttpCode(200)
  privacy(@CurrentActor() actor: Actor, @Input(PrivacyAcceptRequest) dto: PrivacyAcceptRequest) {
    return this.members.acceptPrivacy(actor.userId, dto.version);
  }

  @Access('self')
  @Post('phone')
  @HttpCode(200)
  phone(@CurrentActor() actor: Actor, @Input(PhoneBindRequest) dto: PhoneBindRequest) {
    return this.members.bindPhone(actor.userId, dto.code);
  }

  @Access('self')
  @Patch('residence')
  residence(@CurrentActor() actor: Actor, @Input(ResidenceRequest) dto: ResidenceRequest) {
    return this.members.setResidence(actor.userId, dto.nodeId);
  }
}
