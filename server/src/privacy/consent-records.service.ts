import { Injectable } from '@nestjs/common';
import { DELETED_USER_NAME, maskName, PRIVACY_POLICY_VERSION, type ConsentKind, type ConsentRecordView } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { newId } from '../common/ids.js';
import type { FamilyLink } from '../family/family-link.entity.js';
import { FamilyRepository } from '../family/family.repository.js';
import type { ConsentRecord } from './consent-record.entity.js';
import { ConsentRecordRepository } from './consent-record.repository.js';

/**
 * Consent records (issue #9): written by the domains where consent is given or withdrawn, inside the
 * same transaction as the change, so the history can never disagree with what happened.
 */
@Injectable()
export class ConsentRecords {
  constructor(
    private readonly repo: ConsentRecordRepository,
    private readonly family: FamilyRepository,
  ) {}

  privacyAccepted(em: EntityManager, userId: string, version: string, at: Date): Promise<void> {
    return this.write(em, [userId], 'privacy_policy', null, at, version);
  }

  /** Both people on the link: the older resident consented, the family member took on acting for them. */
  familyLinked(em: EntityManager, link: Pick<FamilyLink, 'id' | 'elderUserId' | 'familyUserId'>, at: Date): Promise<void> {
    return this.write(em, [link.elderUserId, link.familyUserId], 'family_link', link.id, at);
  }

  familyRevoked(em: EntityManager, link: Pick<FamilyLink, 'id' | 'elderUserId' | 'familyUserId'>, at: Date): Promise<void> {
    return this.write(em, [link.elderUserId, link.familyUserId], 'family_link_revoked', link.id, at);
  }

  accountDeleted(em: EntityManager, userId: string, at: Date): Promise<void> {
    return this.write(em, [userId], 'account_deleted', null, at);
  }

  /** The resident's own yes or no to grid workers recording where a visit to them took place. */
  visitLocation(em: EntityManager, userId: string, allow: boolean, at: Date): Promise<void> {
    return this.write(em, [userId], allow ? 'visit_location' : 'visit_location_withdrawn', null, at);
  }

  /** Who of `userIds` has a visit-location consent in force (their latest say was yes). */
  async visitLocationAllowed(userIds: string[]): Promise<Set<string>> {
    const latest = await this.repo.latest(userIds, ['visit_location', 'visit_location_withdrawn']);
    return new Set([...latest.values()].filter((r) => r.kind === 'visit_location').map((r) => r.userId));
  }

  /** The caller's own history, newest first; the other person on a family link is named masked. */
  async history(userId: string): Promise<ConsentRecordView[]> {
    const records = await this.repo.ofUser(userId);
    const links = records.some((r) => r.subjectRef) ? await this.family.linksOf(userId) : [];
    const byId = new Map(links.map((l) => [l.id, l]));
    const others = links.map((l) => (l.elderUserId === userId ? l.familyUserId : l.elderUserId));
    const names = new Map((await this.family.users(others)).map((u) => [u.id, u.name]));
    return records.map((r) => ({ id: r.id, kind: r.kind, version: r.version, at: r.at.toISOString(), familyLink: this.linkOf(r, byId.get(r.subjectRef ?? ''), userId, names) }));
  }

  private linkOf(r: ConsentRecord, link: FamilyLink | undefined, me: string, names: Map<string, string>): ConsentRecordView['familyLink'] {
    if (!r.subjectRef || !link) return null;
    const mine = link.elderUserId === me ? 'elder' : 'family';
    const other = mine === 'elder' ? link.familyUserId : link.elderUserId;
    const name = names.get(other) ?? '';
    return { id: link.id, myRole: mine, otherName: name === DELETED_USER_NAME ? name : maskName(name), consent: link.consent };
  }

  private write(em: EntityManager, userIds: string[], kind: ConsentKind, subjectRef: string | null, at: Date, version = PRIVACY_POLICY_VERSION): Promise<void> {
    return this.repo.insert(em, [...new Set(userIds)].map((userId) => ({ id: newId(), userId, kind, subjectRef, version, at })));
  }
}
