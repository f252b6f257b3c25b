import { Injectable } from '@nestjs/common';
import {
  maskPhone,
  type MemberSummary,
  type NodeRef,
  type OrgNodeView,
  type Page,
  type PartyApplicationView,
  type PendingApplicationView,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { assertManager, assertManages, hasRole } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { MembersService } from '../members/members.service.js';
import { UserRepository } from '../members/user.repository.js';
import { byKind, nodeRef, pathIds } from './node-chain.js';
import { OrgRepository } from './org.repository.js';
import { clock } from '../common/clock.js';

/** The organisation trees as organisers see them, and Party-member recognition. */
@Injectable()
export class OrgService {
  constructor(
    private readonly org: OrgRepository,
    private readonly users: UserRepository,
    private readonly members: MembersService,
    private readonly tx: TransactionRunner,
    private readonly crypto: FieldCrypto,
  ) {}

  /** The caller's managed subtrees, parents first. */
  async tree(actor: Actor): Promise<OrgNodeView[]> {
    const nodes = await this.org.subtrees(assertManager(actor));
    const direct = await this.org.directMemberCounts(nodes.map((n) => n.id));
    const visible = new Set(nodes.map((n) => n.id));
    // Everyone in the node's subtree; a person sits once in each tree, so nothing is counted twice.
    const subtreeCount = (path: string) => nodes.filter((m) => m.path.startsWith(path)).reduce((sum, m) => sum + (direct.get(m.id) ?? 0), 0);
    return nodes.map((n) => ({
      id: n.id,
      name: n.name,
      kind: n.kind,
      // A root of the caller's scope shows as a root even if it has a parent elsewhere.
      parentId: n.parentId && visible.has(n.parentId) ? n.parentId : null,
      memberCount: subtreeCount(n.path),
    }));
  }

  async membersOf(actor: Actor, nodeId: string, query: { limit: number; cursor?: string; q?: string }): Promise<Page<MemberSummary>> {
    const node = await this.org.findNode(nodeId);
    if (!node) throw AppError.notFound();
    const scope = assertManager(actor);
    assertManages(actor, node.path);
    const rows = await this.users.listUnder(node.path, scope, { cursor: query.cursor, limit: query.limit + 1, name: query.q });
    const page = rows.slice(0, query.limit);
    const roles = await this.users.rolesOf(page.map((u) => u.id));
    const nodeIds = new Set<string>();
    const nodesOfUser = new Map<string, string[]>();
    for (const u of page) {
      const ids = [u.residenceNodeId, u.branchNodeId].filter((x): x is string => !!x);
      ids.forEach((id) => nodeIds.add(id));
      nodesOfUser.set(u.id, ids);
    }
    const direct = await this.org.findNodes([...nodeIds]);
    const ancestorIds = new Set(direct.flatMap((n) => pathIds(n.path)));
    const all = new Map((await this.org.findNodes([...ancestorIds])).map((n) => [n.id, n]));
    const chainOf = (id: string | null) => (id && all.get(id) ? pathIds(all.get(id)!.path).map((x) => all.get(x)!).filter(Boolean) : []);
    return {
      items: page.map((u) => ({
        id: u.id,
        name: u.name,
        phoneMasked: u.phoneCipher ? maskPhone(this.crypto.decrypt(u.phoneCipher)) : null,
        birthYear: u.birthYear,
        grid: nodeRef(byKind(chainOf(u.residenceNodeId)).grid),
        branch: nodeRef(byKind(chainOf(u.branchNodeId)).branch),
        roles: [...new Set(roles.filter((r) => r.userId === u.id).map((r) => r.role))],
      })),
      nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
    };
  }

  /** Branches a resident can apply to. */
  async branches(): Promise<NodeRef[]> {
    return (await this.org.listByKind('branch')).map((n) => nodeRef(n)!);
  }

  async apply(actor: Actor, branchId: string, note: string | undefined): Promise<PartyApplicationView> {
    const branch = await this.org.findNode(branchId);
    if (!branch || branch.kind !== 'branch') throw new AppError('BRANCH_NOT_FOUND');
    if (hasRole(actor, 'party_member')) throw new AppError('ALREADY_PARTY_MEMBER');
    const app = await this.tx.run(async (em) => {
      if (await this.org.pendingApplicationOf(actor.userId, em)) throw new AppError('PARTY_APPLICATION_EXISTS');
      const created = { id: newId(), userId: actor.userId, branchId, status: 'pending' as const, note: note || null, decidedBy: null, decidedAt: null, decisionReason: null, createdAt: clock.now() };
      await this.org.insertApplication(created, em);
      return created;
    });
    return this.members.applicationView(app);
  }

  async pending(actor: Actor): Promise<PendingApplicationView[]> {
    const apps = await this.org.pendingUnder(assertManager(actor, ['organiser', 'admin']));
    const [applicants, branches] = await Promise.all([
      Promise.all(apps.map((a) => this.users.findById(a.userId))),
      this.org.findNodes([...new Set(apps.map((a) => a.branchId))]),
    ]);
    const branchById = new Map(branches.map((b) => [b.id, b]));
    return apps.map((a, i) => ({
      id: a.id,
      applicant: {
        id: a.userId,
        name: applicants[i]?.name ?? '',
        phoneMasked: applicants[i]?.phoneCipher ? maskPhone(this.crypto.decrypt(applicants[i]!.phoneCipher!)) : null,
      },
      branch: nodeRef(branchById.get(a.branchId))!,
      note: a.note,
      createdAt: a.createdAt.toISOString(),
    }));
  }

  /** Approving makes the applicant a member of the branch with the party_member role there. */
  async decide(actor: Actor, applicationId: string, approve: boolean, reason?: string): Promise<PartyApplicationView> {
    const app = await this.org.findApplication(applicationId);
    if (!app) throw AppError.notFound();
    const branch = await this.org.findNode(app.branchId);
    if (!branch) throw AppError.notFound();
    assertManages(actor, branch.path, ['organiser', 'admin']);
    await this.tx.run(async (em) => {
      const decided = await this.org.decideApplication(
        app.id,
        { status: approve ? 'approved' : 'rejected', decidedBy: actor.userId, decidedAt: clock.now(), decisionReason: reason || null },
        em,
      );
      if (!decided) throw new AppError('PARTY_APPLICATION_DECIDED');
      if (approve) {
        await this.users.update(app.userId, { branchNodeId: branch.id }, em);
        await this.users.addRole({ id: newId(), userId: app.userId, role: 'party_member', nodeId: branch.id, grantedBy: actor.userId }, em);
      }
    });
    const updated = await this.org.findApplication(app.id);
    return this.members.applicationView(updated!);
  }
}
