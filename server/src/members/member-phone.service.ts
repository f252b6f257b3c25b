import { Injectable } from '@nestjs/common';
import type { MemberPhoneView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { assertManager, assertManages, manages } from '../common/scope.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { UserRepository } from './user.repository.js';

/**
 * 查看完整号码: everywhere else an organiser sees phones masked; to ring an older resident they ask for
 * the full number of one person they manage (by home or Party branch), and that look is audited with
 * the person as its subject, before the number leaves the server.
 */
@Injectable()
export class MemberPhoneService {
  constructor(
    private readonly users: UserRepository,
    private readonly org: OrgRepository,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditTrail,
  ) {}

  async reveal(actor: Actor, userId: string): Promise<MemberPhoneView> {
    assertManager(actor);
    const user = await this.users.findById(userId);
    if (!user) throw AppError.notFound();
    const nodes = await this.org.findNodes([user.residenceNodeId, user.branchNodeId].filter((id): id is string => !!id));
    const node = nodes.find((n) => manages(actor, n.path));
    if (!node) throw AppError.notFound();
    assertManages(actor, node.path);
    if (!user.phoneCipher) return { userId, phone: null };
    await this.audit.record(actor, { action: 'resident.phone.read', subjects: [userId], orgPath: node.path });
    return { userId, phone: this.crypto.decrypt(user.phoneCipher) };
  }
}
