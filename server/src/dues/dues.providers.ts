import { DuesController } from './dues.controller.js';
import { DuesReminderJob } from './dues-reminder-job.js';
import { DuesReminders } from './dues-reminders.js';
import { DuesRepository } from './dues.repository.js';
import { DuesService } from './dues.service.js';

export const DUES = {
  controllers: [DuesController],
  providers: [DuesRepository, DuesService, DuesReminders, DuesReminderJob],
};
