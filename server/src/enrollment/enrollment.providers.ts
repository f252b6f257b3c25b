import { EnrollmentActions } from './enrollment-actions.service.js';
import { EnrollmentController } from './enrollment.controller.js';
import { EnrollmentHooks } from './enrollment-hooks.js';
import { EnrollmentNotices } from './enrollment-notices.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { EnrollmentService } from './enrollment.service.js';
import { EnrollmentSweeper } from './enrollment-sweeper.js';
import { QueueBatcher } from './queue-batcher.js';

export const ENROLLMENT = {
  controllers: [EnrollmentController],
  providers: [EnrollmentService, EnrollmentRepository, EnrollmentHooks, EnrollmentNotices, EnrollmentActions, EnrollmentSweeper, QueueBatcher],
};
