import { OrgController } from './org.controller.js';
import { OrgRepository } from './org.repository.js';
import { OrgService } from './org.service.js';
import { ResidenceOptionsService } from './residence-options.service.js';

export const ORGANIZATIONS = { controllers: [OrgController], providers: [OrgRepository, OrgService, ResidenceOptionsService] };
