import { Injectable } from '@nestjs/common';
import { formatYuan, type CreatedOrderView, type CreateOrderRequest, type ElderDuesView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { DuesService } from '../dues/dues.service.js';
import { PaymentsService } from '../payments/payments.service.js';
import { ReceiptsService } from '../payments/receipts.service.js';
import { FamilyLinksService } from './family-links.service.js';
import { ProxyActions } from './proxy-actions.service.js';

/** "2026-10、2026-11党费 162.00元", or the range when there are many months (the record's title is short). */
function title(months: string[], totalFen: number): string {
  const which = months.length <= 3 ? months.join('、') : `${months[0]}至${months[months.length - 1]}共${months.length}个月`;
  return `${which}党费 ${formatYuan(totalFen)}元`;
}

/**
 * 代缴 by a linked family member: the older Party member's bills, paid through the one order path with
 * the family member's own WeChat Pay. The order names the payer and is on behalf; the family link is
 * re-checked inside the order's transaction, which also writes the acting-for record. On-time points
 * stay with the member whose bill it is (settlement credits the order's member).
 */
@Injectable()
export class FamilyDuesService {
  constructor(
    private readonly links: FamilyLinksService,
    private readonly proxies: ProxyActions,
    private readonly dues: DuesService,
    private readonly payments: PaymentsService,
    private readonly receipts: ReceiptsService,
    private readonly audit: AuditTrail,
  ) {}

  /** The elder's bills (never their income base) and the receipts of what this family member paid for them. */
  async view(actor: Actor, elderId: string): Promise<ElderDuesView> {
    const link = await this.links.requireActive(actor, elderId);
    const { user, profile, bills } = await this.dues.of(actor, elderId);
    if (!user?.branchNodeId) throw new AppError('FAMILY_ELDER_NOT_PARTY_MEMBER');
    await this.audit.record(actor, { action: 'family.dues.read', subjects: [elderId], resourceId: link.id, role: 'family' });
    const receipts = await this.receipts.ofMember(elderId, actor.userId);
    return { member: { id: user.id, name: user.name }, profile, bills, receipts };
  }

  async pay(actor: Actor, elderId: string, dto: CreateOrderRequest): Promise<CreatedOrderView> {
    const acting = await this.links.actingFor(actor, elderId);
    return this.payments.create(actor, dto, {
      memberUserId: elderId,
      hold: async (em) => void (await this.links.hold(em, acting)),
      record: (em, order, months) => this.proxies.record(em, acting, { action: 'dues_payment', targetType: 'pay_order', targetId: order.id, targetTitle: title(months, order.totalFen) }),
    });
  }
}
