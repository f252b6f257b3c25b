import { CareVisit, HouseholdTask } from './care-visit.entity.js';
import { CorrectionRequestRow } from './correction.entity.js';
import { Household, HouseholdMember } from './household.entity.js';
import { PersonProfile, PersonTagRow } from './person-profile.entity.js';
import { CareSettings, RiskWarning } from './risk-warning.entity.js';

/** The grid ledger's tables (issue #16); registered in database/entities.ts. */
export const HOUSEHOLD_ENTITIES = [Household, HouseholdMember, PersonProfile, PersonTagRow, CareVisit, HouseholdTask, RiskWarning, CareSettings, CorrectionRequestRow];
