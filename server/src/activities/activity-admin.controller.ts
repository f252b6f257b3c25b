import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ActivityCancelRequest, CoverUploadRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor, Public } from '../common/decorators.js';
import { IdPipe, Input } from '../common/validation.js';
import { ActivitiesService } from './activities.service.js';
import { ActivityCovers } from './activity-covers.js';

/** The organiser's actions on a whole activity (cover, calling it off) and the public cover files. */
@ApiTags('activities')
@ApiBearerAuth()
@Controller()
export class ActivityAdminController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly covers: ActivityCovers,
  ) {}

  @Access('manager')
  @Post('activities/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(ActivityCancelRequest) dto: ActivityCancelRequest) {
    return this.activities.cancel(actor, id, dto.reason);
  }

  @Access('manager')
  @Post('activities/:id/cover')
  @HttpCode(200)
  cover(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(CoverUploadRequest) dto: CoverUploadRequest) {
    return this.covers.upload(actor, id, dto.dataUrl);
  }

  /** Public: `<Image>` in the mini-program cannot send a login header; the name is unguessable. */
  @Public()
  @Get('activity-covers/:fileName')
  async coverFile(@Param('fileName') fileName: string, @Res() res: Response) {
    const file = await this.covers.file(fileName);
    res.setHeader('Content-Type', file.mime);
    res.setHeader('Cache-Control', 'public, max-age=604800, immutable');
    res.send(file.bytes);
  }
}
