import { LedgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';
import { MallController } from './mall.controller.js';
import { MallRepository } from './mall.repository.js';
import { MallService } from './mall.service.js';
import { PointsController } from './points.controller.js';
import { PointsRepository } from './points.repository.js';
import { PointsService } from './points.service.js';

export const POINTS = {
  controllers: [PointsController, MallController],
  providers: [LedgerRepository, LedgerService, PointsRepository, PointsService, MallRepository, MallService],
};
