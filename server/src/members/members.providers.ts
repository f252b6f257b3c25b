import { MeController } from './me.controller.js';
import { MemberPhoneController } from './member-phone.controller.js';
import { MemberPhoneService } from './member-phone.service.js';
import { MembersService } from './members.service.js';
import { ResidentRegistrationService } from './resident-registration.service.js';
import { ResidentsController } from './residents.controller.js';
import { UserRepository } from './user.repository.js';

export const MEMBERS = {
  controllers: [MeController, ResidentsController, MemberPhoneController],
  providers: [MembersService, UserRepository, ResidentRegistrationService, MemberPhoneService],
};
