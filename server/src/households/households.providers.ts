import type { Domain } from '../common/domain.js';
import { CareController, FamilyCareController, MyFileController } from './care.controller.js';
import { CareRepository } from './care.repository.js';
import { CareSchedule } from './care-schedule.js';
import { CareViews } from './care-views.js';
import { CorrectionsController, MyCorrectionsController } from './corrections.controller.js';
import { CorrectionsRepository } from './corrections.repository.js';
import { CorrectionsService, OverdueCorrectionRule } from './corrections.service.js';
import { HouseholdViews } from './household-views.js';
import { HouseholdsController } from './households.controller.js';
import { HOUSEHOLD_ENTITIES } from './households.entities.js';
import { HouseholdsRepository } from './households.repository.js';
import { HOUSEHOLDS_SEED } from './households.seed.js';
import { HouseholdsService } from './households.service.js';
import { RiskEngine, RiskJob } from './risk-engine.js';
import { RiskFactsRepository } from './risk-facts.repository.js';
import { RiskNotices } from './risk-notices.js';
import { RiskRules } from './risk-rules.js';
import { ElderAloneUnvisitedRule, RepeatedNoAnswerRule } from './risk-rules.builtin.js';
import { RiskWarningsService } from './risk-warnings.service.js';
import { VisitsService } from './visits.service.js';
import { FamilyCare } from './family-care.js';
import { HouseholdPeople } from './household-people.js';
import { GridAggregates } from './grid-aggregates.js';
import { GridAggregatesController } from './grid-aggregates.controller.js';
import { GridAggregatesRepository } from './grid-aggregates.repository.js';
import { VisitMedia } from './visit-media.js';

/** 一户一档, 走访 and 风险预警 (issue #16). */
export const HOUSEHOLDS: Domain = {
  controllers: [HouseholdsController, CareController, MyFileController, MyCorrectionsController, CorrectionsController, FamilyCareController, GridAggregatesController],
  providers: [
    HouseholdsRepository, CareRepository, RiskFactsRepository, CareSchedule, CareViews, HouseholdsService, HouseholdViews, VisitsService,
    RiskRules, ElderAloneUnvisitedRule, RepeatedNoAnswerRule, RiskNotices, RiskEngine, RiskJob, RiskWarningsService,
    CorrectionsRepository, CorrectionsService, OverdueCorrectionRule, VisitMedia, FamilyCare,
    GridAggregatesRepository, GridAggregates, HouseholdPeople,
  ],
  entities: HOUSEHOLD_ENTITIES,
  seed: HOUSEHOLDS_SEED,
};
