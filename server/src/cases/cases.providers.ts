import type { Domain } from '../common/domain.js';
import { CaseClock, CaseClockJob } from './case-clock.js';
import { CaseKinds } from './case-kinds.js';
import { CaseBoardService } from './case-board.service.js';
import { CaseDigest, CaseDigestJob } from './case-digest.service.js';
import { CaseHandlingService } from './case-handling.service.js';
import { CaseNotices } from './case-notices.js';
import { CasePhotosRepository } from './case-photos.repository.js';
import { CasePhotosService } from './case-photos.service.js';
import { CasePlaces } from './case-places.js';
import { CaseSettingsService } from './case-settings.service.js';
import { CaseViews } from './case-views.js';
import { CaseWorkflow } from './case-workflow.js';
import { CasesController } from './cases.controller.js';
import { CASE_ENTITIES } from './cases.entities.js';
import { CasesRepository } from './cases.repository.js';
import { ReportsService } from './reports.service.js';
import { ReportClusterRule } from './report-cluster.rule.js';
import { VisitFollowupsService } from './visit-followups.service.js';
import { CASES_SEED } from './cases.seed.js';
import { CASE_METRICS } from './cases.metrics.js';

/** The case workflow 工单 (issue #18, ADR 0017): the fifth shared mechanism, and resident reports on it. */
export const CASES: Domain = {
  controllers: [CasesController],
  providers: [CasesRepository, CaseKinds, CasePlaces, CaseNotices, CaseWorkflow, CaseViews, ReportsService, CaseHandlingService, CaseSettingsService, CaseClock, CaseClockJob, CasePhotosRepository, CasePhotosService, CaseBoardService, ReportClusterRule, CaseDigest, CaseDigestJob, VisitFollowupsService],
  entities: CASE_ENTITIES,
  seed: CASES_SEED,
  metrics: CASE_METRICS,
};
