import { Injectable } from '@nestjs/common';
import { maskPhone, type RegisterResidentRequest, type RegisteredResidentView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { assertManager, assertManages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ProxyActions } from '../family/proxy-actions.service.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { UserRepository } from './user.repository.js';

/**
 * Residents without a smartphone, entered by an organiser or grid worker of their community (from a
 * paper list or at the door). They never log in; they are enrolled and marked present by organisers,
 * and appear in rosters and member lists like everyone else. Who entered them, and why, is recorded.
 */
@Injectable()
export class ResidentRegistrationService {
  constructor(
    private readonly users: UserRepository,
    private readonly org: OrgRepository,
    private readonly proxies: ProxyActions,
    private readonly tx: TransactionRunner,
    private readonly crypto: FieldCrypto,
  ) {}

  async register(actor: Actor, dto: RegisterResidentRequest): Promise<RegisteredResidentView> {
    assertManager(actor);
    const home = await this.org.findNode(dto.residenceNodeId);
    if (!home || (home.kind !== 'grid' && home.kind !== 'building')) throw new AppError('RESIDENT_HOME_INVALID');
    assertManages(actor, home.path);
    const phoneHash = dto.phone ? this.crypto.hash(dto.phone) : null;
    // One person per number: a second row would split someone's history in two.
    if (phoneHash && (await this.users.findByPhoneHash(phoneHash))) throw new AppError('RESIDENT_PHONE_TAKEN');
    const id = newId();
    const acting = { actorUserId: actor.userId, subjectUserId: id, consent: this.proxies.organiser(actor, home.path, dto.reason) };
    await this.tx.run(async (em) => {
      await this.users.insert(
        {
          id,
          openid: null,
          unionid: null,
          name: dto.name,
          phoneCipher: dto.phone ? this.crypto.encrypt(dto.phone) : null,
          phoneHash,
          birthYear: dto.birthYear ?? null,
          residenceNodeId: home.id,
          branchNodeId: null,
          elderMode: false,
          privacyVersion: null,
          privacyAcceptedAt: null,
          disabled: false,
          demoPersona: null,
        },
        em,
      );
      await this.users.addRole({ id: newId(), userId: id, role: 'resident', nodeId: home.id, grantedBy: actor.userId }, em);
      await this.proxies.record(em, acting, { action: 'resident_register', targetType: 'user', targetId: id, targetTitle: dto.name });
    });
    return { id, name: dto.name, phoneMasked: maskPhone(dto.phone), birthYear: dto.birthYear ?? null, residence: { id: home.id, name: home.name } };
  }
}
