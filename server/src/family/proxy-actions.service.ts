import { Injectable } from '@nestjs/common';
import { MANAGING_ROLES, type Page, type ProxyAction, type ProxyActionView, type Role } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { newId } from '../common/ids.js';
import { FamilyRepository } from './family.repository.js';
import type { ProxyActionRecord } from './proxy-action.entity.js';
import { ProxyActionRepository } from './proxy-action.repository.js';

/** On whose word someone acts for another person. */
export type ProxyConsent = { kind: 'family_link'; linkId: string } | { kind: 'organiser'; role: Role; reason: string };

export interface ActingFor {
  actorUserId: string;
  subjectUserId: string;
  consent: ProxyConsent;
}

export interface ProxyTarget {
  action: ProxyAction;
  targetType: string;
  targetId: string;
  targetTitle: string;
}

/**
 * 代办记录: every action one person takes for another is recorded here, in the transaction of the
 * action itself, so there is never an action without its record (or a record without its action).
 */
@Injectable()
export class ProxyActions {
  constructor(
    private readonly repo: ProxyActionRepository,
    private readonly family: FamilyRepository,
  ) {}

  /** Organiser consent: the managing role by which the actor reaches the person's node (scope was checked by the caller). */
  organiser(actor: Actor, path: string, reason: string): ProxyConsent {
    const grant = actor.grants.find((g) => MANAGING_ROLES.includes(g.role) && path.startsWith(g.path));
    return { kind: 'organiser', role: grant?.role ?? 'organiser', reason };
  }

  async record(em: EntityManager, acting: ActingFor, target: ProxyTarget): Promise<void> {
    const c = acting.consent;
    await this.repo.insert(em, {
      id: newId(),
      actorUserId: acting.actorUserId,
      subjectUserId: acting.subjectUserId,
      ...target,
      targetTitle: target.targetTitle.slice(0, 60),
      consent: c.kind,
      familyLinkId: c.kind === 'family_link' ? c.linkId : null,
      actorRole: c.kind === 'organiser' ? c.role : null,
      reason: c.kind === 'organiser' ? c.reason : null,
    } as ProxyActionRecord);
  }

  async history(userId: string, as: 'subject' | 'actor', limit: number, cursor?: string): Promise<Page<ProxyActionView>> {
    const rows = await this.repo.page(userId, as, limit + 1, cursor);
    const page = rows.slice(0, limit);
    const names = new Map((await this.family.users(page.flatMap((r) => [r.actorUserId, r.subjectUserId]))).map((u) => [u.id, u.name]));
    const person = (id: string) => ({ id, name: names.get(id) ?? '' });
    return {
      items: page.map((r) => ({
        id: r.id,
        action: r.action,
        actor: person(r.actorUserId),
        subject: person(r.subjectUserId),
        target: { type: r.targetType, id: r.targetId, title: r.targetTitle },
        consent: { kind: r.consent, linkId: r.familyLinkId, role: r.actorRole, reason: r.reason },
        at: r.createdAt.toISOString(),
      })),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    };
  }

  /** Who entered each of these enrollments, as far as acting-for records tell: the latest sign-up record per enrollment. */
  async signUpConsents(enrollmentIds: string[]): Promise<Map<string, { actorUserId: string; kind: ProxyConsent['kind'] }>> {
    const out = new Map<string, { actorUserId: string; kind: ProxyConsent['kind'] }>();
    for (const r of await this.repo.forTargets('activity_signup', 'enrollment', enrollmentIds)) out.set(r.targetId, { actorUserId: r.actorUserId, kind: r.consent });
    return out;
  }
}
