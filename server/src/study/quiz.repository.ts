import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Quiz, QuizAnswer, QuizAttempt, QuizQuestion } from './quiz.entity.js';

/** Queries of the question bank, quizzes and attempts. */
@Injectable()
export class QuizRepository {
  constructor(private readonly ds: DataSource) {}

  async questionIds(): Promise<string[]> {
    return (await this.ds.query('SELECT id FROM quiz_questions')).map((r: { id: string }) => r.id);
  }

  questions(ids: string[]): Promise<QuizQuestion[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.manager.find(QuizQuestion, { where: { id: In(ids) } });
  }

  findQuiz(id: string): Promise<Quiz | null> {
    return this.ds.manager.findOne(Quiz, { where: { id } });
  }

  quizzesFor(branchIds: string[], now: Date): Promise<Quiz[]> {
    return this.ds.manager
      .createQueryBuilder(Quiz, 'q')
      .where('q.opensAt <= :now AND q.deadline > :now', { now })
      .andWhere(branchIds.length ? '(q.branchId IS NULL OR q.branchId IN (:...branchIds))' : 'q.branchId IS NULL', { branchIds })
      .orderBy('q.deadline', 'ASC')
      .getMany();
  }

  findAttempt(id: string, em?: EntityManager): Promise<QuizAttempt | null> {
    return (em ?? this.ds.manager).findOne(QuizAttempt, { where: { id } });
  }

  byUniqueKey(key: string): Promise<QuizAttempt | null> {
    return this.ds.manager.findOne(QuizAttempt, { where: { uniqueKey: key } });
  }

  attemptsOf(userIds: string[], quizId: string): Promise<QuizAttempt[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.ds.manager.find(QuizAttempt, { where: { userId: In(userIds), quizId } });
  }

  async insertAttempt(a: QuizAttempt, em: EntityManager): Promise<void> {
    await em.insert(QuizAttempt, a);
  }

  answers(attemptId: string): Promise<QuizAnswer[]> {
    return this.ds.manager.find(QuizAnswer, { where: { attemptId } });
  }

  async insertAnswer(a: QuizAnswer, em: EntityManager): Promise<void> {
    await em.insert(QuizAnswer, a);
  }

  /** Counts an answer against the attempt only if nobody answered this position first and it is still running. */
  async advance(a: QuizAttempt, correct: boolean, servedAt: Date | null, em: EntityManager): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(QuizAttempt)
      .set({
        answeredCount: () => 'answeredCount + 1',
        correctCount: () => (correct ? 'correctCount + 1' : 'correctCount'),
        currentIndex: () => 'currentIndex + 1',
        servedAt,
      })
      .where('id = :id AND answeredCount = :n AND finishedAt IS NULL', { id: a.id, n: a.answeredCount })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async finish(id: string, patch: { finishedAt: Date; points: number; pointsCapped: boolean }, em: EntityManager): Promise<boolean> {
    const r = await em.createQueryBuilder().update(QuizAttempt).set(patch).where('id = :id AND finishedAt IS NULL', { id }).execute();
    return (r.affected ?? 0) === 1;
  }
}
