import { FamilyActingController } from './family-acting.controller.js';
import { FamilyActingService } from './family-acting.service.js';
import { FamilyDuesService } from './family-dues.service.js';
import { FamilyController } from './family.controller.js';
import { FamilyLinksService } from './family-links.service.js';
import { FamilyNotices } from './family-notices.js';
import { FamilyRepository } from './family.repository.js';
import { ProxyActionRepository } from './proxy-action.repository.js';
import { ProxyActions } from './proxy-actions.service.js';
import type { Domain } from '../common/domain.js';
import { FamilyInvite, FamilyLink } from './family-link.entity.js';
import { ProxyActionRecord } from './proxy-action.entity.js';

export const FAMILY: Domain = {
  controllers: [FamilyController, FamilyActingController],
  providers: [FamilyRepository, ProxyActionRepository, ProxyActions, FamilyNotices, FamilyLinksService, FamilyActingService, FamilyDuesService],
  entities: [FamilyLink, FamilyInvite, ProxyActionRecord],
};
