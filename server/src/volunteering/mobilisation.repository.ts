import { Injectable } from '@nestjs/common';
import type { MobilisationAnswer, MobilisationStatus } from '@honglin/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { InboxItem } from '../notifications/inbox-item.entity.js';
import { OutboxMessage } from '../notifications/outbox-message.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { MobilisationAnswerRow, MobilisationCall } from './mobilisation.entity.js';
import { VolunteerProfile } from './profile.entity.js';

export interface Candidate {
  id: string;
  birthYear: number | null;
  residencePath: string | null;
  branchPath: string | null;
  branchNodeId: string | null;
  skills: string | null;
  availability: string | null;
}

/** One group of the board: who was called there, what became of the notice, what they answered. */
export interface BoardRow {
  gridId: string | null;
  branchId: string | null;
  answer: MobilisationAnswer;
  delivered: boolean;
  read: boolean;
  n: number;
}

const CHUNK = 500;

/** The only place that builds queries over urgent calls and answers (and reads their outbox/inbox rows for the board). */
@Injectable()
export class MobilisationRepository {
  constructor(private readonly ds: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.ds.manager;
  }

  async insertCall(em: EntityManager, c: Partial<MobilisationCall>): Promise<void> {
    await em.insert(MobilisationCall, em.create(MobilisationCall, c));
  }

  call(id: string, em?: EntityManager): Promise<MobilisationCall | null> {
    return this.m(em).findOne(MobilisationCall, { where: { id } });
  }

  /** Calls of a campaign not closed yet, in the caller's transaction. */
  liveCallsOf(em: EntityManager, campaignId: string): Promise<MobilisationCall[]> {
    return em.createQueryBuilder(MobilisationCall, 'c').where('c.campaignId = :campaignId AND c.status <> :closed', { campaignId, closed: 'closed' }).getMany();
  }

  callsUnder(paths: string[]): Promise<MobilisationCall[]> {
    if (!paths.length) return Promise.resolve([]);
    return this.ds.manager
      .createQueryBuilder(MobilisationCall, 'c')
      .where(`(${paths.map((_, i) => `c.nodePath LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])))
      .orderBy('c.id', 'DESC')
      .limit(50)
      .getMany();
  }

  /** Calls that reached this person, newest first. */
  async callsOf(userId: string): Promise<{ call: MobilisationCall; answer: MobilisationAnswerRow }[]> {
    const answers = await this.ds.manager.find(MobilisationAnswerRow, { where: { userId }, order: { id: 'DESC' }, take: 30 });
    const calls = answers.length ? await this.ds.manager.find(MobilisationCall, { where: { id: In(answers.map((a) => a.callId)) } }) : [];
    return answers.flatMap((answer) => {
      const call = calls.find((c) => c.id === answer.callId);
      return call ? [{ call, answer }] : [];
    });
  }

  /** Moves a call on only from the status the caller saw. */
  async moveCall(em: EntityManager, id: string, from: MobilisationStatus, patch: Partial<MobilisationCall>): Promise<boolean> {
    const res = await em.createQueryBuilder().update(MobilisationCall).set(patch).where('id = :id AND status = :from', { id, from }).execute();
    return res.affected === 1;
  }

  /** Claims the one reminder round of a call (several instances may run the job). */
  async claimReminder(em: EntityManager, id: string, now: Date): Promise<boolean> {
    const res = await em.createQueryBuilder().update(MobilisationCall).set({ remindedAt: now }).where('id = :id AND remindedAt IS NULL AND status = :open', { id, open: 'open' }).execute();
    return res.affected === 1;
  }

  dueReminders(now: Date, limit: number): Promise<MobilisationCall[]> {
    return this.ds.manager.createQueryBuilder(MobilisationCall, 'c').where('c.status = :open AND c.remindAt <= :now AND c.remindedAt IS NULL', { open: 'open', now }).limit(limit).getMany();
  }

  pastDeadline(now: Date, limit: number): Promise<MobilisationCall[]> {
    return this.ds.manager.createQueryBuilder(MobilisationCall, 'c').where('c.status <> :closed AND c.deadline < :now', { closed: 'closed', now }).limit(limit).getMany();
  }

  /**
   * People under the given residence paths or Party paths (either), not disabled, with their
   * profile's skills and availability as stored. `gridIds` also reaches volunteers who offered to
   * serve in those grids. Skills, availability and Party filters are applied by the caller.
   */
  candidates(f: { residencePaths: string[]; branchPaths: string[]; gridIds: string[]; skillsOnly: boolean }): Promise<Candidate[]> {
    const q = this.ds.manager
      .createQueryBuilder(User, 'u')
      .select(['u.id AS id', 'u.birthYear AS birthYear', 'r.path AS residencePath', 'b.path AS branchPath', 'u.branchNodeId AS branchNodeId', 'p.skills AS skills', 'p.availability AS availability'])
      .leftJoin(OrgNode, 'r', 'r.id = u.residenceNodeId')
      .leftJoin(OrgNode, 'b', 'b.id = u.branchNodeId')
      .where('u.disabled = 0');
    if (f.skillsOnly) q.innerJoin(VolunteerProfile, 'p', 'p.userId = u.id');
    else q.leftJoin(VolunteerProfile, 'p', 'p.userId = u.id');
    const ors: string[] = [];
    const params: Record<string, string> = {};
    f.residencePaths.forEach((p, i) => ((params[`r${i}`] = `${p}%`), ors.push(`r.path LIKE :r${i}`)));
    f.branchPaths.forEach((p, i) => ((params[`b${i}`] = `${p}%`), ors.push(`b.path LIKE :b${i}`)));
    f.gridIds.forEach((g, i) => ((params[`g${i}`] = `%"${g}"%`), ors.push(`p.gridIds LIKE :g${i}`)));
    if (!ors.length) return Promise.resolve([]);
    return q.andWhere(`(${ors.join(' OR ')})`, params).getRawMany<Candidate>();
  }

  async insertAnswers(em: EntityManager, rows: Partial<MobilisationAnswerRow>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) await em.createQueryBuilder().insert().into(MobilisationAnswerRow).values(rows.slice(i, i + CHUNK)).updateEntity(false).execute();
  }

  answer(callId: string, userId: string, em?: EntityManager): Promise<MobilisationAnswerRow | null> {
    return this.m(em).findOne(MobilisationAnswerRow, { where: { callId, userId } });
  }

  /** Records an answer only over the one the caller saw: a second answer (or a racing one) changes nothing. */
  async moveAnswer(em: EntityManager, id: string, from: MobilisationAnswer, patch: Partial<MobilisationAnswerRow>): Promise<boolean> {
    const res = await em.createQueryBuilder().update(MobilisationAnswerRow).set(patch).where('id = :id AND answer = :from', { id, from }).execute();
    return res.affected === 1;
  }

  async silent(callId: string): Promise<string[]> {
    const rows = await this.ds.manager.createQueryBuilder(MobilisationAnswerRow, 'a').select('a.userId', 'userId').where('a.callId = :callId AND a.answer = :none', { callId, none: 'none' }).getRawMany<{ userId: string }>();
    return rows.map((r) => r.userId);
  }

  async acceptedCount(callId: string): Promise<number> {
    return this.ds.manager.count(MobilisationAnswerRow, { where: { callId, answer: 'accepted' } });
  }

  /** The board, grouped in the database: answers joined to their outbox row (by dedupe key) and inbox item. */
  async board(callId: string): Promise<BoardRow[]> {
    const rows = await this.ds.manager
      .createQueryBuilder(MobilisationAnswerRow, 'a')
      .select(['a.gridId AS gridId', 'a.branchId AS branchId', 'a.answer AS answer'])
      .addSelect("CASE WHEN o.status = 'delivered' THEN 1 ELSE 0 END", 'delivered')
      .addSelect('CASE WHEN i.readAt IS NOT NULL THEN 1 ELSE 0 END', 'isRead')
      .addSelect('COUNT(*)', 'n')
      .leftJoin(OutboxMessage, 'o', 'o.dedupeKey = a.noticeKey')
      .leftJoin(InboxItem, 'i', 'i.outboxId = o.id')
      .where('a.callId = :callId', { callId })
      .groupBy('a.gridId')
      .addGroupBy('a.branchId')
      .addGroupBy('a.answer')
      .addGroupBy("CASE WHEN o.status = 'delivered' THEN 1 ELSE 0 END")
      .addGroupBy('CASE WHEN i.readAt IS NOT NULL THEN 1 ELSE 0 END')
      .getRawMany<{ gridId: string | null; branchId: string | null; answer: MobilisationAnswer; delivered: string | number; isRead: string | number; n: string | number }>();
    return rows.map((r) => ({ gridId: r.gridId, branchId: r.branchId, answer: r.answer, delivered: Number(r.delivered) === 1, read: Number(r.isRead) === 1, n: Number(r.n) }));
  }

  nodesOfKinds(kinds: string[], paths: string[]): Promise<OrgNode[]> {
    const q = this.ds.manager.createQueryBuilder(OrgNode, 'n').where('n.kind IN (:...kinds)', { kinds });
    if (paths.length) q.andWhere(`(${paths.map((_, i) => `n.path LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])));
    return q.getMany();
  }
}
