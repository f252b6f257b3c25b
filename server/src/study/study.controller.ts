import { Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ContentListQuery, HeartbeatRequest, StartSessionRequest, TopicCreate, type StudyToday } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { Access, CurrentActor } from '../common/decorators.js';
import { IdPipe, Input, QueryInput } from '../common/validation.js';
import { PointsService } from '../points/points.service.js';
import { QuizService } from './quiz.service.js';
import { StudyService } from './study.service.js';
import { topicReportWorkbook } from './topic-export.js';
import { TopicService } from './topic.service.js';

@ApiTags('study')
@ApiBearerAuth()
@Controller()
export class StudyController {
  constructor(
    private readonly study: StudyService,
    private readonly topics: TopicService,
    private readonly quizzes: QuizService,
    private readonly points: PointsService,
  ) {}

  /** The 学习 tab: today's points against each cap, assigned topics, something to read. */
  @Access('self')
  @Get('study/today')
  async today(@CurrentActor() actor: Actor): Promise<StudyToday> {
    await this.points.creditDailyLogin(actor);
    const [summary, topics, recommended, dailyQuizTaken] = await Promise.all([
      this.points.summary(actor),
      this.topics.mine(actor),
      this.study.list(actor, { limit: 6 }),
      this.quizzes.dailyTaken(actor.userId),
    ]);
    return { pointsToday: summary.earnedToday, balance: summary.balance, dailyQuizTaken, tasks: summary.today, topics, recommended };
  }

  @Access('street')
  @Get('study/contents')
  list(@CurrentActor() actor: Actor, @QueryInput(ContentListQuery) q: ContentListQuery) {
    return this.study.list(actor, q);
  }

  @Access('street')
  @Get('study/contents/:id')
  detail(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.study.detail(actor, id);
  }

  @Access('street')
  @Get('study/courses')
  courses(@CurrentActor() actor: Actor) {
    return this.study.courses(actor);
  }

  @Access('self')
  @Get('study/topics')
  myTopics(@CurrentActor() actor: Actor) {
    return this.topics.mine(actor);
  }

  @Access('self')
  @Post('study/sessions')
  start(@CurrentActor() actor: Actor, @Input(StartSessionRequest) dto: StartSessionRequest) {
    return this.study.start(actor, dto.contentId);
  }

  @Access('self')
  @Post('study/sessions/:id/heartbeats')
  @HttpCode(200)
  beat(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Input(HeartbeatRequest) dto: HeartbeatRequest) {
    return this.study.beat(actor, id, dto);
  }

  @Access('self')
  @Post('study/sessions/:id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.study.close(actor, id);
  }

  @Access('manager')
  @Get('org/study/topics')
  managed(@CurrentActor() actor: Actor) {
    return this.topics.managed(actor);
  }

  @Access('manager')
  @Post('org/study/topics')
  create(@CurrentActor() actor: Actor, @Input(TopicCreate) dto: TopicCreate) {
    return this.topics.create(actor, dto);
  }

  @Access('manager')
  @Get('org/study/topics/:id/report')
  report(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.topics.report(actor, id);
  }

  @Access('manager')
  @Get('org/study/topics/:id/report.xlsx')
  async export(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<StreamableFile> {
    const report = await this.topics.exportReport(actor, id);
    return new StreamableFile(await topicReportWorkbook(report), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="topic-report.xlsx"; filename*=UTF-8''${encodeURIComponent(`${report.topic.title}-完成情况.xlsx`)}`,
    });
  }
}
