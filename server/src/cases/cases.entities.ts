import { CaseCategorySetting, CaseEvent, CaseFollower, CasePhoto, CaseRoute } from './case-parts.entity.js';
import { Case } from './case.entity.js';

export const CASE_ENTITIES: Function[] = [Case, CaseEvent, CaseFollower, CaseRoute, CaseCategorySetting, CasePhoto];
