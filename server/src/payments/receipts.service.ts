import { Injectable } from '@nestjs/common';
import type { ReceiptCheckView, ReceiptView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { manages } from '../common/scope.js';
import type { DuesReceipt } from './pay-order.entity.js';
import { PaymentsRepository } from './payments.repository.js';

/** Stricter than the shared maskName: anyone holding a receipt code can check it, so only the surname shows. */
const maskName = (name: string) => name.slice(0, 1) + '*'.repeat(Math.max(1, name.length - 1));

/** 电子收据: the full receipt for the member, payer and their managers; a masked check for anyone with the code. */
@Injectable()
export class ReceiptsService {
  constructor(private readonly repo: PaymentsRepository) {}

  async receipt(actor: Actor, id: string): Promise<ReceiptView> {
    const r = await this.repo.receipt(id);
    return this.full(actor, r);
  }

  async receiptOfOrder(actor: Actor, orderId: string): Promise<ReceiptView> {
    return this.full(actor, await this.repo.receiptOfOrder(orderId));
  }

  /** A member's receipts; with `payerUserId`, only those that person paid (what a family member may open). */
  async ofMember(userId: string, payerUserId?: string): Promise<{ id: string; totalFen: number; paidAt: string; months: string[] }[]> {
    const rows = await this.repo.receiptsOfMember(userId, payerUserId);
    return Promise.all(rows.map(async (r) => ({ id: r.id, totalFen: r.totalFen, paidAt: r.paidAt.toISOString(), months: (await this.repo.orderBills(r.orderId)).map((l) => l.month) })));
  }

  async check(code: string): Promise<ReceiptCheckView> {
    const r = await this.repo.receiptByCode(code);
    if (!r) return { valid: false };
    const { order, lines, member, branch } = await this.load(r);
    return {
      valid: true,
      memberName: maskName(member?.name ?? ''),
      branchName: branch?.name ?? '',
      months: lines.map((l) => l.month),
      totalFen: order.totalFen,
      refundedFen: order.refundedFen,
      paidAt: order.paidAt!.toISOString(),
    };
  }

  private async full(actor: Actor, r: DuesReceipt | null): Promise<ReceiptView> {
    if (!r) throw AppError.notFound();
    const { order, lines, member, payer, branch } = await this.load(r);
    if (![order.memberUserId, order.payerUserId].includes(actor.userId) && !manages(actor, order.path)) throw AppError.notFound();
    return {
      id: r.id,
      code: r.code,
      memberName: member?.name ?? '',
      payerName: payer?.name ?? '',
      onBehalf: !!order.onBehalf,
      branchName: branch?.name ?? '',
      months: lines.map((l) => l.month),
      totalFen: order.totalFen,
      extraFen: order.extraFen,
      refundedFen: order.refundedFen,
      paidAt: order.paidAt!.toISOString(),
      transactionId: order.transactionId ?? '',
    };
  }

  private async load(r: DuesReceipt) {
    const order = (await this.repo.order(r.orderId))!;
    const [lines, users, branch] = await Promise.all([this.repo.orderBills(order.id), this.repo.users([order.memberUserId, order.payerUserId]), this.repo.node(order.branchId)]);
    return { order, lines, branch, member: users.find((u) => u.id === order.memberUserId), payer: users.find((u) => u.id === order.payerUserId) };
  }
}
