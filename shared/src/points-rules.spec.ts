import { applyCaps, challengePoints, DEFAULT_POINTS_RULES, requestedPoints, studyTimeBlocks } from './points-rules.js';

const none = { day: 0, week: 0, year: 0 };

describe('points rules', () => {
  it('awards an article read in full below the daily cap of 12', () => {
    expect(applyCaps(1, DEFAULT_POINTS_RULES.article_read, { ...none, day: 11 })).toEqual({ awarded: 1, capped: false, reason: null });
  });

  it('records a credit over the daily cap as capped at zero with the reason', () => {
    expect(applyCaps(1, DEFAULT_POINTS_RULES.article_read, { ...none, day: 12 })).toEqual({ awarded: 0, capped: true, reason: 'daily_cap' });
  });

  it('awards the part that fits and names the tightest cap', () => {
    const r = { points: 1, dailyCap: 10, weeklyCap: 12, yearlyCap: null, active: true };
    expect(applyCaps(5, r, { day: 2, week: 9, year: 9 })).toEqual({ awarded: 3, capped: true, reason: 'weekly_cap' });
    expect(applyCaps(5, { ...r, yearlyCap: 100 }, { day: 0, week: 0, year: 99 })).toEqual({ awarded: 1, capped: true, reason: 'yearly_cap' });
  });

  it('never caps a debit and awards nothing for an inactive rule', () => {
    expect(applyCaps(-50, DEFAULT_POINTS_RULES.mall_redeem, none)).toEqual({ awarded: -50, capped: false, reason: null });
    expect(applyCaps(2, { ...DEFAULT_POINTS_RULES.share, active: false }, none)).toEqual({ awarded: 0, capped: true, reason: 'inactive' });
  });

  it('multiplies units for per-unit actions and takes given amounts as points', () => {
    expect(requestedPoints('volunteer_hours', DEFAULT_POINTS_RULES.volunteer_hours, 3)).toBe(3);
    expect(requestedPoints('daily_quiz', { ...DEFAULT_POINTS_RULES.daily_quiz, points: 2 }, 4)).toBe(8);
    expect(requestedPoints('mall_redeem', DEFAULT_POINTS_RULES.mall_redeem, -30)).toBe(-30);
    expect(requestedPoints('meeting_attendance', DEFAULT_POINTS_RULES.meeting_attendance, 99)).toBe(2);
  });

  it('scores the challenge quiz by tiers and study time by whole blocks', () => {
    expect([4, 5, 9, 10, 30].map(challengePoints)).toEqual([0, 3, 3, 6, 6]);
    expect(studyTimeBlocks('article', 479)).toBe(1);
    expect(studyTimeBlocks('video', 600)).toBe(2);
  });
});
