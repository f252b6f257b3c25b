import { Injectable } from '@nestjs/common';
import type { CaseKind } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Case } from './case.entity.js';

/**
 * What a kind of case does differently on the one clock. A domain whose cases have their own audience
 * (privacy complaints go to the admins, never to the organisers they may be about) registers a policy
 * here on module init; the workflow and the clock never import that domain.
 */
export interface CaseKindPolicy {
  kind: CaseKind;
  /** The kind writes its own notices (in `dueSoon` / `escalated`); the workflow's generic ones are skipped. */
  ownNotices: boolean;
  /** Highest escalation step (default 2: community, then street). */
  maxEscalation: number;
  dueSoon?(em: EntityManager, c: Case, now: Date): Promise<void>;
  escalated?(em: EntityManager, c: Case, level: number, now: Date): Promise<void>;
}

@Injectable()
export class CaseKinds {
  private readonly policies = new Map<CaseKind, CaseKindPolicy>();

  register(policy: CaseKindPolicy): void {
    this.policies.set(policy.kind, policy);
  }

  get(kind: CaseKind): CaseKindPolicy | undefined {
    return this.policies.get(kind);
  }

  maxEscalation(kind: CaseKind): number {
    return this.policies.get(kind)?.maxEscalation ?? 2;
  }
}
