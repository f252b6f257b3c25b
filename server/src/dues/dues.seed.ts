import { billingMonthOf, DUES_CATEGORIES, monthDueAt, monthlyDuesFen, shiftMonth, type DuesCategory } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { IsNull, Not } from 'typeorm';
import type { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { DuesBill } from './dues-bill.entity.js';
import { DuesProfile } from './dues-profile.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { DuesReceipt, PayOrder, PayOrderBill } from '../payments/pay-order.entity.js';
import { randomAlnum } from '../payments/wechatpay-crypto.js';
import type { SeedPart } from '../common/domain.js';
import { clock } from '../common/clock.js';

/** Fixed profiles for the named members, so the demo always shows 李建国 at 5400 元 → 81.00 元. */
const NAMED: Record<string, { category: DuesCategory; yuan?: number }> = {
  party_member: { category: 'employed', yuan: 5400 },
  organiser_a: { category: 'employed', yuan: 8200 },
  organiser_b: { category: 'employed', yuan: 4600 },
};
/** The rest cycle through these (incomes in 元; farmers pay 0.5 元). */
const VARIED: { category: DuesCategory; yuan?: number; farmerFen?: number }[] = [
  { category: 'retired', yuan: 4300 },
  { category: 'employed', yuan: 2800 },
  { category: 'employed', yuan: 12500 },
  { category: 'retired', yuan: 6100 },
  { category: 'student' },
  { category: 'farmer', farmerFen: 50 },
  { category: 'dibao' },
  { category: 'unemployed' },
  { category: 'employed', yuan: 3000 },
  { category: 'employed', yuan: 10000 },
];

/**
 * Dues for the 20 demo Party members: a profile each (varied categories and incomes, the income
 * encrypted), bills for the last three months (about two thirds paid, with receipts) and this month's
 * bills unpaid.
 */
export async function seedDues(em: EntityManager, crypto: FieldCrypto, now = clock.now()): Promise<void> {
  const members = await em.find(User, { where: { branchNodeId: Not(IsNull()) }, order: { createdAt: 'ASC' } });
  const nodes = new Map((await em.find(OrgNode)).map((n) => [n.id, n]));
  const thisMonth = billingMonthOf(now);
  for (const [i, m] of members.entries()) {
    let branch = nodes.get(m.branchNodeId!)!;
    if (branch.kind === 'group') branch = nodes.get(branch.parentId!)!;
    const spec = (m.demoPersona && NAMED[m.demoPersona]) || VARIED[i % VARIED.length];
    const baseFen = spec.yuan !== undefined ? spec.yuan * 100 : null;
    const farmerFen = (spec as { farmerFen?: number }).farmerFen ?? null;
    if (!DUES_CATEGORIES.includes(spec.category)) continue;
    const monthlyFen = monthlyDuesFen({ category: spec.category, baseFen, farmerFen });
    await em.insert(DuesProfile, { id: newId(), userId: m.id, branchId: branch.id, path: branch.path, category: spec.category, baseCipher: baseFen === null ? null : crypto.encrypt(String(baseFen)), farmerFen, monthlyFen, updatedBy: null });
    for (let back = 3; back >= 0; back--) {
      const month = shiftMonth(thisMonth, -back);
      const paid = back > 0 && (i + back) % 3 !== 0;
      const billId = newId();
      const paidAt = paid ? new Date(monthDueAt(month).getTime() - (5 + (i % 10)) * 86_400_000) : null;
      let orderId: string | null = null;
      if (paid) {
        orderId = newId();
        await em.insert(PayOrder, { id: orderId, outTradeNo: randomAlnum(32), memberUserId: m.id, payerUserId: m.id, onBehalf: false, branchId: branch.id, path: branch.path, totalFen: monthlyFen, extraFen: 0, refundedFen: 0, status: 'paid', prepayId: null, transactionId: `4200demo${randomAlnum(20)}`, conflict: false, expiresAt: paidAt!, paidAt, lastQueriedAt: null });
        await em.insert(PayOrderBill, { id: newId(), orderId, billId, month, amountFen: monthlyFen });
        await em.insert(DuesReceipt, { id: newId(), orderId, code: randomAlnum(30).toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 12).padEnd(12, '7') });
      }
      await em.insert(DuesBill, { id: billId, userId: m.id, branchId: branch.id, path: branch.path, month, amountFen: monthlyFen, originalFen: monthlyFen, status: paid ? 'paid' : 'unpaid', openOrderId: null, paidOrderId: orderId, paidAt });
    }
  }
}

export const DUES_SEED: SeedPart = { name: 'dues', after: ['members'], run: ({ em, crypto }) => seedDues(em, crypto) };
