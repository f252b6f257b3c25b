import { Column, Entity, Index } from 'typeorm';
import { QUESTION_KINDS, QUIZ_KINDS, type QuestionKind, type QuizKind } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn, TimeColumn } from '../database/columns.js';

/** A question of the bank. `answer` and `explanation` never leave the server before the member answers. */
@Entity('quiz_questions')
@Index(['category'])
export class QuizQuestion {
  @IdColumn() id: string;
  @Column({ type: 'simple-enum', enum: QUESTION_KINDS }) kind: QuestionKind;
  @Column({ type: 'varchar', length: 10 }) category: string;
  @Column({ type: 'varchar', length: 300 }) stem: string;
  @Column({ type: 'simple-json' }) options: { key: string; text: string }[];
  @Column({ type: 'simple-json' }) answer: string[];
  @Column({ type: 'varchar', length: 500 }) explanation: string;
  @CreatedAt() createdAt: Date;
}

/** A weekly or special quiz with fixed questions, open until a deadline, optionally for one branch. */
@Entity('quizzes')
export class Quiz {
  @IdColumn() id: string;
  @Column({ type: 'simple-enum', enum: QUIZ_KINDS }) kind: QuizKind;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @RefColumn({ nullable: true }) branchId: string | null;
  @Column({ type: 'simple-json' }) questionIds: string[];
  @TimeColumn() opensAt: Date;
  @TimeColumn() deadline: Date;
  @CreatedAt() createdAt: Date;
}

/**
 * One member's go at a quiz. `uniqueKey` makes "once a day" / "once per quiz" a database fact.
 * For the challenge, `currentIndex` and `servedAt` let the server enforce the per-question time limit.
 */
@Entity('quiz_attempts')
@Index(['uniqueKey'], { unique: true })
@Index(['userId', 'startedAt'])
@Index(['quizId'])
export class QuizAttempt {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Column({ type: 'simple-enum', enum: QUIZ_KINDS }) kind: QuizKind;
  @RefColumn({ nullable: true }) quizId: string | null;
  @Column({ type: 'varchar', length: 80 }) uniqueKey: string;
  @Column({ type: 'simple-json' }) questionIds: string[];
  @Column({ type: 'int', default: 0 }) answeredCount: number;
  @Column({ type: 'int', default: 0 }) correctCount: number;
  @Column({ type: 'int', default: 0 }) currentIndex: number;
  @TimeColumn({ nullable: true }) servedAt: Date | null;
  @TimeColumn() startedAt: Date;
  @TimeColumn({ nullable: true }) deadline: Date | null;
  @TimeColumn({ nullable: true }) finishedAt: Date | null;
  @Column({ type: 'int', default: 0 }) points: number;
  @Column({ type: 'boolean', default: false }) pointsCapped: boolean;
}

@Entity('quiz_answers')
@Index(['attemptId', 'questionId'], { unique: true })
export class QuizAnswer {
  @IdColumn() id: string;
  @RefColumn() attemptId: string;
  @RefColumn() questionId: string;
  @Column({ type: 'simple-json' }) choice: string[];
  @Column({ type: 'boolean' }) correct: boolean;
  @TimeColumn() answeredAt: Date;
}
