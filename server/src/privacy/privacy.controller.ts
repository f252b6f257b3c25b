import { Controller, Get, HttpCode, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DeleteAccountRequest, formatChinaDate } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor, RateLimit } from '../common/decorators.js';
import { Input } from '../common/validation.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { AccountExportService } from './account-export.service.js';
import { ConsentRecords } from './consent-records.service.js';
import { clock } from '../common/clock.js';

/** 我的数据与隐私: the caller's own consents, data download and account deletion. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class PrivacyController {
  constructor(
    private readonly exports: AccountExportService,
    private readonly deletion: AccountDeletionService,
    private readonly consents: ConsentRecords,
  ) {}

  @Access('self')
  @Get('consents')
  list(@CurrentActor() actor: Actor) {
    return this.consents.history(actor.userId);
  }

  /** A file, not a page: the download is limited like a write because it reads every table. */
  @Access('self')
  @Get('data-export')
  @RateLimit('write')
  async export(@CurrentActor() actor: Actor): Promise<StreamableFile> {
    const now = clock.now();
    const doc = await this.exports.export(actor.userId, now);
    return new StreamableFile(Buffer.from(JSON.stringify(doc, null, 2), 'utf8'), {
      type: 'application/json; charset=utf-8',
      disposition: `attachment; filename="honglin-my-data-${formatChinaDate(now)}.json"`,
    });
  }

  @Access('self')
  @Post('delete-account')
  @HttpCode(200)
  delete(@CurrentActor() actor: Actor, @Input(DeleteAccountRequest) _dto: DeleteAccountRequest) {
    return this.deletion.delete(actor.userId);
  }
}
