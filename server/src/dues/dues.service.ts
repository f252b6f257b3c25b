import { Injectable } from '@nestjs/common';
import {
  INCOME_BASED,
  monthDueAt,
  monthlyDuesFen,
  type BillAdjustRequest,
  type BillView,
  type BoardView,
  type DuesProfileUpdate,
  type DuesProfileView,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { assertManager, assertManages, manages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { User } from '../members/user.entity.js';
import type { OrgNode } from '../organizations/org-node.entity.js';
import { NotificationService } from '../notifications/notification.service.js';
import type { DuesProfile } from './dues-profile.entity.js';
import { DuesReminders } from './dues-reminders.js';
import { DuesRepository, type BillRow } from './dues.repository.js';
import { clock } from '../common/clock.js';

/** Who may run a branch's dues: its treasurer, or an admin above it. */
export const DUES_ROLES = ['treasurer', 'admin'] as const;

export function billView(b: BillRow, now = clock.now()): BillView {
  return {
    id: b.id,
    userId: b.userId,
    memberName: b.memberName,
    month: b.month,
    amountFen: b.amountFen,
    originalFen: b.originalFen,
    status: b.status,
    overdue: b.status === 'unpaid' && now >= monthDueAt(b.month),
    paidAt: b.paidAt ? new Date(b.paidAt).toISOString() : null,
    orderId: b.paidOrderId,
    onBehalf: !!Number(b.onBehalf ?? 0),
  };
}

/** Dues profiles, monthly bills, adjustments, the treasurer's board and reminders. */
@Injectable()
export class DuesService {
  constructor(
    private readonly repo: DuesRepository,
    private readonly tx: TransactionRunner,
    private readonly crypto: FieldCrypto,
    private readonly notifications: NotificationService,
    private readonly reminders: DuesReminders,
    private readonly audit: AuditTrail,
  ) {}

  /** The branch (not group) a Party member belongs to. */
  async branchOf(user: User): Promise<OrgNode> {
    let node = user.branchNodeId ? await this.repo.node(user.branchNodeId) : null;
    if (node?.kind === 'group' && node.parentId) node = await this.repo.node(node.parentId);
    if (!node || node.kind !== 'branch') throw new AppError('DUES_NOT_PARTY_MEMBER');
    return node;
  }

  async managedBranch(actor: Actor, branchId: string): Promise<OrgNode> {
    assertManager(actor, DUES_ROLES);
    const branch = await this.repo.node(branchId);
    if (!branch || branch.kind !== 'branch') throw AppError.notFound();
    assertManages(actor, branch.path, DUES_ROLES);
    return branch;
  }

  async branches(actor: Actor): Promise<{ id: string; name: string }[]> {
    const paths = assertManager(actor, DUES_ROLES);
    return (await this.repo.branchesUnder(paths)).map((b) => ({ id: b.id, name: b.name }));
  }

  /** The income base is shown to the member and to their branch's treasurer, nobody else. */
  profileView(actor: Actor, p: DuesProfile, name: string): DuesProfileView {
    const maySee = actor.userId === p.userId || manages(actor, p.path, ['treasurer']);
    return {
      userId: p.userId,
      name,
      category: p.category,
      baseFen: maySee && p.baseCipher ? Number(this.crypto.decrypt(p.baseCipher)) : null,
      farmerFen: p.farmerFen,
      monthlyFen: p.monthlyFen,
    };
  }

  /** The member's own profile (with their income base) and bills. */
  async mine(actor: Actor): Promise<{ profile: DuesProfileView | null; bills: BillView[] }> {
    const { profile, bills } = await this.of(actor, actor.userId);
    return { profile, bills };
  }

  /** A person's profile and bills as `viewer` sees them (the income base only for the person and their treasurer). */
  async of(viewer: Actor, userId: string): Promise<{ user: User | null; profile: DuesProfileView | null; bills: BillView[] }> {
    const [user, profile, bills] = await Promise.all([this.repo.user(userId), this.repo.profile(userId), this.repo.billsOfUser(userId)]);
    const now = clock.now();
    return { user, profile: profile && user ? this.profileView(viewer, profile, user.name) : null, bills: bills.map((b) => billView(b, now)) };
  }

  async setProfile(actor: Actor, userId: string, dto: DuesProfileUpdate): Promise<DuesProfileView> {
    assertManager(actor, DUES_ROLES);
    const user = await this.repo.user(userId);
    if (!user) throw AppError.notFound();
    const branch = await this.branchOf(user).catch(() => {
      throw AppError.notFound();
    });
    assertManages(actor, branch.path, DUES_ROLES);
    const incomeBased = INCOME_BASED.includes(dto.category);
    const baseFen = incomeBased ? dto.baseFen : null;
    const monthlyFen = monthlyDuesFen({ category: dto.category, baseFen, farmerFen: dto.farmerFen });
    const saved = await this.tx.run(async (em) => {
      const existing = await this.repo.profile(userId, em);
      return this.repo.saveProfile(em, {
        ...(existing ?? { id: newId(), userId, createdAt: clock.now() }),
        branchId: branch.id,
        path: branch.path,
        category: dto.category,
        baseCipher: baseFen === null ? null : this.crypto.encrypt(String(baseFen)),
        farmerFen: dto.category === 'farmer' ? dto.farmerFen : null,
        monthlyFen,
        updatedBy: actor.userId,
      } as DuesProfile);
    });
    return this.profileView(actor, saved, user.name);
  }

  async profiles(actor: Actor, branchId: string): Promise<DuesProfileView[]> {
    const branch = await this.managedBranch(actor, branchId);
    const views = (await this.repo.profilesUnder(branch.path)).map((p) => this.profileView(actor, p, p.name));
    // Each member whose income base the treasurer now sees finds it in 谁查看了我的数据.
    const shown = views.filter((v) => v.baseFen !== null).map((v) => v.userId);
    await this.audit.record(actor, { action: 'dues.income.read', subjects: shown, resourceId: branch.id, orgPath: branch.path, role: 'treasurer' });
    return views;
  }

  /** One bill per member with a profile for the month; running it again creates nothing new. */
  async generate(actor: Actor, branchId: string, month: string): Promise<{ month: string; created: number; total: number }> {
    const branch = await this.managedBranch(actor, branchId);
    const profiles = await this.repo.profilesUnder(branch.path);
    return this.tx.run(async (em) => {
      const before = await this.repo.countBills(em, branch.id, month);
      await this.repo.insertBills(
        em,
        profiles.map((p) => ({ id: newId(), userId: p.userId, branchId: branch.id, path: branch.path, month, amountFen: p.monthlyFen, originalFen: p.monthlyFen, status: 'unpaid' as const, openOrderId: null, paidOrderId: null, paidAt: null })),
      );
      const total = await this.repo.countBills(em, branch.id, month);
      return { month, created: total - before, total };
    });
  }

  /** A treasurer's correction of an unpaid bill, with the reason kept in an append-only audit row. */
  async adjust(actor: Actor, billId: string, dto: BillAdjustRequest): Promise<BillView> {
    assertManager(actor, DUES_ROLES);
    const found = await this.repo.bill(billId);
    if (!found) throw AppError.notFound();
    assertManages(actor, found.path, DUES_ROLES);
    await this.tx.run(async (em) => {
      const [bill] = await this.repo.lockBills(em, [billId]);
      if (bill.status === 'paid') throw new AppError('DUES_BILL_PAID');
      if (bill.openOrderId) throw new AppError('DUES_BILL_BUSY');
      await this.repo.adjust(em, bill, dto.amountFen, dto.reason, actor.userId, newId());
    });
    const rows = await this.repo.billsOfBranchMonth(found.branchId, found.month);
    return billView(rows.find((r) => r.id === billId)!);
  }

  async board(actor: Actor, branchId: string, month: string): Promise<BoardView> {
    const branch = await this.managedBranch(actor, branchId);
    const now = clock.now();
    const bills = (await this.repo.billsOfBranchMonth(branch.id, month)).map((b) => billView(b, now));
    const sum = (xs: BillView[]) => xs.reduce((s, b) => s + b.amountFen, 0);
    const paid = bills.filter((b) => b.status === 'paid');
    const unpaid = bills.filter((b) => b.status === 'unpaid');
    const overdue = unpaid.filter((b) => b.overdue);
    return {
      branchId: branch.id,
      branchName: branch.name,
      month,
      totals: { billed: bills.length, paidFen: sum(paid), unpaidFen: sum(unpaid), overdueFen: sum(overdue), paidCount: paid.length, unpaidCount: unpaid.length, overdueCount: overdue.length },
      bills,
    };
  }

  /**
   * The treasurer's reminder to every member with an unpaid bill for the month, at most once a day
   * each (the dedupe key); like the automatic ones, withdrawn if the bill is paid before delivery.
   */
  async remind(actor: Actor, branchId: string, month: string): Promise<{ enqueued: number }> {
    const branch = await this.managedBranch(actor, branchId);
    const unpaid = await this.repo.unpaidOfBranchMonth(branch.id, month);
    const now = clock.now();
    const day = now.toISOString().slice(0, 10);
    await this.tx.run(async (em) => {
      for (let i = 0; i < unpaid.length; i += 200) {
        await this.notifications.enqueueMany(em, unpaid.slice(i, i + 200).map((b) => this.reminders.notice(b, 'manual', now, `dues-remind:${b.id}:${day}`)));
      }
    });
    return { enqueued: unpaid.length };
  }
}
