import { CareController, MyFileController } from './care.controller.js';
import { CareRepository } from './care.repository.js';
import { CareSchedule } from './care-schedule.js';
import { CareViews } from './care-views.js';
import { HouseholdViews } from './household-views.js';
import { HouseholdsController } from './households.controller.js';
import { HOUSEHOLD_ENTITIES } from './households.entities.js';
import { HouseholdsRepository } from './households.repository.js';
import { HouseholdsService } from './households.service.js';
import { RiskEngine, RiskJob } from './risk-engine.js';
import { RiskFactsRepository } from './risk-facts.repository.js';
import { RiskNotices } from './risk-notices.js';
import { RiskRules } from './risk-rules.js';
import { ElderAloneUnvisitedRule, RepeatedNoAnswerRule } from './risk-rules.builtin.js';
import { RiskWarningsService } from './risk-warnings.service.js';
import { VisitsService } from './visits.service.js';

/** 一户一档, 走访 and 风险预警 (issue #16). */
export const HOUSEHOLDS = {
  controllers: [HouseholdsController, CareController, MyFileController],
  providers: [
    HouseholdsRepository, CareRepository, RiskFactsRepository, CareSchedule, CareViews, HouseholdsService, HouseholdViews, VisitsService,
    RiskRules, ElderAloneUnvisitedRule, RepeatedNoAnswerRule, RiskNotices, RiskEngine, RiskJob, RiskWarningsService,
  ],
  entities: HOUSEHOLD_ENTITIES,
};
