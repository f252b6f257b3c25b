import { OrgController } from './org.controller.js';
import { OrgRepository } from './org.repository.js';
import { OrgService } from './org.service.js';
import { ResidenceOptionsService } from './residence-options.service.js';
import type { Domain } from '../common/domain.js';
import { OrgNode } from './org-node.entity.js';
import { PartyApplication } from './party-application.entity.js';
import { ORGANIZATIONS_SEED } from './organizations.seed.js';

export const ORGANIZATIONS: Domain = {
  controllers: [OrgController],
  providers: [OrgRepository, OrgService, ResidenceOptionsService],
  entities: [OrgNode, PartyApplication],
  seed: ORGANIZATIONS_SEED,
};
