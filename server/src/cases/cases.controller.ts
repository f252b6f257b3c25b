import { Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CaseCommunityQuery,
  CaseDeadlineRequest,
  CaseExitRequest,
  CasePhotoUploadRequest,
  CaseQueueQuery,
  CaseReasonRequest,
  CaseRouteRequest,
  CaseTextRequest,
  FileReportRequest,
  MergeCaseRequest,
  PageQuery,
  RateCaseRequest,
  ReassignCaseRequest,
  SimilarCasesQuery,
  VisitFollowupRequest,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { CaseBoardService } from './case-board.service.js';
import { CaseHandlingService } from './case-handling.service.js';
import { CasePhotosService } from './case-photos.service.js';
import { CaseSettingsService } from './case-settings.service.js';
import { ReportsService } from './reports.service.js';
import { VisitFollowupsService } from './visit-followups.service.js';

/** 我要反映 and 我的反映: the resident's side of the case workflow. Static paths before `:id`. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly handling: CaseHandlingService,
    private readonly settings: CaseSettingsService,
    private readonly photos: CasePhotosService,
    private readonly board: CaseBoardService,
    private readonly followups: VisitFollowupsService,
  ) {}

  /** 走访发现: the grid staff raise a need found on a visit as a case about the household's building. */
  @Access('grid')
  @Post('visits/:visitId/followup')
  followup(@CurrentActor() actor: Actor, @Param('visitId', IdPipe) visitId: string, @Input(VisitFollowupRequest) dto: VisitFollowupRequest) {
    return this.followups.raise(actor, visitId, dto);
  }

  /** 公开栏: a community's resolved reports, masked, with counts by category and the median time to 办结. */
  @Access('street')
  @Get('board')
  publicBoard(@QueryInput(CaseCommunityQuery) q: CaseCommunityQuery) {
    return this.board.board(q.communityId);
  }

  /** One tap for an elder: 请网格员联系我, a case on the grid worker's clock about the resident's own building. */
  @Access('self')
  @Post('contact-me')
  contactMe(@CurrentActor() actor: Actor) {
    return this.reports.contactMe(actor);
  }

  /** One photo for a report about to be filed (re-encoded: EXIF and GPS removed); its id goes in `photoIds`. */
  @Access('self')
  @Post('photos')
  upload(@CurrentActor() actor: Actor, @Input(CasePhotoUploadRequest) dto: CasePhotoUploadRequest) {
    return this.photos.upload(actor, dto.dataUrl);
  }

  /** The resident's own report, or (代办, `onBehalfOf`) one a family member or grid worker files for them. */
  @Access('self', 'grid')
  @Post('reports')
  file(@CurrentActor() actor: Actor, @Input(FileReportRequest) dto: FileReportRequest) {
    return this.reports.file(actor, dto);
  }

  /** Open reports of the same category about the same building in the last 14 days: follow instead of filing twice. */
  @Access('self')
  @Get('reports/similar')
  similar(@CurrentActor() actor: Actor, @QueryInput(SimilarCasesQuery) q: SimilarCasesQuery) {
    return this.reports.similar(actor, q);
  }

  @Access('self')
  @Get('mine')
  mine(@CurrentActor() actor: Actor, @QueryInput(PageQuery) q: PageQuery) {
    return this.reports.mine(actor, q.limit, q.cursor);
  }

  /** The handler's own queue, or (scope=community) every case under the caller's places; open ones by deadline. */
  @Access('grid', 'organiser')
  @Get('queue')
  queue(@CurrentActor() actor: Actor, @QueryInput(CaseQueueQuery) q: CaseQueueQuery) {
    return this.handling.queue(actor, q);
  }

  @Access('organiser')
  @Get('routes')
  routes(@CurrentActor() actor: Actor, @QueryInput(CaseCommunityQuery) q: CaseCommunityQuery) {
    return this.settings.routes(actor, q.communityId);
  }

  @Access('organiser')
  @Put('routes')
  setRoute(@CurrentActor() actor: Actor, @Input(CaseRouteRequest) dto: CaseRouteRequest) {
    return this.settings.setRoute(actor, dto);
  }

  @Access('organiser')
  @Get('deadlines')
  deadlines(@CurrentActor() actor: Actor, @QueryInput(CaseCommunityQuery) q: CaseCommunityQuery) {
    return this.settings.deadlines(actor, q.communityId);
  }

  @Access('organiser')
  @Put('deadlines')
  setDeadline(@CurrentActor() actor: Actor, @Input(CaseDeadlineRequest) dto: CaseDeadlineRequest) {
    return this.settings.setDeadline(actor, dto);
  }

  /** The parties (reporter, followers) and the staff over its place; anyone else gets 404. */
  @Access('self', 'grid', 'organiser')
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.reports.get(actor, id);
  }

  @Access('self', 'grid', 'organiser')
  @Get(':id/photos/:photoId')
  async photo(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Param('photoId', IdPipe) photoId: string, @Query('thumb') thumb: string | undefined, @Res() res: Response) {
    const file = await this.photos.read(actor, id, photoId, thumb === '1');
    res.setHeader('Content-Type', file.mime);
    res.setHeader('Cache-Control', 'private, max-age=86400');
    res.send(file.bytes);
  }

  /** The handler's photo of the work done. */
  @Access('grid', 'organiser')
  @Post(':id/photos')
  afterPhoto(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(CasePhotoUploadRequest) dto: CasePhotoUploadRequest) {
    return this.photos.addAfter(actor, id, dto.dataUrl);
  }

  /** Any open report, by anyone signed in (it was offered as similar): a follower is told of every step. */
  @Access('street')
  @Post(':id/follow')
  @HttpCode(200)
  follow(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.reports.follow(actor, id);
  }

  @Access('self')
  @Post(':id/rate')
  @HttpCode(200)
  rate(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(RateCaseRequest) dto: RateCaseRequest) {
    return this.reports.rate(actor, id, dto);
  }

  @Access('self')
  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(CaseReasonRequest) dto: CaseReasonRequest) {
    return this.reports.reopen(actor, id, dto.reason);
  }

  @Access('self')
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.reports.withdraw(actor, id);
  }

  @Access('grid', 'organiser')
  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.handling.accept(actor, id);
  }

  @Access('grid', 'organiser')
  @Post(':id/reassign')
  @HttpCode(200)
  reassign(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(ReassignCaseRequest) dto: ReassignCaseRequest) {
    return this.handling.reassign(actor, id, dto.toUserId, dto.reason);
  }

  @Access('grid', 'organiser')
  @Post(':id/reply')
  @HttpCode(200)
  reply(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(CaseTextRequest) dto: CaseTextRequest) {
    return this.handling.reply(actor, id, dto.text);
  }

  @Access('grid', 'organiser')
  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(CaseTextRequest) dto: CaseTextRequest) {
    return this.handling.resolve(actor, id, dto.text);
  }

  /** 不予受理 / 无法办理, each with its reason. */
  @Access('grid', 'organiser')
  @Post(':id/exit')
  @HttpCode(200)
  exit(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(CaseExitRequest) dto: CaseExitRequest) {
    return this.handling.exit(actor, id, dto.outcome, dto.reason);
  }

  @Access('grid', 'organiser')
  @Post(':id/merge')
  @HttpCode(200)
  merge(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(MergeCaseRequest) dto: MergeCaseRequest) {
    return this.handling.merge(actor, id, dto.intoCaseId);
  }
}
