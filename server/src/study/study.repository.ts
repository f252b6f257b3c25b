import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OrgNode } from '../organizations/org-node.entity.js';
import { StudyContent, StudyCourse, StudyTopic } from './study-content.entity.js';
import { StudyProgress, StudySession } from './study-session.entity.js';

const mariadb = (em: EntityManager) => em.connection.options.type !== 'better-sqlite3';

/** Queries of study content, sessions, progress and topics. */
@Injectable()
export class StudyRepository {
  constructor(private readonly ds: DataSource) {}

  /** Retention: closed sessions (when and how long someone read) go; the per-content totals stay. */
  async purgeClosedSessionsBefore(before: Date): Promise<number> {
    const r = await this.ds.manager.createQueryBuilder().delete().from(StudySession).where('closedAt IS NOT NULL AND closedAt < :before', { before }).execute();
    return r.affected ?? 0;
  }

  listContents(q: { kind?: string; category?: string; limit: number }): Promise<StudyContent[]> {
    const where: Record<string, unknown> = {};
    if (q.kind) where.kind = q.kind;
    if (q.category) where.category = q.category;
    return this.ds.manager.find(StudyContent, { where, order: { publishedAt: 'DESC', id: 'DESC' }, take: q.limit });
  }

  findContent(id: string): Promise<StudyContent | null> {
    return this.ds.manager.findOne(StudyContent, { where: { id } });
  }

  findContents(ids: string[]): Promise<StudyContent[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.manager.find(StudyContent, { where: { id: In(ids) } });
  }

  findCourse(id: string): Promise<StudyCourse | null> {
    return this.ds.manager.findOne(StudyCourse, { where: { id } });
  }

  courses(): Promise<StudyCourse[]> {
    return this.ds.manager.find(StudyCourse, { order: { createdAt: 'DESC' } });
  }

  lessons(courseId: string): Promise<StudyContent[]> {
    return this.ds.manager.find(StudyContent, { where: { courseId }, order: { lessonOrder: 'ASC' } });
  }

  progressOf(userId: string, contentIds: string[]): Promise<StudyProgress[]> {
    if (!contentIds.length) return Promise.resolve([]);
    return this.ds.manager.find(StudyProgress, { where: { userId, contentId: In(contentIds) } });
  }

  progressOfMany(userIds: string[], contentIds: string[]): Promise<StudyProgress[]> {
    if (!contentIds.length || !userIds.length) return Promise.resolve([]);
    return this.ds.manager.find(StudyProgress, { where: { userId: In(userIds), contentId: In(contentIds) } });
  }

  /** Closes whatever session the member still has open (a member studies one thing at a time). */
  async closeOpenSessions(userId: string, at: Date, em: EntityManager): Promise<void> {
    await em.createQueryBuilder().update(StudySession).set({ activeUserId: null, closedAt: at }).where('activeUserId = :userId', { userId }).execute();
  }

  async insertSession(s: StudySession, em: EntityManager): Promise<void> {
    await em.insert(StudySession, s);
  }

  findSession(id: string, em?: EntityManager): Promise<StudySession | null> {
    return (em ?? this.ds.manager).findOne(StudySession, { where: { id } });
  }

  /** Records a beat only if no other beat got in first (same lastSeq, still open). */
  async recordBeat(s: StudySession, patch: { lastSeq: number; lastBeatAt: Date; lastPosition: number | null; credited: number }, em: EntityManager): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(StudySession)
      .set({ lastSeq: patch.lastSeq, lastBeatAt: patch.lastBeatAt, lastPosition: patch.lastPosition, effectiveSeconds: () => `effectiveSeconds + ${Math.trunc(patch.credited)}` })
      .where('id = :id AND lastSeq = :prev AND activeUserId IS NOT NULL', { id: s.id, prev: s.lastSeq })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async closeSession(id: string, at: Date, em: EntityManager): Promise<boolean> {
    const r = await em.createQueryBuilder().update(StudySession).set({ activeUserId: null, closedAt: at }).where('id = :id AND activeUserId IS NOT NULL', { id }).execute();
    return (r.affected ?? 0) === 1;
  }

  /** Adds seconds to the member's progress on a content and returns the new total. */
  async addProgress(userId: string, contentId: string, seconds: number, em: EntityManager): Promise<StudyProgress> {
    const upsert = mariadb(em)
      ? 'INSERT INTO study_progress (userId, contentId, effectiveSeconds) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE effectiveSeconds = effectiveSeconds + VALUES(effectiveSeconds)'
      : 'INSERT INTO study_progress (userId, contentId, effectiveSeconds) VALUES (?, ?, ?) ON CONFLICT(userId, contentId) DO UPDATE SET effectiveSeconds = effectiveSeconds + excluded.effectiveSeconds';
    await em.query(upsert, [userId, contentId, seconds]);
    return (await em.findOne(StudyProgress, { where: { userId, contentId } }))!;
  }

  /** Marks the content completed the first time only; true for the call that did it. */
  async markCompleted(userId: string, contentId: string, at: Date, em: EntityManager): Promise<boolean> {
    const r = await em.createQueryBuilder().update(StudyProgress).set({ completedAt: at }).where('userId = :userId AND contentId = :contentId AND completedAt IS NULL', { userId, contentId }).execute();
    return (r.affected ?? 0) === 1;
  }

  async insertTopic(t: StudyTopic, em: EntityManager): Promise<void> {
    await em.insert(StudyTopic, t);
  }

  findTopic(id: string): Promise<StudyTopic | null> {
    return this.ds.manager.findOne(StudyTopic, { where: { id } });
  }

  topicsForBranches(branchIds: string[]): Promise<StudyTopic[]> {
    if (!branchIds.length) return Promise.resolve([]);
    return this.ds.manager.find(StudyTopic, { where: { branchId: In(branchIds) }, order: { deadline: 'ASC' } });
  }

  topicsUnder(paths: string[]): Promise<StudyTopic[]> {
    if (!paths.length) return Promise.resolve([]);
    return this.ds.manager
      .createQueryBuilder(StudyTopic, 't')
      .innerJoin(OrgNode, 'n', 'n.id = t.branchId')
      .where(`(${paths.map((_, i) => `n.path LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])))
      .orderBy('t.deadline', 'DESC')
      .getMany();
  }

  /** Party members whose branch or group lies under a branch. */
  async membersUnder(branchPath: string): Promise<{ id: string; name: string; groupName: string | null }[]> {
    return this.ds.query(
      `SELECT u.id, u.name, CASE WHEN n.kind = 'group' THEN n.name ELSE NULL END AS groupName
       FROM users u JOIN org_nodes n ON n.id = u.branchNodeId WHERE n.path LIKE ? ORDER BY u.name, u.id`,
      [`${branchPath}%`],
    );
  }
}
