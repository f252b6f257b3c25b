import { CampaignsController } from './campaigns.controller.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';
import { CertificateService } from './certificate.service.js';
import { HoursController } from './hours.controller.js';
import { HoursExportService } from './hours-export.service.js';
import { HoursRepository } from './hours.repository.js';
import { HoursService } from './hours.service.js';
import { MobilisationAnswers } from './mobilisation-answers.service.js';
import { MobilisationBoardService } from './mobilisation-board.service.js';
import { MobilisationController } from './mobilisation.controller.js';
import { MobilisationRepository } from './mobilisation.repository.js';
import { MobilisationService } from './mobilisation.service.js';
import { ProfilesService } from './profiles.service.js';
import { ShiftCheckInTarget, ShiftCheckOutTarget } from './shift-check-in.js';
import { ShiftViews } from './shift-views.js';
import { ShiftsService } from './shifts.service.js';
import { VolunteeringJobs } from './volunteering-jobs.js';

/** Volunteer drives, shifts, hours and urgent calls (issue #6), on the enrollment, check-in, ledger and outbox mechanisms. */
export const VOLUNTEERING = {
  controllers: [CampaignsController, HoursController, MobilisationController],
  providers: [
    CampaignsRepository,
    HoursRepository,
    MobilisationRepository,
    CampaignsService,
    ShiftViews,
    ShiftsService,
    ProfilesService,
    HoursService,
    HoursExportService,
    CertificateService,
    ShiftCheckInTarget,
    ShiftCheckOutTarget,
    MobilisationService,
    MobilisationAnswers,
    MobilisationBoardService,
    VolunteeringJobs,
  ],
};
