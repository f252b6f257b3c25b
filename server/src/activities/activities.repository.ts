import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ACTIVITY_HOST_KINDS, CHINA_OFFSET_MINUTES, type ActivityCategory } from '@honglin/shared';
import { OrgNode } from '../organizations/org-node.entity.js';
import { User } from '../members/user.entity.js';
import { ActivityRating } from './activity-rating.entity.js';
import { Activity } from './activity.entity.js';
import { clock } from '../common/clock.js';

export interface ActivityFilter {
  communityId?: string;
  /** With communityId: also the activities these Party organisations publish for their members (the caller's own). */
  alsoHosts?: string[];
  category?: ActivityCategory;
  /** Beijing calendar day. */
  date?: string;
  includePast: boolean;
  /** Organiser listing: only these subtrees. */
  scopePaths?: string[];
  cursor?: { startsAt: Date; id: string };
  limit: number;
}

/** The only place that builds queries over activities and their ratings. */
@Injectable()
export class ActivitiesRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(em: EntityManager, a: Partial<Activity>): Promise<void> {
    await em.insert(Activity, em.create(Activity, a));
  }

  async update(em: EntityManager, id: string, patch: Partial<Activity>): Promise<void> {
    await em.update(Activity, { id }, patch);
  }

  find(id: string, em?: EntityManager): Promise<Activity | null> {
    return (em ?? this.ds.manager).findOne(Activity, { where: { id } });
  }

  findMany(ids: string[]): Promise<Activity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.manager.createQueryBuilder(Activity, 'a').where('a.id IN (:...ids)', { ids }).getMany();
  }

  findBySlots(slotIds: string[]): Promise<Activity[]> {
    if (!slotIds.length) return Promise.resolve([]);
    return this.ds.manager.createQueryBuilder(Activity, 'a').where('a.slotId IN (:...slotIds)', { slotIds }).getMany();
  }

  /** Upcoming first, by start time then id (the cursor). */
  list(f: ActivityFilter): Promise<Activity[]> {
    const qb = this.ds.manager.createQueryBuilder(Activity, 'a').where('a.status = :published', { published: 'published' });
    if (f.communityId && f.alsoHosts?.length) {
      qb.andWhere('(a.communityId = :communityId OR a.communityId IN (:...alsoHosts))', { communityId: f.communityId, alsoHosts: f.alsoHosts });
    } else if (f.communityId) {
      qb.andWhere('a.communityId = :communityId', { communityId: f.communityId });
    }
    if (f.category) qb.andWhere('a.category = :category', { category: f.category });
    if (f.date) {
      const from = new Date(Date.parse(`${f.date}T00:00:00Z`) - CHINA_OFFSET_MINUTES * 60_000);
      qb.andWhere('a.startsAt >= :from AND a.startsAt < :to', { from, to: new Date(from.getTime() + 86_400_000) });
    } else if (!f.includePast) {
      qb.andWhere('a.endsAt > :now', { now: clock.now() });
    }
    if (f.scopePaths) {
      qb.andWhere(`(${f.scopePaths.map((_, i) => `a.communityPath LIKE :s${i}`).join(' OR ')})`, Object.fromEntries(f.scopePaths.map((p, i) => [`s${i}`, `${p}%`])));
    }
    if (f.cursor) qb.andWhere('(a.startsAt > :cs OR (a.startsAt = :cs AND a.id > :cid))', { cs: f.cursor.startsAt, cid: f.cursor.id });
    return qb.orderBy('a.startsAt', 'ASC').addOrderBy('a.id', 'ASC').limit(f.limit).getMany();
  }

  community(id: string): Promise<OrgNode | null> {
    return this.ds.manager.findOne(OrgNode, { where: { id, kind: 'community' } });
  }

  /** A node that can publish activities (a community or a Party branch), or null. */
  async host(id: string): Promise<OrgNode | null> {
    const node = await this.ds.manager.findOne(OrgNode, { where: { id } });
    return node && (ACTIVITY_HOST_KINDS as readonly string[]).includes(node.kind) ? node : null;
  }

  /** Every node that can publish activities, communities first. */
  hosts(): Promise<OrgNode[]> {
    return this.ds.manager
      .createQueryBuilder(OrgNode, 'n')
      .where('n.kind IN (:...kinds)', { kinds: [...ACTIVITY_HOST_KINDS] })
      .orderBy('n.kind', 'DESC')
      .addOrderBy('n.name', 'ASC')
      .getMany();
  }

  /** Any nodes by id (an activity's host, the nodes an eligibility rule names). */
  nodes(ids: string[]): Promise<OrgNode[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.manager.createQueryBuilder(OrgNode, 'n').where('n.id IN (:...ids)', { ids }).getMany();
  }

  /** The ids of the user's Party organisation and those above it; empty for a non-member. */
  async partyNodeIdsOf(userId: string): Promise<string[]> {
    const user = await this.ds.manager.findOne(User, { where: { id: userId }, select: { id: true, branchNodeId: true } });
    const node = user?.branchNodeId ? await this.ds.manager.findOne(OrgNode, { where: { id: user.branchNodeId } }) : null;
    return node ? node.path.split('/').filter(Boolean) : [];
  }

  communities(ids?: string[]): Promise<OrgNode[]> {
    const qb = this.ds.manager.createQueryBuilder(OrgNode, 'n').where('n.kind = :k', { k: 'community' });
    if (ids) {
      if (!ids.length) return Promise.resolve([]);
      qb.andWhere('n.id IN (:...ids)', { ids });
    }
    return qb.orderBy('n.name', 'ASC').getMany();
  }

  async insertRating(em: EntityManager, r: Partial<ActivityRating>): Promise<void> {
    await em.insert(ActivityRating, em.create(ActivityRating, r));
  }

  ratingOf(activityId: string, userId: string): Promise<ActivityRating | null> {
    return this.ds.manager.findOne(ActivityRating, { where: { activityId, userId } });
  }

  ratedBy(userId: string, activityIds: string[]): Promise<Set<string>> {
    if (!activityIds.length) return Promise.resolve(new Set());
    return this.ds.manager
      .createQueryBuilder(ActivityRating, 'r')
      .select('r.activityId', 'activityId')
      .where('r.userId = :userId AND r.activityId IN (:...activityIds)', { userId, activityIds })
      .getRawMany<{ activityId: string }>()
      .then((rows) => new Set(rows.map((r) => r.activityId)));
  }

  /** Ratings with words: those shown (visible) and, for the organiser, those waiting for a person (held). */
  commentedRatings(activityId: string, statuses: ('visible' | 'held')[]): Promise<(ActivityRating & { raterName: string })[]> {
    return this.ds.manager
      .createQueryBuilder(ActivityRating, 'r')
      .innerJoin(User, 'u', 'u.id = r.userId')
      .select(['r.id AS id', 'r.stars AS stars', 'r.comment AS comment', 'r.commentStatus AS commentStatus', 'r.createdAt AS createdAt', 'u.name AS raterName'])
      .where('r.activityId = :activityId AND r.commentStatus IN (:...statuses)', { activityId, statuses })
      .orderBy('r.createdAt', 'DESC')
      .limit(100)
      .getRawMany();
  }

  findRating(id: string): Promise<ActivityRating | null> {
    return this.ds.manager.findOne(ActivityRating, { where: { id } });
  }

  /** Decides a held comment once: false when someone else decided first. */
  async decideHeld(em: EntityManager, id: string, patch: Pick<ActivityRating, 'commentStatus' | 'comment'>): Promise<boolean> {
    const r = await em.createQueryBuilder().update(ActivityRating).set(patch).where('id = :id AND commentStatus = :held', { id, held: 'held' }).execute();
    return (r.affected ?? 0) === 1;
  }

  async ratingSummary(activityId: string): Promise<{ average: number | null; count: number }> {
    const row = await this.ds.manager
      .createQueryBuilder(ActivityRating, 'r')
      .select('AVG(r.stars)', 'avg')
      .addSelect('COUNT(*)', 'n')
      .where('r.activityId = :activityId', { activityId })
      .getRawOne<{ avg: string | number | null; n: string | number }>();
    const count = Number(row?.n ?? 0);
    return { average: count ? Math.round(Number(row!.avg) * 10) / 10 : null, count };
  }
}
