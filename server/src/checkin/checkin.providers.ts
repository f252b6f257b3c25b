import { CheckInTargets } from './check-in-targets.js';
import { CheckInController } from './check-in.controller.js';
import { CheckInRepository } from './check-in.repository.js';
import { CheckInService } from './check-in.service.js';

export const CHECKIN = { controllers: [CheckInController], providers: [CheckInTargets, CheckInRepository, CheckInService] };
