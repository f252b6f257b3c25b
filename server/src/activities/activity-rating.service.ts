import { Injectable } from '@nestjs/common';
import type { RatingRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import { WechatClient } from '../wechat/wechat.client.js';
import { ActivitiesRepository } from './activities.repository.js';
import { ActivitiesService } from './activities.service.js';

/** WeChat's content labels, so a refused comment can say what the problem was. */
const LABELS: Record<number, string> = {
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
