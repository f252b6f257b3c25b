import { ComplaintNotices } from './complaint-notices.js';
import { ComplaintClockPolicy } from './complaint-clock.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { ComplaintsService } from './complaints.service.js';
import type { Domain } from '../common/domain.js';
import { Complaint } from './complaint.entity.js';

/** 举报投诉, the complaint channel for misuse of personal data (issue #9), on the case workflow since issue #18. */
export const COMPLAINTS: Domain = {
  controllers: [ComplaintsController],
  providers: [ComplaintsRepository, ComplaintNotices, ComplaintsService, ComplaintClockPolicy],
  entities: [Complaint],
};
