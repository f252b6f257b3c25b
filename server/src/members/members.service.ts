import { Inject, Injectable } from '@nestjs/common';
import { PRIVACY_POLICY_VERSION, type GridContactView, type MeView, type PartyApplicationView } from '@honglin/shared';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { byKind, nodeRef, pathIds } from '../organizations/node-chain.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { ConsentRecords } from '../privacy/consent-records.service.js';
import type { PartyApplication } from '../organizations/party-application.entity.js';
import { WechatClient } from '../wechat/wechat.client.js';
import type { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';
import { clock } from '../common/clock.js';

/** A person's own profile: what they see in 我的, their preferences, consent and phone. */
@Injectable()
export class MembersService {
  constructor(
    private readonly users: UserRepository,
    private readonly org: OrgRepository,
    private readonly tx: TransactionRunner,
    private readonly crypto: FieldCrypto,
    @Inject(WechatClient) private readonly wechat: WechatClient,
    private readonly consents: ConsentRecords,
  ) {}

  /**
   * 联系网格员: the worker named for the resident's grid (the nearest grid above their home). Their
   * work phone is shown in full to the residents of that grid — that is what it is for.
   */
  async gridContact(userId: string): Promise<GridContactView> {
    const user = await this.users.findById(userId);
    const home = user?.residenceNodeId ? await this.org.findNode(user.residenceNodeId) : null;
    const chain = home ? await this.org.findNodes(home.path.split('/').filter(Boolean)) : [];
    const grid = chain.filter((n) => n.kind === 'grid' && n.contactUserId).sort((a, b) => b.depth - a.depth)[0];
    const worker = grid?.contactUserId ? await this.users.findById(grid.contactUserId) : null;
    if (!grid || !worker || worker.disabled) throw new AppError(home ? 'GRID_CONTACT_UNKNOWN' : 'RESIDENCE_REQUIRED');
    return { grid: { id: grid.id, name: grid.name, kind: grid.kind }, name: worker.name, phone: worker.phoneCipher ? this.crypto.decrypt(worker.phoneCipher) : null };
  }

  async me(userId: string): Promise<MeView> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return this.view(user);
  }

  async view(user: User): Promise<MeView> {
    const [residence, branch] = await Promise.all([
      user.residenceNodeId ? this.org.findNode(user.residenceNodeId) : null,
      user.branchNodeId ? this.org.findNode(user.branchNodeId) : null,
    ]);
    const chainIds = [...(residence ? pathIds(residence.path) : []), ...(branch ? pathIds(branch.path) : [])];
    const grants = await this.users.rolesOf([user.id]);
    const nodes = await this.org.findNodes([...new Set([...chainIds, ...grants.map((g) => g.nodeId)])]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const home = byKind((residence ? pathIds(residence.path) : []).map((id) => byId.get(id)!).filter(Boolean));
    const party = byKind((branch ? pathIds(branch.path) : []).map((id) => byId.get(id)!).filter(Boolean));
    const [application, gridsServed] = await Promise.all([this.org.latestApplicationOf(user.id), this.org.gridsServedBy(user.id)]);
    return {
      id: user.id,
      name: user.name,
      phone: user.phoneCipher ? this.crypto.decrypt(user.phoneCipher) : null,
      birthYear: user.birthYear,
      elderMode: user.elderMode,
      street: nodeRef(home.street),
      community: nodeRef(home.community),
      grid: nodeRef(home.grid),
      building: nodeRef(home.building),
      branch: nodeRef(party.branch),
      partyGroup: nodeRef(party.group),
      roles: grants
        .filter((g) => byId.has(g.nodeId))
        .map((g) => ({ role: g.role, node: nodeRef(byId.get(g.nodeId))! })),
      gridsServed: gridsServed.map((g) => nodeRef(g)!),
      privacyAcceptedVersion: user.privacyVersion,
      partyApplication: application ? await this.applicationView(application) : null,
    };
  }

  async applicationView(app: PartyApplication): Promise<PartyApplicationView> {
    const branch = await this.org.findNode(app.branchId);
    return {
      id: app.id,
      branch: nodeRef(branch)!,
      status: app.status,
      note: app.note,
      decisionReason: app.decisionReason,
      createdAt: app.createdAt.toISOString(),
      decidedAt: app.decidedAt ? app.decidedAt.toISOString() : null,
    };
  }

  async setPreferences(userId: string, prefs: { elderMode?: boolean }): Promise<MeView> {
    await this.tx.run((em) => this.users.update(userId, { ...(prefs.elderMode !== undefined && { elderMode: prefs.elderMode }) }, em));
    return this.me(userId);
  }

  async acceptPrivacy(userId: string, version: string): Promise<MeView> {
    if (version !== PRIVACY_POLICY_VERSION) throw new AppError('PRIVACY_VERSION_OUTDATED');
    const at = clock.now();
    await this.tx.run(async (em) => {
      await this.users.update(userId, { privacyVersion: version, privacyAcceptedAt: at }, em);
      await this.consents.privacyAccepted(em, userId, version, at);
    });
    return this.me(userId);
  }

  /** A resident says where they live; their resident role moves with them. */
  async setResidence(userId: string, nodeId: string): Promise<MeView> {
    const node = await this.org.findNode(nodeId);
    if (!node || (node.kind !== 'grid' && node.kind !== 'building')) throw new AppError('RESIDENCE_NODE_INVALID');
    await this.tx.run(async (em) => {
      await this.users.update(userId, { residenceNodeId: node.id }, em);
      await this.users.removeRoles(userId, 'resident', em);
      await this.users.addRole({ id: newId(), userId, role: 'resident', nodeId: node.id, grantedBy: userId }, em);
    });
    return this.me(userId);
  }

  /** Phone binding through WeChat's one-time phone code; the number is stored only encrypted. */
  async bindPhone(userId: string, code: string): Promise<MeView> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.privacyVersion !== PRIVACY_POLICY_VERSION) throw new AppError('PRIVACY_NOT_ACCEPTED');
    const { purePhoneNumber } = await this.wechat.getPhoneNumber(code); // network call outside the transaction
    await this.tx.run((em) =>
      this.users.update(userId, { phoneCipher: this.crypto.encrypt(purePhoneNumber), phoneHash: this.crypto.hash(purePhoneNumber) }, em),
    );
    return this.me(userId);
  }
}
