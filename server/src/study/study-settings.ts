import { z } from 'zod';

const seconds = (fallback: number) => z.coerce.number().int().min(1).max(3600).default(fallback);
const schema = z.object({
  STUDY_HEARTBEAT_SECONDS: seconds(15),
  STUDY_MIN_ARTICLE_SECONDS: seconds(60),
  STUDY_MIN_VIDEO_SECONDS: seconds(120),
  STUDY_CHALLENGE_SECONDS: seconds(45),
});

/**
 * Timing rules of study sessions and quizzes. Domain defaults; the e2e server lowers them through the
 * environment so a browser test does not read for a minute. Read once at boot, refused if malformed.
 */
export class StudySettings {
  heartbeatSeconds: number;
  minArticleSeconds: number;
  minVideoSeconds: number;
  challengeSeconds: number;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('STUDY_') && v)));
    if (!parsed.success) throw new Error(`Configuration error: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
    this.heartbeatSeconds = parsed.data.STUDY_HEARTBEAT_SECONDS;
    this.minArticleSeconds = parsed.data.STUDY_MIN_ARTICLE_SECONDS;
    this.minVideoSeconds = parsed.data.STUDY_MIN_VIDEO_SECONDS;
    this.challengeSeconds = parsed.data.STUDY_CHALLENGE_SECONDS;
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
    return new Date(Date.now() + this.offsetMs);
  }
  advance(seconds: number) {
    this.offsetMs += seconds * 1000;
  }
}
