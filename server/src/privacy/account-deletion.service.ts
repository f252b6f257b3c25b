import { Injectable } from '@nestjs/common';
import { ACCOUNT_DELETION_KEEPS, DELETED_USER_NAME, ROLE_LABELS, beijingDay, type AccountDeletedView } from '@honglin/shared';
import { RollupService } from '../analytics/rollup.service.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentService } from '../enrollment/enrollment.service.js';
import { FamilyLinksService } from '../family/family-links.service.js';
import { FamilyRepository } from '../family/family.repository.js';
import { MeetingNotices } from '../meetings/meeting-notices.js';
import { MeetingsRepository } from '../meetings/meetings.repository.js';
import { UserRepository } from '../members/user.repository.js';
import { AccountDeletionRepository } from './account-deletion.repository.js';
import { ConsentRecords } from './consent-records.service.js';
import { clock } from '../common/clock.js';

/**
 * 注销账号: personal fields erased and the account closed in ONE transaction. The user row itself stays
 * (renamed 已注销用户) because the points ledger, attendance, dues payments and volunteer hours keep
 * pointing at it: every balance and branch total adds up exactly as before.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly repo: AccountDeletionRepository,
    private readonly users: UserRepository,
    private readonly engine: EnrollmentService,
    private readonly family: FamilyLinksService,
    private readonly familyRepo: FamilyRepository,
    private readonly meetings: MeetingsRepository,
    private readonly meetingNotices: MeetingNotices,
    private readonly consents: ConsentRecords,
    private readonly tx: TransactionRunner,
    private readonly rollups: RollupService,
  ) {}

  async delete(userId: string): Promise<AccountDeletedView> {
    const now = clock.now();
    await this.tx.run(async (em) => {
      if (!(await this.repo.claim(em, userId, now))) throw new AppError('ACCOUNT_DELETED');
      // A payment completing after the account is gone would have no one to credit or refund to.
      if (await this.repo.paymentsInFlight(em, userId)) throw new AppError('ACCOUNT_PAYMENT_IN_FLIGHT');
      const sole = await this.repo.soleManagerRoles(em, userId);
      if (sole.length) {
        const held = sole.map((r) => `「${r.name}」唯一的${r.role === 'organiser' && r.name.endsWith('支部') ? '书记（组织者）' : ROLE_LABELS[r.role]}`).join('、');
        throw new AppError('ACCOUNT_SOLE_MANAGER', undefined, `您是${held}，请先请上级组织安排接任人，再注销账号`);
      }

      // Other people first, while the person still has their name, so what they are told reads naturally.
      for (const link of await this.repo.liveFamilyLinks(em, userId)) await this.family.revokeIn(em, link, userId, '账号注销');
      await this.familyRepo.clearInvites(em, userId, now);
      // The engine's own cancel: counters stay equal to the enrollments and the waitlist moves up.
      for (const id of await this.repo.futureEnrollments(em, userId, now)) await this.engine.cancel(em, id, { userId, organiser: true, reason: 'account_deleted' });
      for (const meetingId of await this.repo.upcomingMeetings(em, userId, now)) {
        await this.meetings.removeInvitees(meetingId, [userId], em);
        await this.meetingNotices.withdrawReminders(em, meetingId, [userId]);
      }

      await this.repo.dropRoles(em, userId);
      await this.repo.revokeLogins(em, userId, now);
      // Uploaded images (meeting photos, activity covers) belong to the organisation, never to a person: none to delete.
      const tagsFrom = await this.repo.eraseTraces(em, userId, now);
      if (tagsFrom) await this.rollups.touch(em, ['people.tag.*'], [beijingDay(tagsFrom)], now);
      await this.users.update(
        userId,
        {
          name: DELETED_USER_NAME,
          phoneCipher: null,
          phoneHash: null,
          // A random tombstone keeps the unique key and frees the WeChat account to register afresh.
          openid: `deleted:${newId()}`,
          unionid: null,
          birthYear: null,
          residenceNodeId: null,
          branchNodeId: null,
          elderMode: false,
          disabled: true,
          deletedAt: now,
        },
        em,
      );
      await this.consents.accountDeleted(em, userId, now);
      // Last: the steps above may have queued notices to the person themselves.
      await this.repo.dropNotices(em, userId);
    });
    return { deletedAt: now.toISOString(), kept: ACCOUNT_DELETION_KEEPS };
  }
}
