import { Controller, Get, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AttendanceExportQuery,
  CreateMeetingRequest,
  LeaveDecision,
  LeaveRequest,
  MeetingListQuery,
  MinutesRequest,
  MyAttendanceQuery,
  PhotoUploadRequest,
  toChinaParts,
  UpdateMeetingRequest,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { MeetingAttendanceService } from './meeting-attendance.service.js';
import { MeetingRecordsService } from './meeting-records.service.js';
import { MeetingsService } from './meetings.service.js';
import { clock } from '../common/clock.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly attendance: MeetingAttendanceService,
    private readonly records: MeetingRecordsService,
  ) {}

  @Access('self')
  @Get()
  list(@CurrentActor() actor: Actor, @QueryInput(MeetingListQuery) q: MeetingListQuery) {
    return this.meetings.list(actor, q);
  }

  @Access('organiser')
  @Post()
  create(@CurrentActor() actor: Actor, @Input(CreateMeetingRequest) dto: CreateMeetingRequest) {
    return this.meetings.create(actor, dto);
  }

  @Access('organiser')
  @Get('compliance')
  compliance(@CurrentActor() actor: Actor) {
    return this.records.compliance(actor);
  }

  @Access('organiser')
  @Get('export')
  async export(@CurrentActor() actor: Actor, @QueryInput(AttendanceExportQuery) q: AttendanceExportQuery, @Res() res: Response) {
    const file = await this.records.exportYear(actor, q.year, q.nodeId);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.send(file.bytes);
  }

  @Access('self')
  @Get('my-attendance')
  myAttendance(@CurrentActor() actor: Actor, @QueryInput(MyAttendanceQuery) q: MyAttendanceQuery) {
    return this.attendance.myAttendance(actor, q.year ?? toChinaParts(clock.now()).year);
  }

  @Access('self', 'organiser')
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.meetings.get(actor, id);
  }

  @Access('organiser')
  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(UpdateMeetingRequest) dto: UpdateMeetingRequest) {
    return this.meetings.update(actor, id, dto);
  }

  @Access('organiser')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.meetings.cancel(actor, id);
  }

  /** Live attendance for the organiser's screen (polled every few seconds). */
  @Access('organiser')
  @Get(':id/attendance')
  live(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.attendance.attendance(actor, id);
  }

  @Access('self')
  @Post(':id/leave')
  @HttpCode(200)
  leave(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(LeaveRequest) dto: LeaveRequest) {
    return this.attendance.requestLeave(actor, id, dto.reason);
  }

  @Access('organiser')
  @Post(':id/leave/:userId/decision')
  @HttpCode(200)
  decideLeave(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Param('userId', IdPipe) userId: string, @Input(LeaveDecision) dto: LeaveDecision) {
    return this.attendance.decideLeave(actor, id, userId, dto);
  }

  @Access('organiser')
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.attendance.close(actor, id);
  }

  @Access('organiser')
  @Put(':id/minutes')
  minutes(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(MinutesRequest) dto: MinutesRequest) {
    return this.records.saveMinutes(actor, id, dto);
  }

  @Access('organiser')
  @Post(':id/photos')
  photo(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(PhotoUploadRequest) dto: PhotoUploadRequest) {
    return this.records.addPhoto(actor, id, dto.dataUrl);
  }

  @Access('self', 'organiser')
  @Get(':id/photos/:photoId')
  async photoFile(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Param('photoId', IdPipe) photoId: string, @Res() res: Response) {
    const file = await this.records.photo(actor, id, photoId);
    res.setHeader('Content-Type', file.mime);
    res.setHeader('Cache-Control', 'private, max-age=86400');
    res.send(file.bytes);
  }
}
