import { Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CareSettingsRequest, RecordVisitRequest, ResolveWarningRequest, VisitLocationConsentRequest, WarningListQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { HouseholdViews } from './household-views.js';
import { FamilyCare } from './family-care.js';
import { RiskWarningsService } from './risk-warnings.service.js';
import { VisitMedia } from './visit-media.js';
import { VisitsService } from './visits.service.js';

/** 走访 and 风险预警 for grid staff. */
@ApiTags('grid')
@ApiBearerAuth()
@Controller('org/grid')
export class CareController {
  constructor(
    private readonly visits: VisitsService,
    private readonly warnings: RiskWarningsService,
    private readonly media: VisitMedia,
  ) {}

  /** 今日走访: overdue (most days first), due within three days, done this week (Asia/Shanghai). */
  @Access('grid')
  @Get('today')
  today(@CurrentActor() actor: Actor) {
    return this.visits.today(actor);
  }

  @Access('grid')
  @Post('households/:id/visits')
  record(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(RecordVisitRequest) dto: RecordVisitRequest) {
    return this.visits.record(actor, id, dto);
  }

  /** The visit's photo (re-encoded on upload): grid staff of the household only. */
  @Access('grid')
  @Get('visits/:id/photo')
  async photo(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Res() res: Response) {
    const file = await this.media.photo(actor, id);
    res.setHeader('Content-Type', file.mime);
    res.setHeader('Cache-Control', 'private, max-age=86400');
    res.send(file.bytes);
  }

  @Access('grid')
  @Post('tasks/:id/done')
  @HttpCode(200)
  async taskDone(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    await this.visits.completeTask(actor, id);
    return { ok: true };
  }

  @Access('grid')
  @Get('warnings')
  list(@CurrentActor() actor: Actor, @QueryInput(WarningListQuery) q: WarningListQuery) {
    return this.warnings.list(actor, q);
  }

  @Access('grid')
  @Post('warnings/:id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.warnings.acknowledge(actor, id);
  }

  @Access('grid')
  @Post('warnings/:id/resolve')
  @HttpCode(200)
  resolve(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(ResolveWarningRequest) dto: ResolveWarningRequest) {
    return this.warnings.resolve(actor, id, dto.note);
  }

  @Access('grid')
  @Get('settings/:communityId')
  settings(@CurrentActor() actor: Actor, @Param('communityId', IdPipe) communityId: string) {
    return this.warnings.settings(actor, communityId);
  }

  @Access('community')
  @Put('settings/:communityId')
  saveSettings(@CurrentActor() actor: Actor, @Param('communityId', IdPipe) communityId: string, @Input(CareSettingsRequest) dto: CareSettingsRequest) {
    return this.warnings.saveSettings(actor, communityId, dto);
  }
}

/** 我的档案: the resident's own file. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MyFileController {
  constructor(
    private readonly views: HouseholdViews,
    private readonly media: VisitMedia,
  ) {}

  @Access('self')
  @Get('household-file')
  mine(@CurrentActor() actor: Actor) {
    return this.views.myFile(actor);
  }

  /** Whether grid workers may record where a visit to me took place. */
  @Access('self')
  @Put('household-file/location-consent')
  locationConsent(@CurrentActor() actor: Actor, @Input(VisitLocationConsentRequest) dto: VisitLocationConsentRequest) {
    return this.media.setLocationConsent(actor, dto.allow);
  }
}

/** A linked family member's view of the elder's visits and warnings (403 FAMILY_NOT_LINKED without an active link). */
@ApiTags('family')
@ApiBearerAuth()
@Controller('family/elders/:elderId')
export class FamilyCareController {
  constructor(private readonly care: FamilyCare) {}

  @Access('self')
  @Get('care')
  view(@CurrentActor() actor: Actor, @Param('elderId', IdPipe) elderId: string) {
    return this.care.view(actor, elderId);
  }
}
