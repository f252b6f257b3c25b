import { MeetingAttendanceService } from './meeting-attendance.service.js';
import { MeetingCheckInTarget } from './meeting-check-in.target.js';
import { MeetingNotices } from './meeting-notices.js';
import { MeetingRecordsService } from './meeting-records.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';

export const MEETINGS = {
  controllers: [MeetingsController],
  providers: [MeetingsRepository, MeetingNotices, MeetingsService, MeetingAttendanceService, MeetingRecordsService, MeetingCheckInTarget],
};
