import { Injectable } from '@nestjs/common';
import { studyTimeBlocks, type ContentDetail, type ContentListQuery, type ContentSummary, type CourseView, type HeartbeatRequest, type HeartbeatResult, type PointsAction, type StudySessionView } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { LedgerService } from '../points/ledger.service.js';
import type { StudyContent } from './study-content.entity.js';
import type { StudyProgress } from './study-session.entity.js';
import { StudyClock, StudySettings } from './study-settings.js';
import { creditBeat } from './study-time.js';
import { StudyRepository } from './study.repository.js';

/** Study content and the server-side study sessions whose heartbeats earn study time and points. */
@Injectable()
export class StudyService {
  constructor(
    private readonly repo: StudyRepository,
    private readonly ledger: LedgerService,
    private readonly tx: TransactionRunner,
    private readonly settings: StudySettings,
    private readonly clock: StudyClock,
  ) {}

  minSeconds(kind: StudyContent['kind']): number {
    return kind === 'article' ? this.settings.minArticleSeconds : this.settings.minVideoSeconds;
  }

  async list(actor: Actor, q: ContentListQuery): Promise<ContentSummary[]> {
    return this.summaries(actor.userId, await this.repo.listContents(q));
  }

  async summaries(userId: string, contents: StudyContent[]): Promise<ContentSummary[]> {
    const progress = new Map((await this.repo.progressOf(userId, contents.map((c) => c.id))).map((p) => [p.contentId, p]));
    return contents.map((c) => summary(c, progress.get(c.id)));
  }

  async detail(actor: Actor, id: string): Promise<ContentDetail> {
    const c = await this.repo.findContent(id);
    if (!c) throw AppError.notFound();
    const [progress] = await this.repo.progressOf(actor.userId, [id]);
    const course = c.courseId ? await this.repo.findCourse(c.courseId) : null;
    return {
      ...summary(c, progress),
      body: c.body,
      mediaUrl: c.mediaUrl,
      course: course ? { id: course.id, title: course.title, lessonOrder: c.lessonOrder ?? 0 } : null,
    };
  }

  async courses(actor: Actor): Promise<CourseView[]> {
    const courses = await this.repo.courses();
    return Promise.all(courses.map(async (c) => ({ id: c.id, title: c.title, summary: c.summary, lessons: await this.summaries(actor.userId, await this.repo.lessons(c.id)) })));
  }

  /** Opening content starts a session and ends any other the member had open. */
  async start(actor: Actor, contentId: string): Promise<StudySessionView> {
    const content = await this.repo.findContent(contentId);
    if (!content) throw AppError.notFound();
    const now = this.clock.now();
    const id = newId();
    await this.tx.run(async (em) => {
      await this.repo.closeOpenSessions(actor.userId, now, em);
      await this.repo.insertSession({ id, userId: actor.userId, activeUserId: actor.userId, contentId, startedAt: now, lastBeatAt: now, lastSeq: 0, lastPosition: null, effectiveSeconds: 0, closedAt: null }, em);
    });
    const [progress] = await this.repo.progressOf(actor.userId, [contentId]);
    return {
      sessionId: id,
      contentId,
      heartbeatSeconds: this.settings.heartbeatSeconds,
      minSeconds: this.minSeconds(content.kind),
      contentSeconds: progress?.effectiveSeconds ?? 0,
      completed: !!progress?.completedAt,
    };
  }

  async beat(actor: Actor, sessionId: string, dto: HeartbeatRequest): Promise<HeartbeatResult> {
    const now = this.clock.now();
    const s = await this.repo.findSession(sessionId);
    if (!s || s.userId !== actor.userId) throw AppError.notFound();
    if (!s.activeUserId) throw new AppError('STUDY_SESSION_CLOSED');
    if (dto.seq <= s.lastSeq) throw new AppError('STUDY_HEARTBEAT_OUT_OF_ORDER');
    const content = (await this.repo.findContent(s.contentId))!;
    const verdict = creditBeat({
      kind: content.kind,
      gapMs: now.getTime() - s.lastBeatAt.getTime(),
      minGapMs: this.settings.minGapMs,
      maxGapMs: this.settings.maxGapMs,
      lastPosition: s.lastPosition,
      position: dto.position,
    });
    if (!verdict.ok) throw new AppError('STUDY_HEARTBEAT_TOO_FAST');
    const credited = verdict.credited;
    const minSeconds = this.minSeconds(content.kind);
    return this.tx.run(async (em) => {
      const position = dto.position === undefined ? s.lastPosition : Math.floor(dto.position);
      if (!(await this.repo.recordBeat(s, { lastSeq: dto.seq, lastBeatAt: now, lastPosition: position, credited }, em))) {
        throw new AppError('STUDY_HEARTBEAT_OUT_OF_ORDER');
      }
      const progress = await this.repo.addProgress(actor.userId, content.id, credited, em);
      const points = credited > 0 ? await this.award(em, actor.userId, content, progress, credited, minSeconds, now) : [];
      return {
        credited,
        sessionSeconds: s.effectiveSeconds + credited,
        contentSeconds: progress.effectiveSeconds,
        minSeconds,
        completed: progress.effectiveSeconds >= minSeconds,
        points,
      };
    });
  }

  async close(actor: Actor, sessionId: string): Promise<{ closed: boolean }> {
    const s = await this.repo.findSession(sessionId);
    if (!s || s.userId !== actor.userId) throw AppError.notFound();
    const closed = await this.tx.run((em) => this.repo.closeSession(sessionId, this.clock.now(), em));
    return { closed };
  }

  /** Points once the minimum effective time is reached (once per content), then per whole time block. */
  private async award(em: EntityManager, userId: string, content: StudyContent, progress: StudyProgress, credited: number, minSeconds: number, now: Date) {
    const out: HeartbeatResult['points'] = [];
    if (progress.effectiveSeconds < minSeconds) return out;
    const video = content.kind !== 'article';
    const credit = async (action: PointsAction, key: string) => {
      const r = await this.ledger.credit(em, { userId, action, source: { type: 'study_content', id: content.id }, idempotencyKey: key, nodeId: null, at: now });
      if (!r.duplicate) out.push({ action, awarded: r.awarded, capped: r.capped });
    };
    if (await this.repo.markCompleted(userId, content.id, now, em)) await credit(video ? 'video_watch' : 'article_read', `study:done:${userId}:${content.id}`);
    const blocksNow = studyTimeBlocks(video ? 'video' : 'article', progress.effectiveSeconds);
    const blocksBefore = studyTimeBlocks(video ? 'video' : 'article', progress.effectiveSeconds - credited);
    for (let b = blocksBefore + 1; b <= blocksNow; b++) await credit(video ? 'video_time' : 'article_time', `study:time:${userId}:${content.id}:${b}`);
    return out;
  }
}

function summary(c: StudyContent, p: StudyProgress | undefined): ContentSummary {
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    summary: c.summary,
    category: c.category,
    coverUrl: c.coverUrl,
    durationSeconds: c.durationSeconds,
    publishedAt: c.publishedAt.toISOString(),
    mySeconds: p?.effectiveSeconds ?? 0,
    completed: !!p?.completedAt,
  };
}
