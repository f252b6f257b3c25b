import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TopicCreate, TopicReport, TopicView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { newId } from '../common/ids.js';
import { assertManager, assertManages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { LedgerRepository } from '../points/ledger.repository.js';
import type { StudyTopic } from './study-content.entity.js';
import { QuizRepository } from './quiz.repository.js';
import { StudyClock } from './study-settings.js';
import { StudyRepository } from './study.repository.js';
import { StudyService } from './study.service.js';
import { clock } from '../common/clock.js';

const ORGANISERS = ['organiser', 'admin'] as const;

/** 专题: assigned by organisers to a branch with a deadline; completion report per member. */
@Injectable()
export class TopicService {
  constructor(
    private readonly repo: StudyRepository,
    private readonly quizzes: QuizRepository,
    private readonly study: StudyService,
    private readonly org: OrgRepository,
    private readonly ledgerRepo: LedgerRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: StudyClock,
    private readonly ds: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: Actor, dto: TopicCreate): Promise<TopicView> {
    const branch = await this.org.findNode(dto.branchId);
    if (!branch || branch.kind !== 'branch') throw new AppError('BRANCH_NOT_FOUND');
    assertManages(actor, branch.path, ORGANISERS);
    const contentIds = [...new Set(dto.contentIds)];
    if ((await this.repo.findContents(contentIds)).length !== contentIds.length) throw new AppError('VALIDATION_FAILED', [{ field: 'contentIds', message: '有学习内容不存在' }]);
    if (dto.quizId && !(await this.quizzes.findQuiz(dto.quizId))) throw new AppError('VALIDATION_FAILED', [{ field: 'quizId', message: '答题不存在' }]);
    const deadline = new Date(dto.deadline);
    if (deadline <= this.clock.now()) throw new AppError('VALIDATION_FAILED', [{ field: 'deadline', message: '截止时间需晚于现在' }]);
    const topic: StudyTopic = { id: newId(), title: dto.title, description: dto.description, branchId: branch.id, deadline, contentIds, quizId: dto.quizId, createdBy: actor.userId, createdAt: clock.now() };
    await this.tx.run((em) => this.repo.insertTopic(topic, em));
    return this.view(actor.userId, topic);
  }

  /** Topics assigned to the member's branch. */
  async mine(actor: Actor): Promise<TopicView[]> {
    const member = await this.ledgerRepo.membership(this.ds.manager, actor.userId, null);
    const topics = member.branchId ? await this.repo.topicsForBranches([member.branchId]) : [];
    return Promise.all(topics.map((t) => this.view(actor.userId, t)));
  }

  async managed(actor: Actor): Promise<TopicView[]> {
    const topics = await this.repo.topicsUnder(assertManager(actor, ORGANISERS));
    return Promise.all(topics.map((t) => this.view(actor.userId, t)));
  }

  /** The report as a file that leaves the system: recorded in the audit trail first (filed under the branch the scope check admitted). */
  async exportReport(actor: Actor, topicId: string): Promise<TopicReport> {
    const report = await this.report(actor, topicId);
    await this.audit.record(actor, { action: 'study.report.export', resourceId: topicId });
    return report;
  }

  /** Who finished (every content read to the minimum, and the quiz if any), who did not, average quiz score. */
  async report(actor: Actor, topicId: string): Promise<TopicReport> {
    const topic = await this.repo.findTopic(topicId);
    const branch = topic && (await this.org.findNode(topic.branchId));
    if (!topic || !branch) throw AppError.notFound();
    assertManages(actor, branch.path, ORGANISERS);
    const members = await this.repo.membersUnder(branch.path);
    const ids = members.map((m) => m.id);
    const progress = await this.repo.progressOfMany(ids, topic.contentIds);
    const attempts = topic.quizId ? await this.quizzes.attemptsOf(ids, topic.quizId) : [];
    const rows = members.map((m) => {
      const done = progress.filter((p) => p.userId === m.id && p.completedAt && p.completedAt <= topic.deadline).length;
      const attempt = attempts.find((a) => a.userId === m.id && a.finishedAt);
      const finished = done === topic.contentIds.length && (!topic.quizId || !!attempt);
      return {
        userId: m.id,
        name: m.name,
        group: m.groupName,
        completedContents: done,
        totalContents: topic.contentIds.length,
        quizCorrect: attempt ? attempt.correctCount : null,
        quizTotal: attempt ? attempt.questionIds.length : null,
        finished,
      };
    });
    const scored = rows.filter((r) => r.quizTotal);
    return {
      topic: { id: topic.id, title: topic.title, deadline: topic.deadline.toISOString(), branch: { id: branch.id, name: branch.name } },
      members: rows,
      finishedCount: rows.filter((r) => r.finished).length,
      notFinished: rows.filter((r) => !r.finished).map((r) => ({ userId: r.userId, name: r.name })),
      averageQuizScore: scored.length ? Math.round((scored.reduce((s, r) => s + (100 * r.quizCorrect!) / r.quizTotal!, 0) / scored.length) * 10) / 10 : null,
      pastDeadline: this.clock.now() >= topic.deadline,
    };
  }

  private async view(userId: string, t: StudyTopic): Promise<TopicView> {
    const [branch, contents] = await Promise.all([this.org.findNode(t.branchId), this.repo.findContents(t.contentIds)]);
    const ordered = t.contentIds.map((id) => contents.find((c) => c.id === id)!).filter(Boolean);
    const summaries = await this.study.summaries(userId, ordered);
    const quiz = t.quizId ? await this.quizzes.findQuiz(t.quizId) : null;
    const attempt = quiz ? await this.quizzes.byUniqueKey(`quiz:${quiz.id}:${userId}`) : null;
    const quizView = quiz ? { id: quiz.id, title: quiz.title, taken: !!attempt?.finishedAt } : null;
    return {
      id: t.id,
      title: t.title,
      description: t.description,
      branch: { id: t.branchId, name: branch?.name ?? '' },
      deadline: t.deadline.toISOString(),
      contents: summaries,
      quiz: quizView,
      completed: summaries.every((c) => c.completed) && (!quizView || quizView.taken),
    };
  }
}
