import { MeController } from './me.controller.js';
import { MembersService } from './members.service.js';
import { ResidentRegistrationService } from './resident-registration.service.js';
import { ResidentsController } from './residents.controller.js';
import { UserRepository } from './user.repository.js';

export const MEMBERS = { controllers: [MeController, ResidentsController], providers: [MembersService, UserRepository, ResidentRegistrationService] };
