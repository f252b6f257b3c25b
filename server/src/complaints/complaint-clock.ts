import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseKinds } from '../cases/case-kinds.js';
import type { Case } from '../cases/case.entity.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { ComplaintNotices, type ReminderKind } from './complaint-notices.js';
import { ComplaintsRepository, KIND } from './complaints.repository.js';

/**
 * Privacy complaints on the one case clock (ADR 0017): the clock decides when (48 hours before the
 * deadline, and once it has passed); this policy decides who hears it — the admins above the community,
 * never the complainant or the person complained about — with the complaint channel's own urgent notices.
 * One escalation step only: the admins already reach up to the street.
 */
@Injectable()
export class ComplaintClockPolicy implements OnModuleInit {
  constructor(
    private readonly kinds: CaseKinds,
    private readonly repo: ComplaintsRepository,
    private readonly org: OrgRepository,
    private readonly notices: ComplaintNotices,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      kind: KIND,
      ownNotices: true,
      maxEscalation: 1,
      dueSoon: (em, c) => this.remind(em, c, 'due_soon'),
      escalated: (em, c) => this.remind(em, c, 'overdue'),
    });
  }

  private async remind(em: EntityManager, c: Case, kind: ReminderKind): Promise<void> {
    const accused = (await this.repo.details([c.id])).get(c.id)?.accusedUserId ?? null;
    const admins = (await this.repo.adminsOver(c.orgPath)).filter((id) => id !== c.reporterId && id !== accused);
    const community = (await this.org.findNode(c.communityId))?.name ?? '';
    await this.notices.reminder(em, c, kind, admins, community);
  }
}
