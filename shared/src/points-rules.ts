/**
 * Points actions and their default rules (学习强国-style, see domain.md). Organisations may override
 * any rule on a node of the tree; the deepest override on the way to the root wins, else these.
 */
export const POINTS_ACTIONS = [
  'login',
  'article_read',
  'article_time',
  'video_watch',
  'video_time',
  'daily_quiz',
  'weekly_quiz',
  'special_quiz',
  'challenge_quiz',
  'share',
  'comment',
  'meeting_attendance',
  'activity_attendance',
  'volunteer_hours',
  'dues_on_time',
  'mall_redeem',
  'mall_refund',
  'adjustment',
] as const;
export type PointsAction = (typeof POINTS_ACTIONS)[number];

export interface PointsRule {
  /** Points per action, or per unit (hour, correct answer, time block) for `perUnit` actions. */
  points: number;
  dailyCap: number | null;
  weeklyCap: number | null;
  yearlyCap: number | null;
  active: boolean;
}

const rule = (points: number, dailyCap: number | null, weeklyCap: number | null = null, yearlyCap: number | null = null): PointsRule => ({
  points,
  dailyCap,
  weeklyCap,
  yearlyCap,
  active: true,
});

export const DEFAULT_POINTS_RULES: Record<PointsAction, PointsRule> = {
  login: rule(1, 1),
  article_read: rule(1, 12),
  article_time: rule(1, 8), // 1 per 4 minutes of effective reading
  video_watch: rule(1, 6),
  video_time: rule(1, 6), // 1 per 5 minutes of effective viewing
  daily_quiz: rule(1, 5), // 1 per correct answer
  weekly_quiz: rule(5, null, 5),
  special_quiz: rule(10, 10),
  challenge_quiz: rule(6, 6), // tiered: the caller passes 3 or 6
  share: rule(1, 1),
  comment: rule(1, 1),
  meeting_attendance: rule(2, null), // once per meeting through the idempotency key
  activity_attendance: rule(2, 6),
  volunteer_hours: rule(1, null), // per hour
  dues_on_time: rule(2, null),
  mall_redeem: rule(0, null),
  mall_refund: rule(0, null),
  adjustment: rule(0, null),
};

/** Actions whose `amount` is a count of units (hours, correct answers, time blocks) multiplied by the rule's points. */
export const PER_UNIT_ACTIONS: readonly PointsAction[] = ['article_time', 'video_time', 'daily_quiz', 'volunteer_hours'];
/** Actions whose amount is given by the caller as points (spending, refunds, tiered awards, manual adjustments). */
export const GIVEN_AMOUNT_ACTIONS: readonly PointsAction[] = ['mall_redeem', 'mall_refund', 'adjustment', 'challenge_quiz'];
/** Spending is not achievement: it changes the balance but not rankings or caps. */
export const SPENDING_ACTIONS: readonly PointsAction[] = ['mall_redeem', 'mall_refund'];

export const POINTS_ACTION_LABELS: Record<PointsAction, string> = {
  login: '每日登录',
  article_read: '阅读文章',
  article_time: '文章学习时长',
  video_watch: '视听学习',
  video_time: '视听学习时长',
  daily_quiz: '每日答题',
  weekly_quiz: '每周答题',
  special_quiz: '专项答题',
  challenge_quiz: '挑战答题',
  share: '分享',
  comment: '发表观点',
  meeting_attendance: '参加会议',
  activity_attendance: '参加活动',
  volunteer_hours: '志愿服务时长',
  dues_on_time: '按时交纳党费',
  mall_redeem: '积分兑换',
  mall_refund: '兑换退还',
  adjustment: '积分调整',
};

export type CapReason = 'daily_cap' | 'weekly_cap' | 'yearly_cap' | 'inactive';
export const CAP_REASON_LABELS: Record<CapReason, string> = {
  daily_cap: '已达今日上限',
  weekly_cap: '已达本周上限',
  yearly_cap: '已达本年上限',
  inactive: '该项积分未启用',
};

/** Points requested before caps: the caller's amount (given), units × points (per unit), else the rule's points. */
export function requestedPoints(action: PointsAction, rule: PointsRule, amount: number | undefined): number {
  if (GIVEN_AMOUNT_ACTIONS.includes(action)) return amount ?? rule.points;
  if (PER_UNIT_ACTIONS.includes(action)) return (amount ?? 1) * rule.points;
  return rule.points;
}

/**
 * How much of a request the caps allow, given what was already awarded for this action today, this
 * week and this year. Debits (negative) are never capped. The tightest cap names the reason.
 */
export function applyCaps(
  requested: number,
  rule: PointsRule,
  awarded: { day: number; week: number; year: number },
): { awarded: number; capped: boolean; reason: CapReason | null } {
  if (requested <= 0) return { awarded: requested, capped: false, reason: null };
  if (!rule.active) return { awarded: 0, capped: true, reason: 'inactive' };
  let allowed = requested;
  let reason: CapReason | null = null;
  const limits: [number | null, number, CapReason][] = [
    [rule.dailyCap, awarded.day, 'daily_cap'],
    [rule.weeklyCap, awarded.week, 'weekly_cap'],
    [rule.yearlyCap, awarded.year, 'yearly_cap'],
  ];
  for (const [cap, used, why] of limits) {
    if (cap === null) continue;
    const room = Math.max(0, cap - used);
    if (room < allowed) {
      allowed = room;
      reason = why;
    }
  }
  return { awarded: allowed, capped: allowed < requested, reason };
}

/** Challenge quiz tiers (domain.md): 5 correct → 3 points, 10 or more → 6. */
export function challengePoints(correct: number): number {
  if (correct >= 10) return 6;
  if (correct >= 5) return 3;
  return 0;
}

/** Whole time blocks earned by effective seconds: 4 minutes for articles, 5 for audio/video. */
export function studyTimeBlocks(kind: 'article' | 'video', effectiveSeconds: number): number {
  return Math.floor(effectiveSeconds / (kind === 'article' ? 240 : 300));
}
