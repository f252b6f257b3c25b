import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditSearchQuery, DataAccessQuery } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { QueryInput } from '../common/validation.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** 审计日志: admins search the trail of the organisations they administer. */
  @Access('admin')
  @Get('audit')
  search(@CurrentActor() actor: Actor, @QueryInput(AuditSearchQuery) q: AuditSearchQuery) {
    return this.audit.search(actor, q);
  }

  /** 谁查看了我的数据. */
  @Access('self')
  @Get('me/data-access')
  dataAccess(@CurrentActor() actor: Actor, @QueryInput(DataAccessQuery) q: DataAccessQuery) {
    return this.audit.dataAccess(actor, q);
  }
}
