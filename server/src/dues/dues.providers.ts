import { DUES_METRICS } from './dues.metrics.js';
import { DuesController } from './dues.controller.js';
import { DuesReminderJob } from './dues-reminder-job.js';
import { DuesReminders } from './dues-reminders.js';
import { DuesRepository } from './dues.repository.js';
import { DuesService } from './dues.service.js';
import type { Domain } from '../common/domain.js';
import { DuesProfile } from './dues-profile.entity.js';
import { DuesBill, DuesBillAdjustment } from './dues-bill.entity.js';
import { DuesReminder } from './dues-reminder.entity.js';
import { DUES_SEED } from './dues.seed.js';

export const DUES: Domain = {
  controllers: [DuesController],
  providers: [DuesRepository, DuesService, DuesReminders, DuesReminderJob],
  entities: [DuesProfile, DuesBill, DuesBillAdjustment, DuesReminder],
  seed: DUES_SEED,
  metrics: DUES_METRICS,
};
