import type { Domain } from '../common/domain.js';
import { RosterApplier } from './roster-apply.js';
import { Conflicts } from './roster-conflicts.js';
import { RosterExport } from './roster-export.service.js';
import { RosterImportService } from './roster-import.service.js';
import { RosterReview } from './roster-review.service.js';
import { RosterRun } from './roster-run.js';
import { RosterSources } from './roster-sources.service.js';
import { RosterUndo } from './roster-undo.js';
import { RosterViews } from './roster-views.js';
import { RosterController } from './roster.controller.js';
import { ROSTER_ENTITIES } from './roster.entities.js';
import { RosterRepository } from './roster.repository.js';
import { ROSTER_SEED } from './roster.seed.js';
import { VerificationOverdueRule } from './verification-rule.js';

/** 名单导入, 查重 and 核验 (issue #17). */
export const ROSTER: Domain = {
  controllers: [RosterController],
  providers: [RosterRepository, RosterSources, Conflicts, RosterApplier, RosterUndo, RosterRun, RosterImportService, RosterReview, RosterExport, RosterViews, VerificationOverdueRule],
  entities: ROSTER_ENTITIES,
  seed: ROSTER_SEED,
};
