import { Injectable } from '@nestjs/common';
import { maskName, type CommentModeration, type RatingRequest, type RatingView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import { WechatClient } from '../wechat/wechat.client.js';
import { ActivitiesRepository } from './activities.repository.js';
import { ActivitiesService } from './activities.service.js';

/** WeChat's content labels, so a refused comment can say what the problem was. */
export const LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他不当内容',
};

/** Ratings after an activity: only by people marked attended, once, with the comment checked by WeChat first. */
@Injectable()
export class ActivityRatingService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly repo: ActivitiesRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly wechat: WechatClient,
    private readonly tx: TransactionRunner,
  ) {}

  async rate(actor: Actor, id: string, dto: RatingRequest): Promise<{ average: number | null; count: number; commentHeld: boolean }> {
    const a = await this.activities.require(id);
    const mine = await this.enrollments.enrollmentOf(a.slotId, actor.userId);
    if (mine?.status !== 'attended') throw new AppError('ACTIVITY_NOT_RATEABLE');
    if (await this.repo.ratingOf(a.id, actor.userId)) throw new AppError('ACTIVITY_ALREADY_RATED');
    const commentStatus = dto.comment ? await this.checkComment(actor.userId, dto.comment) : 'none';
    await this.tx.run((em) =>
      this.repo.insertRating(em, { id: newId(), activityId: a.id, userId: actor.userId, stars: dto.stars, comment: dto.comment, commentStatus }).catch((e: unknown) => {
        throw (e as { driverError?: { code?: string } }).driverError?.code ? new AppError('ACTIVITY_ALREADY_RATED') : e;
      }),
    );
    return { ...(await this.repo.ratingSummary(a.id)), commentHeld: commentStatus === 'held' };
  }

  /** Comments everyone may read on the activity page: only those that passed the check or a person. */
  async comments(id: string): Promise<RatingView[]> {
    const a = await this.activities.require(id);
    return (await this.repo.commentedRatings(a.id, ['visible'])).map(ratingView);
  }

  /** The organiser's view: every comment, held ones first so they get looked at. */
  async forOrganiser(actor: Actor, id: string): Promise<RatingView[]> {
    const a = await this.activities.managed(actor, id);
    const rows = (await this.repo.commentedRatings(a.id, ['held', 'visible'])).map(ratingView);
    return [...rows.filter((r) => r.commentStatus === 'held'), ...rows.filter((r) => r.commentStatus === 'visible')];
  }

  /** Publish a held comment, or reject it: a rejected comment is erased (the stars stay). */
  async moderate(actor: Actor, ratingId: string, decision: CommentModeration['decision']): Promise<{ decided: 'published' | 'rejected' }> {
    const rating = await this.repo.findRating(ratingId);
    if (!rating) throw AppError.notFound();
    await this.activities.managed(actor, rating.activityId);
    const patch = decision === 'publish' ? { commentStatus: 'visible' as const, comment: rating.comment } : { commentStatus: 'none' as const, comment: '' };
    const done = await this.tx.run((em) => this.repo.decideHeld(em, ratingId, patch));
    if (!done) throw new AppError('COMMENT_ALREADY_DECIDED');
    return { decided: decision === 'publish' ? 'published' : 'rejected' };
  }

  /** Outside any transaction (network). Risky text is refused with the reason; text WeChat could not judge is kept but held for a person. */
  private async checkComment(userId: string, content: string): Promise<'visible' | 'held'> {
    const user = await this.enrollments.user(userId);
    const verdict = await this.wechat.msgSecCheck({ openid: user?.openid ?? '', content, scene: 2 });
    if (verdict.suggest === 'pass') return 'visible';
    if (verdict.suggest === 'risky') {
      const why = LABELS[verdict.label] ?? '不当内容';
      throw new AppError('COMMENT_REJECTED', [{ field: 'comment', message: `内容涉及${why}` }], `评价内容涉及${why}，未通过内容安全检查，请修改后再提交`);
    }
    return 'held';
  }
}

function ratingView(r: { id: string; stars: number | string; comment: string; commentStatus: string; createdAt: Date | string; raterName: string }): RatingView {
  return {
    id: r.id,
    stars: Number(r.stars),
    comment: r.comment,
    commentStatus: r.commentStatus === 'held' ? 'held' : 'visible',
    raterMasked: maskName(r.raterName),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
