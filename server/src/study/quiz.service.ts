import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { challengePoints, periodKey, type AnswerRequest, type AnswerResult, type AttemptView, type PointsAction, type QuestionView, type QuizKind, type QuizResult, type QuizSummary } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { LedgerRepository } from '../points/ledger.repository.js';
import { LedgerService } from '../points/ledger.service.js';
import type { QuizAttempt, QuizQuestion } from './quiz.entity.js';
import { QuizRepository } from './quiz.repository.js';
import { StudyClock, StudySettings } from './study-settings.js';

const DAILY_QUESTIONS = 5;
const CHALLENGE_QUESTIONS = 20;
const TITLES: Record<QuizKind, string> = { daily: '每日答题', weekly: '每周答题', special: '专项答题', challenge: '挑战答题' };

/**
 * Quizzes. Questions go out without answers; an answer is scored once, in order, within the time
 * allowed; the attempt's points go through the ledger keyed by the attempt, so finishing twice pays once.
 */
@Injectable()
export class QuizService {
  constructor(
    private readonly repo: QuizRepository,
    private readonly ledger: LedgerService,
    private readonly ledgerRepo: LedgerRepository,
    private readonly tx: TransactionRunner,
    private readonly settings: StudySettings,
    private readonly clock: StudyClock,
    private readonly ds: DataSource,
  ) {}

  async available(actor: Actor): Promise<QuizSummary[]> {
    const now = this.clock.now();
    const member = await this.ledgerRepo.membership(this.ds.manager, actor.userId, null);
    const quizzes = await this.repo.quizzesFor(member.pathIds, now);
    const daily = await this.repo.byUniqueKey(`daily:${actor.userId}:${periodKey('day', now)}`);
    const out: QuizSummary[] = [{ id: 'daily', kind: 'daily', title: TITLES.daily, deadline: null, questionCount: DAILY_QUESTIONS, taken: !!daily?.finishedAt }];
    for (const q of quizzes) {
      const a = await this.repo.byUniqueKey(`quiz:${q.id}:${actor.userId}`);
      out.push({ id: q.id, kind: q.kind, title: q.title, deadline: q.deadline.toISOString(), questionCount: q.questionIds.length, taken: !!a?.finishedAt });
    }
    out.push({ id: 'challenge', kind: 'challenge', title: TITLES.challenge, deadline: null, questionCount: CHALLENGE_QUESTIONS, taken: false });
    return out;
  }

  async dailyTaken(userId: string): Promise<boolean> {
    return !!(await this.repo.byUniqueKey(`daily:${userId}:${periodKey('day', this.clock.now())}`))?.finishedAt;
  }

  /** Five random questions, once a Beijing day; an unfinished one is resumed. */
  startDaily(actor: Actor): Promise<AttemptView> {
    const now = this.clock.now();
    return this.startOnce(actor, `daily:${actor.userId}:${periodKey('day', now)}`, async () => ({ kind: 'daily', quizId: null, questionIds: pick(await this.repo.questionIds(), DAILY_QUESTIONS), deadline: null }));
  }

  async startQuiz(actor: Actor, quizId: string): Promise<AttemptView> {
    const quiz = await this.repo.findQuiz(quizId);
    const member = await this.ledgerRepo.membership(this.ds.manager, actor.userId, null);
    if (!quiz || (quiz.branchId && !member.pathIds.includes(quiz.branchId))) throw AppError.notFound();
    const now = this.clock.now();
    if (now < quiz.opensAt || now >= quiz.deadline) throw new AppError('QUIZ_NOT_OPEN');
    return this.startOnce(actor, `quiz:${quiz.id}:${actor.userId}`, async () => ({ kind: quiz.kind, quizId: quiz.id, questionIds: quiz.questionIds, deadline: quiz.deadline }));
  }

  /** Questions one at a time, each with its own time limit; the first wrong or late answer ends it. */
  async startChallenge(actor: Actor): Promise<AttemptView> {
    const ids = pick(await this.repo.questionIds(), CHALLENGE_QUESTIONS);
    const a = this.newAttempt(actor.userId, `challenge:${newId()}`, { kind: 'challenge', quizId: null, questionIds: ids, deadline: null });
    a.servedAt = a.startedAt;
    await this.tx.run((em) => this.repo.insertAttempt(a, em));
    return this.view(a);
  }

  async get(actor: Actor, id: string): Promise<AttemptView> {
    return this.view(await this.owned(actor, id));
  }

  async answer(actor: Actor, attemptId: string, dto: AnswerRequest): Promise<AnswerResult> {
    const now = this.clock.now();
    const a = await this.owned(actor, attemptId);
    if (a.finishedAt) throw new AppError('QUIZ_ATTEMPT_FINISHED');
    const index = a.questionIds.indexOf(dto.questionId);
    if (index < 0) throw new AppError('QUIZ_QUESTION_NOT_IN_ATTEMPT');
    const [question] = await this.repo.questions([dto.questionId]);
    if (a.kind === 'challenge') {
      if (index < a.currentIndex) throw new AppError('QUIZ_ALREADY_ANSWERED');
      if (index > a.currentIndex) throw new AppError('QUIZ_QUESTION_NOT_IN_ATTEMPT'); // not served yet
      if (now.getTime() > a.servedAt!.getTime() + this.settings.challengeSeconds * 1000) throw new AppError('QUIZ_ANSWER_LATE');
    } else {
      if (a.deadline && now >= a.deadline) throw new AppError('QUIZ_ANSWER_LATE');
      if ((await this.repo.answers(a.id)).some((x) => x.questionId === dto.questionId)) throw new AppError('QUIZ_ALREADY_ANSWERED');
    }
    const choice = [...new Set(dto.choice)].sort();
    const keys = question.options.map((o) => o.key);
    if (choice.some((c) => !keys.includes(c)) || (question.kind !== 'multiple' && choice.length !== 1)) throw new AppError('QUIZ_OPTION_INVALID');
    const correct = choice.join() === [...question.answer].sort().join();

    const result = await this.tx.run(async (em) => {
      if (!(await this.repo.advance(a, correct, a.kind === 'challenge' ? now : null, em))) throw new AppError('QUIZ_ALREADY_ANSWERED');
      await this.repo.insertAnswer({ id: newId(), attemptId: a.id, questionId: question.id, choice, correct, answeredAt: now }, em);
      const answered = a.answeredCount + 1;
      const done = answered >= a.questionIds.length || (a.kind === 'challenge' && !correct);
      return done ? this.finishIn(em, { ...a, answeredCount: answered, correctCount: a.correctCount + (correct ? 1 : 0) }, now) : null;
    });
    return { correct, answer: question.answer, explanation: question.explanation, finished: !!result, result };
  }

  /** Ends an attempt early (a challenge that ran out of time, a member who stops); idempotent. */
  async finish(actor: Actor, attemptId: string): Promise<QuizResult> {
    const a = await this.owned(actor, attemptId);
    if (a.finishedAt) return resultOf(a);
    const r = await this.tx.run((em) => this.finishIn(em, a, this.clock.now()));
    return r ?? resultOf((await this.repo.findAttempt(a.id))!);
  }

  private async finishIn(em: EntityManager, a: QuizAttempt, now: Date): Promise<QuizResult | null> {
    const all = a.answeredCount >= a.questionIds.length;
    const credit: { action: PointsAction; amount?: number } | null =
      a.kind === 'daily' ? { action: 'daily_quiz', amount: a.correctCount }
      : a.kind === 'challenge' ? { action: 'challenge_quiz', amount: challengePoints(a.correctCount) }
      : all ? { action: a.kind === 'weekly' ? 'weekly_quiz' : 'special_quiz' } : null;
    let points = 0;
    let capped = false;
    if (credit && credit.amount !== 0) {
      const r = await this.ledger.credit(em, { userId: a.userId, ...credit, source: { type: 'quiz_attempt', id: a.id }, idempotencyKey: `quiz:${a.id}`, nodeId: null, at: now });
      points = r.awarded;
      capped = r.capped;
    }
    if (!(await this.repo.finish(a.id, { finishedAt: now, points, pointsCapped: capped }, em))) return null;
    return { correct: a.correctCount, total: a.questionIds.length, points, capped };
  }

  private async startOnce(actor: Actor, key: string, make: () => Promise<Pick<QuizAttempt, 'kind' | 'quizId' | 'questionIds' | 'deadline'>>): Promise<AttemptView> {
    const existing = await this.repo.byUniqueKey(key);
    if (existing?.finishedAt) throw new AppError('QUIZ_ALREADY_TAKEN');
    if (existing) return this.view(existing);
    const a = this.newAttempt(actor.userId, key, await make());
    try {
      await this.tx.run((em) => this.repo.insertAttempt(a, em));
    } catch (e) {
      // Two taps at once: the unique key let one in; answer with that one.
      const winner = await this.repo.byUniqueKey(key);
      if (!winner) throw e;
      return this.view(winner);
    }
    return this.view(a);
  }

  private newAttempt(userId: string, uniqueKey: string, spec: Pick<QuizAttempt, 'kind' | 'quizId' | 'questionIds' | 'deadline'>): QuizAttempt {
    return { id: newId(), userId, uniqueKey, ...spec, answeredCount: 0, correctCount: 0, currentIndex: 0, servedAt: null, startedAt: this.clock.now(), finishedAt: null, points: 0, pointsCapped: false };
  }

  private async owned(actor: Actor, id: string): Promise<QuizAttempt> {
    const a = await this.repo.findAttempt(id);
    if (!a || a.userId !== actor.userId) throw AppError.notFound();
    return a;
  }

  private async view(a: QuizAttempt): Promise<AttemptView> {
    let ids: string[];
    if (a.finishedAt) ids = [];
    else if (a.kind === 'challenge') ids = a.questionIds.slice(a.currentIndex, a.currentIndex + 1);
    else {
      const answered = new Set((await this.repo.answers(a.id)).map((x) => x.questionId));
      ids = a.questionIds.filter((id) => !answered.has(id));
    }
    const byId = new Map((await this.repo.questions(ids)).map((q) => [q.id, q]));
    return {
      id: a.id,
      kind: a.kind,
      title: TITLES[a.kind],
      total: a.questionIds.length,
      answered: a.answeredCount,
      correct: a.correctCount,
      finished: !!a.finishedAt,
      questions: ids.map((id) => questionView(byId.get(id)!)),
      answerBy: a.kind === 'challenge' && a.servedAt && !a.finishedAt ? new Date(a.servedAt.getTime() + this.settings.challengeSeconds * 1000).toISOString() : null,
      deadline: a.deadline?.toISOString() ?? null,
      result: a.finishedAt ? resultOf(a) : null,
    };
  }
}

/** What a client may see of a question: never the answer or the explanation. */
function questionView(q: QuizQuestion): QuestionView {
  return { id: q.id, kind: q.kind, category: q.category, stem: q.stem, options: q.options };
}

function resultOf(a: QuizAttempt): QuizResult {
  return { correct: a.correctCount, total: a.questionIds.length, points: a.points, capped: a.pointsCapped };
}

/** n distinct random items (crypto randomness: the daily set is not predictable). */
function pick<T>(xs: T[], n: number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}
