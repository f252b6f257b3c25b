import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CertificateCode, HoursCorrectionRequest, HoursDecisionRequest, HoursListQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Access, CurrentActor, Public } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { CertificateService } from './certificate.service.js';
import { HoursCorrections } from './hours-corrections.service.js';
import { HoursExportService } from './hours-export.service.js';
import { HoursService } from './hours.service.js';

/** A malformed code names no certificate: not found, like a malformed id. */
class CodePipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    const upper = typeof value === 'string' ? value.toUpperCase() : value;
    if (!CertificateCode.safeParse(upper).success) throw AppError.notFound();
    return upper as string;
  }
}

@ApiTags('volunteering')
@ApiBearerAuth()
@Controller('volunteering')
export class HoursController {
  constructor(
    private readonly hours: HoursService,
    private readonly corrections: HoursCorrections,
    private readonly exports: HoursExportService,
    private readonly certificates: CertificateService,
  ) {}

  /** Organiser: hours in scope, e.g. `?status=pending` to approve. */
  @Access('manager')
  @Get('hours')
  list(@CurrentActor() actor: Actor, @QueryInput(HoursListQuery) q: HoursListQuery) {
    return this.hours.list(actor, q);
  }

  /** My hours by campaign and year, stars and the way to the next. */
  @Access('self')
  @Get('hours/mine')
  mine(@CurrentActor() actor: Actor) {
    return this.hours.mine(actor);
  }

  @Access('manager')
  @Post('hours/decide')
  @HttpCode(200)
  decide(@CurrentActor() actor: Actor, @Input(HoursDecisionRequest) dto: HoursDecisionRequest) {
    return this.hours.decide(actor, dto);
  }

  /** Organiser: the real minutes of an auto checked-out entry still pending, with the reason (kept). */
  @Access('manager')
  @Post('hours/:id/correct')
  @HttpCode(200)
  correct(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(HoursCorrectionRequest) dto: HoursCorrectionRequest) {
    return this.corrections.correct(actor, id, dto);
  }

  @Access('manager')
  @Get('campaigns/:id/hours.xlsx')
  async export(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const file = await this.exports.export(actor, id);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.body);
  }

  /** Issues a 志愿服务证明 of the approved hours so far. */
  @Access('self')
  @Post('certificates')
  issue(@CurrentActor() actor: Actor) {
    return this.certificates.issue(actor);
  }

  /** Anyone may check a certificate by its code: masked name, hours, stars, date; nothing else. */
  @Public()
  @Get('certificates/:code')
  verify(@Param('code', CodePipe) code: string) {
    return this.certificates.verify(code);
  }
}
