import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile, Body } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CreateKioskLinkRequest, DashboardQuery, ExportQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor, Public } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { DashboardService } from './dashboard.service.js';
import { KioskService } from './kiosk.service.js';
import { TableExport } from './table-export.js';

/** 数据看板: figures from the rollups for the caller's grids, community, branch or street. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('org/analytics')
export class AnalyticsController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly kiosks: KioskService,
    private readonly exports: TableExport,
  ) {}

  /** The caller's top nodes, where the dashboard opens. */
  @Access('grid', 'organiser')
  @Get('scope')
  async scope(@CurrentActor() actor: Actor) {
    return (await this.dashboards.roots(actor)).map((n) => ({ id: n.id, name: n.name, kind: n.kind }));
  }

  @Access('grid', 'organiser')
  @Get('dashboard')
  dashboard(@CurrentActor() actor: Actor, @QueryInput(DashboardQuery) q: DashboardQuery) {
    return this.dashboards.view(actor, q);
  }

  /** The table under one chart as .xlsx (the same numbers, suppression included). */
  @Access('grid', 'organiser')
  @Get('table.xlsx')
  async export(@CurrentActor() actor: Actor, @QueryInput(ExportQuery) q: ExportQuery, @Res({ passthrough: true }) res: Response) {
    this.dashboards.parseMetrics(q.metric);
    const file = await this.exports.workbook(await this.dashboards.view(actor, { ...q, metrics: q.metric }), q.metric);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.body);
  }

  @Access('organiser')
  @Post('kiosk-links')
  createKiosk(@CurrentActor() actor: Actor, @Input(CreateKioskLinkRequest) dto: CreateKioskLinkRequest) {
    return this.kiosks.create(actor, dto);
  }

  @Access('organiser')
  @Get('kiosk-links')
  kioskLinks(@CurrentActor() actor: Actor) {
    return this.kiosks.mine(actor);
  }

  @Access('organiser')
  @Post('kiosk-links/:id/revoke')
  @HttpCode(200)
  async revoke(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() _body: unknown) {
    await this.kiosks.revoke(actor, id);
    return { ok: true };
  }
}

/** 大屏: opened with a kiosk link's token, never with a login; aggregates of one node only. */
@ApiTags('analytics')
@Controller('kiosk')
export class KioskController {
  constructor(private readonly kiosks: KioskService) {}

  @Public()
  @Get(':token')
  view(@Param('token') token: string) {
    return this.kiosks.view(token);
  }
}
