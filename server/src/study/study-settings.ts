import type { AppConfig } from '../config/config.js';
import { clock } from '../common/clock.js';

/**
 * Timing rules of study sessions and quizzes, from the validated configuration (domain defaults; the
 * e2e server lowers them so a browser test does not read for a minute).
 */
export class StudySettings {
  heartbeatSeconds: number;
  minArticleSeconds: number;
  minVideoSeconds: number;
  challengeSeconds: number;

  constructor(config: Pick<AppConfig, 'STUDY_HEARTBEAT_SECONDS' | 'STUDY_MIN_ARTICLE_SECONDS' | 'STUDY_MIN_VIDEO_SECONDS' | 'STUDY_CHALLENGE_SECONDS'>) {
    this.heartbeatSeconds = config.STUDY_HEARTBEAT_SECONDS;
    this.minArticleSeconds = config.STUDY_MIN_ARTICLE_SECONDS;
    this.minVideoSeconds = config.STUDY_MIN_VIDEO_SECONDS;
    this.challengeSeconds = config.STUDY_CHALLENGE_SECONDS;
  }

  /** Beats closer than half the interval are refused; gaps longer than twice it count nothing (the member was away). */
  get minGapMs() {
    return this.heartbeatSeconds * 500;
  }
  get maxGapMs() {
    return this.heartbeatSeconds * 2000;
  }
}

/** Time source of study and quizzes, so tests can move time instead of waiting. */
export class StudyClock {
  offsetMs = 0;
  now(): Date {
    return new Date(clock.nowMs() + this.offsetMs);
  }
  advance(seconds: number) {
    this.offsetMs += seconds * 1000;
  }
}
