import { randomInt } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  FAMILY_INVITE_CODE_LENGTH,
  FAMILY_INVITE_TTL_MINUTES,
  FAMILY_MAX_LINKS,
  maskPhone,
  type FamilyInviteView,
  type FamilyLinksView,
  type FamilyLinkView,
} from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { MemoryRateLimitStore, RedisRateLimitStore, type RateLimitStore } from '../common/rate-limit.store.js';
import { assertManages, manages } from '../common/scope.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { isUniqueViolation } from '../checkin/check-in.repository.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { User } from '../members/user.entity.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { ConsentRecords } from '../privacy/consent-records.service.js';
import { FamilyNotices } from './family-notices.js';
import type { FamilyLink } from './family-link.entity.js';
import { FamilyRepository } from './family.repository.js';
import type { ActingFor } from './proxy-actions.service.js';
import { clock } from '../common/clock.js';

/** Code guesses per person per window: enough for typos, far too few to find someone's live code. */
const CODE_TRIES = 10;
const CODE_TRIES_WINDOW_MS = 10 * 60_000;

/**
 * 亲情账号: the older resident shows a short code, the family member types it, the older resident
 * confirms; or an organiser at the door issues the code and witnesses the consent. Either side (or an
 * organiser of the resident's community) can end the link at any time, with immediate effect.
 */
@Injectable()
export class FamilyLinksService implements OnModuleDestroy {
  private readonly tries: RateLimitStore;

  constructor(
    private readonly repo: FamilyRepository,
    private readonly org: OrgRepository,
    private readonly notices: FamilyNotices,
    private readonly tx: TransactionRunner,
    private readonly crypto: FieldCrypto,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly consents: ConsentRecords,
  ) {
    // Same store as the request limits: shared through Redis when several instances run.
    this.tries = config.REDIS_URL ? new RedisRateLimitStore(config.REDIS_URL) : new MemoryRateLimitStore();
  }

  /** The code an older resident's own screen shows; a new one replaces the previous one. */
  async invite(actor: Actor): Promise<FamilyInviteView> {
    const [elder] = await this.repo.users([actor.userId]);
    if (!elder) throw new AppError('UNAUTHENTICATED');
    return this.issue(elder, actor.userId, null);
  }

  /** An organiser at the door of a resident (often without a smartphone) issues the code and vouches for the consent. */
  async witnessedInvite(actor: Actor, elderUserId: string, reason: string): Promise<FamilyInviteView> {
    const [elder] = await this.repo.users([elderUserId]);
    const home = elder?.residenceNodeId ? await this.org.findNode(elder.residenceNodeId) : null;
    if (!elder || !home) throw AppError.notFound();
    assertManages(actor, home.path);
    return this.issue(elder, actor.userId, reason);
  }

  /** The family member types the code: a pending request the elder confirms, or an active link if witnessed. */
  async redeem(actor: Actor, code: string): Promise<FamilyLinkView> {
    if (!(await this.tries.take(`family-code:${actor.userId}`, CODE_TRIES, CODE_TRIES_WINDOW_MS))) throw new AppError('RATE_LIMITED', undefined, '输错次数太多了，请10分钟后再试');
    const now = clock.now();
    const invite = await this.repo.liveInvite(this.hash(code), now);
    if (!invite) throw new AppError('FAMILY_INVITE_INVALID');
    if (invite.elderUserId === actor.userId) throw new AppError('FAMILY_SELF_LINK');
    const witnessed = invite.witnessReason !== null;
    // A witness vouches for someone else's consent, never for a link to themselves.
    if (witnessed && invite.createdBy === actor.userId) throw new AppError('FAMILY_WITNESS_SELF');
    const link: FamilyLink = {
      id: newId(),
      elderUserId: invite.elderUserId,
      familyUserId: actor.userId,
      status: witnessed ? 'active' : 'pending',
      liveKey: `${invite.elderUserId}:${actor.userId}`,
      consent: witnessed ? 'organiser_witnessed' : null,
      confirmedBy: witnessed ? invite.createdBy : null,
      witnessReason: invite.witnessReason,
      confirmedAt: witnessed ? now : null,
      revokedBy: null,
      revokeReason: null,
      revokedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.tx.run(async (em) => {
      if ((await this.repo.countLive(em, link.elderUserId)) >= FAMILY_MAX_LINKS) throw new AppError('FAMILY_TOO_MANY_LINKS');
      await this.repo.insertLink(em, link).catch((err: unknown) => {
        throw isUniqueViolation(err) ? new AppError('FAMILY_LINK_EXISTS') : err;
      });
      if (!(await this.repo.takeInvite(em, invite.id))) throw new AppError('FAMILY_INVITE_INVALID');
      const people = await this.people(link);
      if (witnessed) await this.consents.familyLinked(em, link, now);
      await (witnessed ? this.notices.linked(em, link, people) : this.notices.requested(em, link, people));
    });
    return this.view(link, actor.userId);
  }

  /** The older resident says yes, in their own app. */
  async confirm(actor: Actor, linkId: string): Promise<FamilyLinkView> {
    const link = await this.repo.link(linkId);
    if (!link || link.elderUserId !== actor.userId) throw AppError.notFound();
    if (link.status !== 'pending') throw new AppError('FAMILY_LINK_NOT_PENDING');
    const patch = { status: 'active' as const, consent: 'elder_confirmed' as const, confirmedBy: actor.userId, confirmedAt: clock.now() };
    await this.tx.run(async (em) => {
      if (!(await this.repo.transition(em, link.id, ['pending'], patch))) throw new AppError('FAMILY_LINK_NOT_PENDING');
      await this.consents.familyLinked(em, link, patch.confirmedAt);
      await this.notices.linked(em, { ...link, ...patch }, await this.people(link));
    });
    return this.view({ ...link, ...patch }, actor.userId);
  }

  /** Ends a link (or declines / withdraws a request): the elder, the family member, or an organiser of the elder's community. */
  async revoke(actor: Actor, linkId: string, reason?: string): Promise<FamilyLinkView> {
    const link = await this.repo.link(linkId);
    if (!link) throw AppError.notFound();
    const party = link.elderUserId === actor.userId || link.familyUserId === actor.userId;
    if (!party && !(await this.organiserOf(actor, link.elderUserId))) throw AppError.notFound();
    if (link.status === 'revoked') throw new AppError('FAMILY_LINK_REVOKED');
    const revoked = await this.tx.run((em) => this.revokeIn(em, link, actor.userId, reason || null));
    return this.view(revoked, actor.userId);
  }

  /**
   * The one way a link ends, inside the caller's transaction (account deletion ends every link of the
   * person in its own): the status change, the consent record for both sides, and the other side's notice.
   */
  async revokeIn(em: EntityManager, link: FamilyLink, by: string, reason: string | null): Promise<FamilyLink> {
    const patch = { status: 'revoked' as const, liveKey: null, revokedBy: by, revokeReason: reason, revokedAt: clock.now() };
    if (!(await this.repo.transition(em, link.id, ['pending', 'active'], patch))) throw new AppError('FAMILY_LINK_REVOKED');
    const revoked = { ...link, ...patch };
    // Declining a request withdraws nothing: only a link that was live had a consent to revoke.
    if (link.status === 'active') await this.consents.familyRevoked(em, link, patch.revokedAt);
    await this.notices.revoked(em, revoked, await this.people(revoked));
    return revoked;
  }

  async list(actor: Actor): Promise<FamilyLinksView> {
    const links = await this.repo.linksOf(actor.userId);
    const views = await Promise.all(links.map((l) => this.view(l, actor.userId)));
    return { helpers: views.filter((v) => v.myRole === 'elder'), elders: views.filter((v) => v.myRole === 'family') };
  }

  /** The active link through which `actor` may act for `elderUserId`; refused alike when there is none or no such person. */
  async requireActive(actor: Actor, elderUserId: string): Promise<FamilyLink> {
    const link = await this.repo.activeLink(elderUserId, actor.userId);
    if (!link) throw new AppError('FAMILY_NOT_LINKED');
    return link;
  }

  /** Acting for the elder on the family link's word: refused (403) without an active link. */
  async actingFor(actor: Actor, elderUserId: string): Promise<ActingFor> {
    const link = await this.requireActive(actor, elderUserId);
    return { actorUserId: actor.userId, subjectUserId: elderUserId, consent: { kind: 'family_link', linkId: link.id } };
  }

  /**
   * Inside the action's transaction: the link must still be active (share-locked on MariaDB), so a
   * revocation since the first check refuses the action and nothing is written.
   */
  async hold(em: EntityManager, acting: ActingFor): Promise<FamilyLink> {
    const link = acting.consent.kind === 'family_link' ? await this.repo.lockActive(em, acting.consent.linkId) : null;
    if (!link) throw new AppError('FAMILY_NOT_LINKED');
    return link;
  }

  private async issue(elder: User, createdBy: string, witnessReason: string | null): Promise<FamilyInviteView> {
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + FAMILY_INVITE_TTL_MINUTES * 60_000);
    // Six digits can collide with another live code: draw again (the unique key decides).
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = String(randomInt(0, 10 ** FAMILY_INVITE_CODE_LENGTH)).padStart(FAMILY_INVITE_CODE_LENGTH, '0');
      const stored = await this.tx.run(async (em) => {
        await this.repo.clearInvites(em, elder.id, now);
        return this.repo.insertInvite(em, { id: newId(), elderUserId: elder.id, codeHash: this.hash(code), expiresAt, createdBy, witnessReason, createdAt: now }).then(
          () => true,
          (err: unknown) => {
            if (!isUniqueViolation(err)) throw err;
            return false;
          },
        );
      });
      if (stored) return { code, expiresAt: expiresAt.toISOString(), elder: { id: elder.id, name: elder.name }, witnessed: witnessReason !== null };
    }
    throw new AppError('CONFLICT');
  }

  private async organiserOf(actor: Actor, userId: string): Promise<boolean> {
    const [user] = await this.repo.users([userId]);
    const home = user?.residenceNodeId ? await this.org.findNode(user.residenceNodeId) : null;
    return !!home && manages(actor, home.path);
  }

  private async people(link: FamilyLink): Promise<Map<string, User>> {
    const ids = [link.elderUserId, link.familyUserId, link.confirmedBy, link.revokedBy].filter((x): x is string => !!x);
    return new Map((await this.repo.users(ids)).map((u) => [u.id, u]));
  }

  private async view(link: FamilyLink, me: string): Promise<FamilyLinkView> {
    const people = await this.people(link);
    const person = (id: string) => {
      const u = people.get(id);
      return { id, name: u?.name ?? '', phoneMasked: u?.phoneCipher ? maskPhone(this.crypto.decrypt(u.phoneCipher)) : null };
    };
    const witness = link.consent === 'organiser_witnessed' && link.confirmedBy ? { id: link.confirmedBy, name: people.get(link.confirmedBy)?.name ?? '' } : null;
    return {
      id: link.id,
      status: link.status,
      consent: link.consent,
      myRole: link.elderUserId === me ? 'elder' : 'family',
      elder: person(link.elderUserId),
      family: person(link.familyUserId),
      witnessedBy: witness,
      witnessReason: link.witnessReason,
      elderPartyMember: link.status === 'active' && !!people.get(link.elderUserId)?.branchNodeId,
      requestedAt: link.createdAt.toISOString(),
      confirmedAt: link.confirmedAt ? link.confirmedAt.toISOString() : null,
      revokedAt: link.revokedAt ? link.revokedAt.toISOString() : null,
    };
  }

  private hash(code: string): string {
    return this.crypto.hash(`family-invite:${code}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.tries.close();
  }
}
