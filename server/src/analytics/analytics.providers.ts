import type { Domain } from '../common/domain.js';
import { ANALYTICS_ENTITIES } from './analytics.entities.js';
import { AnalyticsController, KioskController } from './analytics.controller.js';
import { DashboardService } from './dashboard.service.js';
import { KioskRepository } from './kiosk.repository.js';
import { KioskService } from './kiosk.service.js';
import { RollupJob } from './rollup-job.js';
import { RollupRepository } from './rollup.repository.js';
import { RollupService } from './rollup.service.js';
import { TableExport } from './table-export.js';

/**
 * 数据看板 and 大屏 (issue #19): rollups of every domain's metrics (METRIC_DEFINITIONS, from each
 * domain's `metrics`), dashboards over them, kiosk links. It imports no domain's metrics itself.
 */
export const ANALYTICS: Domain = {
  controllers: [AnalyticsController, KioskController],
  providers: [RollupRepository, RollupService, RollupJob, DashboardService, KioskRepository, KioskService, TableExport],
  entities: ANALYTICS_ENTITIES,
};
