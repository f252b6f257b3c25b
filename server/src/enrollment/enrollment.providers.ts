import { EnrollmentActions } from './enrollment-actions.service.js';
import { EnrollmentController } from './enrollment.controller.js';
import { EnrollmentDecisions } from './enrollment-decisions.js';
import { EnrollmentHooks } from './enrollment-hooks.js';
import { EnrollmentNotices } from './enrollment-notices.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { EnrollmentService } from './enrollment.service.js';
import { EnrollmentSignUps } from './enrollment-signup.js';
import { EnrollmentSweeper } from './enrollment-sweeper.js';
import { EnrollmentWaitlist } from './enrollment-waitlist.js';
import { QueueBatcher } from './queue-batcher.js';
import type { Domain } from '../common/domain.js';
import { EnrollmentSlot } from './enrollment-slot.entity.js';
import { Enrollment } from './enrollment.entity.js';

export const ENROLLMENT: Domain = {
  controllers: [EnrollmentController],
  providers: [EnrollmentService, EnrollmentSignUps, EnrollmentWaitlist, EnrollmentDecisions, EnrollmentRepository, EnrollmentHooks, EnrollmentNotices, EnrollmentActions, EnrollmentSweeper, QueueBatcher],
  entities: [EnrollmentSlot, Enrollment],
};
