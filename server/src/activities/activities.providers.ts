import { ACTIVITY_METRICS } from './activities.metrics.js';
import { ActivitiesController } from './activities.controller.js';
import { ActivitiesRepository } from './activities.repository.js';
import { ActivitiesService } from './activities.service.js';
import { ActivityAttendance } from './activity-attendance.js';
import { ActivityAdminController } from './activity-admin.controller.js';
import { ActivityCommentsController } from './activity-comments.controller.js';
import { ActivityCovers } from './activity-covers.js';
import { ActivityRatingService } from './activity-rating.service.js';
import { ActivityRosterService } from './activity-roster.service.js';
import type { Domain } from '../common/domain.js';
import { Activity } from './activity.entity.js';
import { ActivityRating } from './activity-rating.entity.js';
import { ACTIVITIES_SEED } from './activities.seed.js';

export const ACTIVITIES: Domain = {
  controllers: [ActivitiesController, ActivityCommentsController, ActivityAdminController],
  providers: [ActivityCovers, ActivitiesRepository, ActivitiesService, ActivityRosterService, ActivityRatingService, ActivityAttendance],
  entities: [Activity, ActivityRating],
  seed: ACTIVITIES_SEED,
  metrics: ACTIVITY_METRICS,
};
