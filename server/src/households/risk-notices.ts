import { Injectable } from '@nestjs/common';
import { WARNING_LEVEL_LABELS } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { NotificationService } from '../notifications/notification.service.js';
import { pathIds } from '../organizations/node-chain.js';
import { CareRepository } from './care.repository.js';
import type { RiskWarning } from './risk-warning.entity.js';

export const WARNINGS_PAGE = '/packages/grid/pages/warnings/index';

/**
 * Who hears of a warning, through the one outbox (in the transaction that raised or escalated it):
 * the grid's workers when raised; the community's organisers and admins when it was not acknowledged
 * in time; the street's after that.
 */
@Injectable()
export class RiskNotices {
  constructor(
    private readonly notifications: NotificationService,
    private readonly care: CareRepository,
  ) {}

  /** Recipients for step 0 (grid), 1 (community), 2 (street). Path: street/community/grid/building/. */
  async recipients(w: RiskWarning, step: number): Promise<string[]> {
    const [street, community, grid] = pathIds(w.path);
    if (step === 0) {
      const workers = await this.care.holders([grid].filter(Boolean), ['grid_worker']);
      return workers.length ? workers : this.care.holders([community].filter(Boolean), ['organiser', 'admin']);
    }
    return this.care.holders([step === 1 ? community : street].filter(Boolean), ['organiser', 'admin']);
  }

  /** One outbox write for a batch of newly raised warnings, each to its recipients. */
  async raised(em: EntityManager, raised: { w: RiskWarning; to: string[] }[]): Promise<void> {
    await this.notifications.enqueueMany(
      em,
      raised.flatMap(({ w, to }) =>
        to.map((userId) => ({
          userId,
          kind: 'risk_warning_raised',
          title: `${WARNING_LEVEL_LABELS[w.level]}色风险预警`,
          body: w.sentence,
          link: WARNINGS_PAGE,
          urgent: w.level === 'red',
          dedupeKey: `risk:${w.id}:raised:${userId}`,
        })),
      ),
    );
  }

  async escalated(em: EntityManager, w: RiskWarning, step: number, to: string[]): Promise<void> {
    const who = step === 1 ? '网格员' : '社区';
    await this.notifications.enqueueMany(
      em,
      to.map((userId) => ({
        userId,
        kind: 'risk_warning_escalated',
        title: `${WARNING_LEVEL_LABELS[w.level]}色预警超时未确认`,
        body: `${who}未在规定时间内确认这条预警：${w.sentence}`,
        link: WARNINGS_PAGE,
        urgent: true,
        dedupeKey: `risk:${w.id}:escalated:${step}:${userId}`,
      })),
    );
  }
}
