import { MEETING_METRICS } from './meetings.metrics.js';
import { MeetingAttendanceService } from './meeting-attendance.service.js';
import { MeetingCheckInTarget } from './meeting-check-in.target.js';
import { MeetingNotices } from './meeting-notices.js';
import { MeetingRecordsService } from './meeting-records.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';
import type { Domain } from '../common/domain.js';
import { Meeting, MeetingInvitee, MeetingPhoto } from './meeting.entity.js';
import { MEETINGS_SEED } from './meetings.seed.js';

export const MEETINGS: Domain = {
  controllers: [MeetingsController],
  providers: [MeetingsRepository, MeetingNotices, MeetingsService, MeetingAttendanceService, MeetingRecordsService, MeetingCheckInTarget],
  entities: [Meeting, MeetingInvitee, MeetingPhoto],
  seed: MEETINGS_SEED,
  metrics: MEETING_METRICS,
};
