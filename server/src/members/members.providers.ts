import { MeController } from './me.controller.js';
import { MemberPhoneController } from './member-phone.controller.js';
import { MemberPhoneService } from './member-phone.service.js';
import { MembersService } from './members.service.js';
import { ResidentRegistrationService } from './resident-registration.service.js';
import { ResidentsController } from './residents.controller.js';
import { UserRepository } from './user.repository.js';
import type { Domain } from '../common/domain.js';
import { User } from './user.entity.js';
import { RoleAssignment } from './role-assignment.entity.js';
import { MEMBERS_SEED } from './members.seed.js';

export const MEMBERS: Domain = {
  controllers: [MeController, ResidentsController, MemberPhoneController],
  providers: [MembersService, UserRepository, ResidentRegistrationService, MemberPhoneService],
  entities: [User, RoleAssignment],
  seed: MEMBERS_SEED,
};
