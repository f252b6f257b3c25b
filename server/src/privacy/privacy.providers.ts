import { KeyRotationRepository } from './key-rotation.repository.js';
import { KeyRotationService } from './key-rotation.service.js';
import { RetentionService } from './retention.service.js';

/** Personal-data protection that is not any one domain's (issue #9). */
export const PRIVACY = { controllers: [], providers: [RetentionService, KeyRotationService, KeyRotationRepository] };
