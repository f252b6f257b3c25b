import type {
  AnswerResult,
  AttemptView,
  ContentDetail,
  ContentSummary,
  CourseView,
  HeartbeatResult,
  QuizResult,
  QuizSummary,
  StudySessionView,
  StudyToday,
  TopicView,
} from '@honglin/shared';
import { request } from './request';

export function getStudyToday(): Promise<StudyToday> {
  return request<StudyToday>('/api/study/today');
}

export function listContents(kind?: 'article' | 'video' | 'audio'): Promise<ContentSummary[]> {
  return request<ContentSummary[]>('/api/study/contents', { query: { kind, limit: 50 } });
}

export function getContent(id: string): Promise<ContentDetail> {
  return request<ContentDetail>(`/api/study/contents/${id}`);
}

export function listCourses(): Promise<CourseView[]> {
  return request<CourseView[]>('/api/study/courses');
}

export function listMyTopics(): Promise<TopicView[]> {
  return request<TopicView[]>('/api/study/topics');
}

export function startStudySession(contentId: string): Promise<StudySessionView> {
  return request<StudySessionView>('/api/study/sessions', { method: 'POST', data: { contentId } });
}

/** Heartbeats fail quietly (the timer just doesn't move); the page shows why if the session ended. */
export function sendHeartbeat(sessionId: string, seq: number, position?: number): Promise<HeartbeatResult> {
  return request<HeartbeatResult>(`/api/study/sessions/${sessionId}/heartbeats`, { method: 'POST', data: { seq, position }, toast: false });
}

export function closeStudySession(sessionId: string): Promise<{ closed: boolean }> {
  return request<{ closed: boolean }>(`/api/study/sessions/${sessionId}/close`, { method: 'POST', data: {}, toast: false });
}

export function listQuizzes(): Promise<QuizSummary[]> {
  return request<QuizSummary[]>('/api/quizzes');
}

/** 'daily', 'challenge' or a special quiz id. */
export function startQuiz(which: string): Promise<AttemptView> {
  return request<AttemptView>(`/api/quizzes/${which}/attempts`, { method: 'POST', data: {} });
}

export function getAttempt(id: string): Promise<AttemptView> {
  return request<AttemptView>(`/api/quiz-attempts/${id}`);
}

export function answerQuestion(attemptId: string, questionId: string, choice: string[]): Promise<AnswerResult> {
  return request<AnswerResult>(`/api/quiz-attempts/${attemptId}/answers`, { method: 'POST', data: { questionId, choice } });
}

export function finishAttempt(attemptId: string): Promise<QuizResult> {
  return request<QuizResult>(`/api/quiz-attempts/${attemptId}/finish`, { method: 'POST', data: {} });
}
