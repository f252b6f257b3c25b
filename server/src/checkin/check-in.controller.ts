import { Controller, Get, HttpCode, Param, Post, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CheckInAssistRequest, CheckInCodeRequest, CheckInGeofenceRequest, CheckInRedeemRequest, CheckInTargetType } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Access, CurrentActor, RateLimit } from '../common/decorators.js';
import { IdPipe, Input } from '../common/validation.js';
import { CheckInService } from './check-in.service.js';

/** An unknown-shaped target type names nothing: not found, like a malformed id. */
class TargetTypePipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!CheckInTargetType.safeParse(value).success) throw new AppError('CHECKIN_TARGET_NOT_FOUND');
    return value as string;
  }
}

@ApiTags('check-in')
@ApiBearerAuth()
@Controller('checkin')
export class CheckInController {
  constructor(private readonly checkIns: CheckInService) {}

  /** The organiser's rotating QR code (poll at `refreshAt`). */
  @Access('organiser')
  @Get(':type/:id/qr')
  qr(@CurrentActor() actor: Actor, @Param('type', TargetTypePipe) type: string, @Param('id', IdPipe) id: string) {
    return this.checkIns.currentQr(actor, type, id);
  }

  @Access('self')
  @Post('redeem')
  @HttpCode(200)
  redeem(@CurrentActor() actor: Actor, @Input(CheckInRedeemRequest) dto: CheckInRedeemRequest) {
    return this.checkIns.redeem(actor, dto);
  }

  /** The six digits beside the QR, typed; limited per caller like a password, since they are short. */
  @Access('self')
  @RateLimit('guess')
  @Post('code')
  @HttpCode(200)
  code(@CurrentActor() actor: Actor, @Input(CheckInCodeRequest) dto: CheckInCodeRequest) {
    return this.checkIns.redeemCode(actor, dto);
  }

  @Access('self')
  @Post('geofence')
  @HttpCode(200)
  geofence(@CurrentActor() actor: Actor, @Input(CheckInGeofenceRequest) dto: CheckInGeofenceRequest) {
    return this.checkIns.geofence(actor, dto);
  }

  @Access('organiser')
  @Post('assist')
  @HttpCode(200)
  assist(@CurrentActor() actor: Actor, @Input(CheckInAssistRequest) dto: CheckInAssistRequest) {
    return this.checkIns.assist(actor, dto);
  }
}
