import { Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PairDecisionRequest, ResolveVerificationRequest, RosterPreviewRequest, RosterRowsQuery, RosterSourceRequest, RosterSourceUpdate, RosterUploadQuery, VerificationListQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { RosterExport } from './roster-export.service.js';
import { RosterImportService } from './roster-import.service.js';
import { RosterReview } from './roster-review.service.js';
import { RosterSources } from './roster-sources.service.js';
import { RosterViews } from './roster-views.js';

/** 名单导入 for grid staff: sources, uploads, preview, commit, rollback, export, and the two review queues. */
@ApiTags('roster')
@ApiBearerAuth()
@Controller('org/roster')
export class RosterController {
  constructor(
    private readonly sources: RosterSources,
    private readonly imports: RosterImportService,
    private readonly review: RosterReview,
    private readonly exporter: RosterExport,
    private readonly views: RosterViews,
  ) {}

  @Access('grid')
  @Get('sources')
  listSources(@CurrentActor() actor: Actor) {
    return this.sources.list(actor);
  }

  @Access('grid')
  @Post('sources')
  createSource(@CurrentActor() actor: Actor, @Input(RosterSourceRequest) dto: RosterSourceRequest) {
    return this.sources.create(actor, dto);
  }

  @Access('grid')
  @Patch('sources/:id')
  updateSource(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(RosterSourceUpdate) dto: RosterSourceUpdate) {
    return this.sources.update(actor, id, dto);
  }

  @Access('grid')
  @Get('sources/:id/imports')
  listImports(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.imports.list(actor, id);
  }

  /** Exported with the source's own headers; sensitive columns masked unless community staff. */
  @Access('grid')
  @Get('sources/:id/export')
  async export(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Res() res: Response) {
    const file = await this.exporter.xlsx(actor, id);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.send(file.bytes);
  }

  /** The file is the raw request body (application/octet-stream), streamed to disk: up to 20 MB without holding it in memory. */
  @Access('grid')
  @Post('imports')
  upload(@CurrentActor() actor: Actor, @QueryInput(RosterUploadQuery) q: RosterUploadQuery, @Req() req: Request) {
    // A JSON or form body was already consumed by the body parsers: only raw bytes are a file here.
    if (!/^application\/octet-stream\b/.test(req.headers['content-type'] ?? '') || req.readableEnded) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    return this.imports.upload(actor, q, req);
  }

  @Access('grid')
  @Get('imports/:id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.imports.get(actor, id);
  }

  @Access('grid')
  @Get('imports/:id/rows')
  rows(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @QueryInput(RosterRowsQuery) q: RosterRowsQuery) {
    return this.views.rows(actor, id, q);
  }

  @Access('grid')
  @Post('imports/:id/preview')
  @HttpCode(200)
  preview(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(RosterPreviewRequest) dto: RosterPreviewRequest) {
    return this.imports.preview(actor, id, dto);
  }

  @Access('grid')
  @Post('imports/:id/commit')
  @HttpCode(202)
  commit(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.imports.commit(actor, id);
  }

  @Access('grid')
  @Post('imports/:id/rollback')
  @HttpCode(200)
  rollback(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.imports.rollback(actor, id);
  }

  @Access('grid')
  @Get('pairs')
  pairs(@CurrentActor() actor: Actor) {
    return this.review.pairs(actor);
  }

  @Access('grid')
  @Post('pairs/:id/decide')
  @HttpCode(200)
  decide(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(PairDecisionRequest) dto: PairDecisionRequest) {
    return this.review.decide(actor, id, dto);
  }

  @Access('grid')
  @Get('verifications')
  verifications(@CurrentActor() actor: Actor, @QueryInput(VerificationListQuery) q: VerificationListQuery) {
    return this.review.tasks(actor, q);
  }

  @Access('grid')
  @Post('verifications/:id/resolve')
  @HttpCode(200)
  resolve(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(ResolveVerificationRequest) dto: ResolveVerificationRequest) {
    return this.review.resolve(actor, id, dto);
  }

  /** Which sources list a person (their file shows it). */
  @Access('grid')
  @Get('persons/:userId/sources')
  personSources(@CurrentActor() actor: Actor, @Param('userId', IdPipe) userId: string) {
    return this.views.personSources(actor, userId);
  }
}
