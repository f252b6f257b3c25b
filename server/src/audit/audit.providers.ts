import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller.js';
import { AuditHeadPublisher } from './audit-head-publisher.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { AuditTrail } from './audit-trail.service.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import type { Domain } from '../common/domain.js';
import { AuditEntry, AuditHead } from './audit-entry.entity.js';

/** The hash-chained audit trail (issue #9); its interceptor sees every request. */
export const AUDIT: Domain = {
  controllers: [AuditController],
  providers: [AuditRepository, AuditTrail, AuditService, AuditHeadPublisher, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  entities: [AuditEntry, AuditHead],
};
