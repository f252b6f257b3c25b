import { POINTS_METRICS } from './points.metrics.js';
import { LedgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';
import { MallController } from './mall.controller.js';
import { MallRepository } from './mall.repository.js';
import { MallService } from './mall.service.js';
import { PointsController } from './points.controller.js';
import { PointsRepository } from './points.repository.js';
import { PointsService } from './points.service.js';
import type { Domain } from '../common/domain.js';
import { LedgerEntry } from './ledger-entry.entity.js';
import { PointsBalance } from './points-balance.entity.js';
import { PointsTally } from './points-tally.entity.js';
import { PeriodScore } from './period-score.entity.js';
import { PointsRuleOverride } from './points-rule.entity.js';
import { MallItem, MallRedemption } from './mall.entity.js';

export const POINTS: Domain = {
  controllers: [PointsController, MallController],
  providers: [LedgerRepository, LedgerService, PointsRepository, PointsService, MallRepository, MallService],
  entities: [LedgerEntry, PointsBalance, PointsTally, PeriodScore, PointsRuleOverride, MallItem, MallRedemption],
  metrics: POINTS_METRICS,
};
