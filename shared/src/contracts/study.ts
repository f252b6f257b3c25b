import { z } from 'zod';
import type { PointsAction } from '../points-rules.js';
import { Id } from './org.js';

export const CONTENT_KINDS = ['article', 'video', 'audio'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export const STUDY_CATEGORIES = ['党史', '理论学习', '基层治理', '社区服务', '政策法规'] as const;

export const QUESTION_KINDS = ['single', 'multiple', 'judge'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUIZ_KINDS = ['daily', 'weekly', 'special', 'challenge'] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

/** Article bodies are blocks, not HTML: nothing a client renders can run script. */
export type ArticleBlock = { type: 'h'; text: string } | { type: 'p'; text: string } | { type: 'img'; url: string; alt: string };

export const ContentListQuery = z
  .object({ kind: z.enum(CONTENT_KINDS).optional(), category: z.string().trim().max(10).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) })
  .strict();
export type ContentListQuery = z.infer<typeof ContentListQuery>;

export const StartSessionRequest = z.object({ contentId: Id }).strict();
export type StartSessionRequest = z.infer<typeof StartSessionRequest>;

export const HeartbeatRequest = z
  .object({
    /** 1, 2, 3 … per session: a repeat or an older number is refused. */
    seq: z.number().int().min(1).max(100_000),
    /** Playback position in seconds for audio/video. */
    position: z.number().min(0).max(86_400).optional(),
  })
  .strict();
export type HeartbeatRequest = z.infer<typeof HeartbeatRequest>;

export const AnswerRequest = z
  .object({ questionId: Id, choice: z.array(z.string().regex(/^[A-F]$/)).min(1).max(6) })
  .strict();
export type AnswerRequest = z.infer<typeof AnswerRequest>;

export const TopicCreate = z
  .object({
    title: z.string().trim().min(2).max(60),
    description: z.string().trim().max(500).default(''),
    branchId: Id,
    deadline: z.iso.datetime({ offset: true }),
    contentIds: z.array(Id).min(1).max(30),
    quizId: Id.nullable().default(null),
  })
  .strict();
export type TopicCreate = z.infer<typeof TopicCreate>;

export interface ContentSummary {
  id: string;
  kind: ContentKind;
  title: string;
  summary: string;
  category: string;
  coverUrl: string | null;
  durationSeconds: number | null;
  publishedAt: string;
  /** The caller's effective study seconds and whether the minimum has been reached. */
  mySeconds: number;
  completed: boolean;
}

export interface ContentDetail extends ContentSummary {
  body: ArticleBlock[];
  mediaUrl: string | null;
  course: { id: string; title: string; lessonOrder: number } | null;
}

export interface CourseView {
  id: string;
  title: string;
  summary: string;
  lessons: ContentSummary[];
}

export interface StudySessionView {
  sessionId: string;
  contentId: string;
  heartbeatSeconds: number;
  minSeconds: number;
  /** Effective seconds already credited for this content before this session. */
  contentSeconds: number;
  completed: boolean;
}

export interface HeartbeatResult {
  credited: number;
  sessionSeconds: number;
  contentSeconds: number;
  minSeconds: number;
  completed: boolean;
  points: { action: PointsAction; awarded: number; capped: boolean }[];
}

export interface QuestionView {
  id: string;
  kind: QuestionKind;
  category: string;
  stem: string;
  options: { key: string; text: string }[];
}

export interface AttemptView {
  id: string;
  kind: QuizKind;
  title: string;
  total: number;
  answered: number;
  correct: number;
  finished: boolean;
  /** Daily / weekly / special: all unanswered questions. Challenge: only the current one. */
  questions: QuestionView[];
  /** Challenge: when the current question must be answered by. */
  answerBy: string | null;
  deadline: string | null;
  result: QuizResult | null;
}

export interface AnswerResult {
  correct: boolean;
  answer: string[];
  explanation: string;
  finished: boolean;
  result: QuizResult | null;
}

export interface QuizResult {
  correct: number;
  total: number;
  points: number;
  capped: boolean;
}

export interface QuizSummary {
  id: string;
  kind: QuizKind;
  title: string;
  deadline: string | null;
  questionCount: number;
  taken: boolean;
}

export interface TopicView {
  id: string;
  title: string;
  description: string;
  branch: { id: string; name: string };
  deadline: string;
  contents: ContentSummary[];
  quiz: { id: string; title: string; taken: boolean } | null;
  completed: boolean;
}

export interface StudyToday {
  pointsToday: number;
  balance: number;
  dailyQuizTaken: boolean;
  tasks: { action: PointsAction; label: string; awarded: number; dailyCap: number | null }[];
  topics: TopicView[];
  recommended: ContentSummary[];
}

export interface TopicReportRow {
  userId: string;
  name: string;
  group: string | null;
  completedContents: number;
  totalContents: number;
  quizCorrect: number | null;
  quizTotal: number | null;
  finished: boolean;
}

export interface TopicReport {
  topic: { id: string; title: string; deadline: string; branch: { id: string; name: string } };
  members: TopicReportRow[];
  finishedCount: number;
  notFinished: { userId: string; name: string }[];
  averageQuizScore: number | null;
  pastDeadline: boolean;
}
