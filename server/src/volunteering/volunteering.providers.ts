import { VOLUNTEERING_METRICS } from './volunteering.metrics.js';
import { CampaignAdminController } from './campaign-admin.controller.js';
import { CampaignAdminService } from './campaign-admin.service.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';
import { CertificateService } from './certificate.service.js';
import { HoursController } from './hours.controller.js';
import { HoursCorrections } from './hours-corrections.service.js';
import { HoursExportService } from './hours-export.service.js';
import { HoursRepository } from './hours.repository.js';
import { HoursService } from './hours.service.js';
import { ImpactRepository } from './impact.repository.js';
import { MobilisationAnswers } from './mobilisation-answers.service.js';
import { MobilisationBoardService } from './mobilisation-board.service.js';
import { MobilisationController } from './mobilisation.controller.js';
import { MobilisationRepository } from './mobilisation.repository.js';
import { MobilisationService } from './mobilisation.service.js';
import { ProfilesService } from './profiles.service.js';
import { ShiftCheckInTarget, ShiftCheckOutTarget } from './shift-check-in.js';
import { ShiftViews } from './shift-views.js';
import { ShiftsService } from './shifts.service.js';
import { VolunteerLocks } from './volunteer-locks.js';
import { VolunteeringJobs } from './volunteering-jobs.js';
import type { Domain } from '../common/domain.js';
import { VolunteerCampaign, VolunteerShift } from './campaign.entity.js';
import { VolunteerProfile } from './profile.entity.js';
import { VolunteerCertificate, VolunteerHours, VolunteerHoursCorrection } from './hours.entity.js';
import { MobilisationAnswerRow, MobilisationCall } from './mobilisation.entity.js';
import { VolunteerImpactRecord } from './impact.entity.js';
import { VOLUNTEERING_SEED } from './volunteering.seed.js';

/** Volunteer drives, shifts, hours and urgent calls (issue #6), on the enrollment, check-in, ledger and outbox mechanisms. */
export const VOLUNTEERING: Domain = {
  controllers: [CampaignsController, CampaignAdminController, HoursController, MobilisationController],
  providers: [
    CampaignsRepository,
    HoursRepository,
    MobilisationRepository,
    ImpactRepository,
    VolunteerLocks,
    CampaignsService,
    CampaignAdminService,
    ShiftViews,
    ShiftsService,
    ProfilesService,
    HoursService,
    HoursCorrections,
    HoursExportService,
    CertificateService,
    ShiftCheckInTarget,
    ShiftCheckOutTarget,
    MobilisationService,
    MobilisationAnswers,
    MobilisationBoardService,
    VolunteeringJobs,
  ],
  entities: [VolunteerCampaign, VolunteerShift, VolunteerProfile, VolunteerHours, VolunteerCertificate, VolunteerHoursCorrection, MobilisationCall, MobilisationAnswerRow, VolunteerImpactRecord],
  seed: VOLUNTEERING_SEED,
  metrics: VOLUNTEERING_METRICS,
};
