import { CheckInTargets } from './check-in-targets.js';
import { CheckInController } from './check-in.controller.js';
import { CheckInRepository } from './check-in.repository.js';
import { CheckInService } from './check-in.service.js';
import type { Domain } from '../common/domain.js';
import { CheckIn, CheckInKey } from './check-in.entity.js';

export const CHECKIN: Domain = { controllers: [CheckInController], providers: [CheckInTargets, CheckInRepository, CheckInService], entities: [CheckIn, CheckInKey] };
