import { AccountDataRepository } from './account-data.repository.js';
import { AccountDeletionRepository } from './account-deletion.repository.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { AccountExportService } from './account-export.service.js';
import { ConsentRecordRepository } from './consent-record.repository.js';
import { ConsentRecords } from './consent-records.service.js';
import { KeyRotationRepository } from './key-rotation.repository.js';
import { KeyRotationService } from './key-rotation.service.js';
import { PrivacyController } from './privacy.controller.js';
import { RetentionService } from './retention.service.js';
import type { Domain } from '../common/domain.js';
import { ConsentRecord } from './consent-record.entity.js';

/** Personal-data protection that is not any one domain's (issue #9). */
export const PRIVACY: Domain = {
  controllers: [PrivacyController],
  providers: [
    RetentionService,
    KeyRotationService,
    KeyRotationRepository,
    ConsentRecordRepository,
    ConsentRecords,
    AccountDataRepository,
    AccountExportService,
    AccountDeletionRepository,
    AccountDeletionService,
  ],
  entities: [ConsentRecord],
};
