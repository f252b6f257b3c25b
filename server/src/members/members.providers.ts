import { MeController } from './me.controller.js';
import { MembersService } from './members.service.js';
import { UserRepository } from './user.repository.js';

export const MEMBERS = { controllers: [MeController], providers: [MembersService, UserRepository] };
