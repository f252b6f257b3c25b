import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateOrderRequest, FamilyCheckInRequest, FamilySignUpRequest, InboxQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { FamilyActingService } from './family-acting.service.js';
import { FamilyDuesService } from './family-dues.service.js';

/** A linked family member acting for an older resident; every route is refused (403) without an active link. */
@ApiTags('family')
@ApiBearerAuth()
@Controller('family/elders/:elderId')
export class FamilyActingController {
  constructor(
    private readonly acting: FamilyActingService,
    private readonly dues: FamilyDuesService,
  ) {}

  @Access('self')
  @Post('activities/:activityId/signup')
  signUp(@CurrentActor() actor: Actor, @Param('elderId', IdPipe) elderId: string, @Param('activityId', IdPipe) activityId: string, @Input(FamilySignUpRequest) dto: FamilySignUpRequest) {
    return this.acting.signUp(actor, elderId, activityId, dto.companions);
  }

  @Access('self')
  @Post('enrollments/:enrollmentId/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('elderId', IdPipe) elderId: string, @Param('enrollmentId', IdPipe) enrollmentId: string) {
    return this.acting.cancel(actor, elderId, enrollmentId);
  }

  @Access('self')
  @Post('checkin')
  @HttpCode(200)
  checkIn(@CurrentActor() actor: Actor, @Param('elderId', IdPipe) elderId: string, @Input(FamilyCheckInRequest) dto: FamilyCheckInRequest) {
    return this.acting.checkIn(actor, elderId, dto);
  }

  @Access('self')
  @Get('inbox')
  inbox(@CurrentActor() actor: Actor, @Param('elderId', IdPipe) elderId: string, @QueryInput(InboxQuery) q: InboxQuery) {
    return this.acting.inbox(actor, elderId, q.limit, q.cursor);
  }

  @Access('self')
  @Get('activities')
  activities(@CurrentActor() actor: Actor, @Param('elderId', IdPipe) elderId: string) {
    return this.acting.activitiesOf(actor, elderId);
  }

  /** An older Party member's bills, for 代缴 (409 FAMILY_ELDER_NOT_PARTY_MEMBER when they are not a Party member). */
  @Access('self')
  @Get('dues')
  elderDues(@CurrentActor() actor: Actor, @Param('elderId', IdPipe) elderId: string) {
    return this.dues.view(actor, elderId);
  }

  /** 代缴: the family member's WeChat Pay order for the elder's bills (same order path and rules as paying one's own). */
  @Access('self')
  @Post('dues/orders')
  @HttpCode(201)
  payDues(@CurrentActor() actor: Actor, @Param('elderId', IdPipe) elderId: string, @Input(CreateOrderRequest) dto: CreateOrderRequest) {
    return this.dues.pay(actor, elderId, dto);
  }
}
