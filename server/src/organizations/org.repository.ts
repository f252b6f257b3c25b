import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { User } from '../members/user.entity.js';
import { OrgNode } from './org-node.entity.js';
import { PartyApplication, type PartyApplicationStatus } from './party-application.entity.js';

/** The only place that builds queries over the organisation trees and Party applications. */
@Injectable()
export class OrgRepository {
  constructor(private readonly ds: DataSource) {}

  findNode(id: string, em?: EntityManager): Promise<OrgNode | null> {
    return (em ?? this.ds.manager).findOne(OrgNode, { where: { id } });
  }

  findNodes(ids: string[]): Promise<OrgNode[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.ds.manager.find(OrgNode, { where: { id: In(ids) } });
  }

  /** A node's direct children, by name (dashboards drill down one level at a time). */
  children(parentId: string): Promise<OrgNode[]> {
    return this.ds.manager.find(OrgNode, { where: { parentId }, order: { name: 'ASC' } });
  }

  /** All nodes under any of the given paths (inclusive), ordered so parents come first. */
  subtrees(paths: string[]): Promise<OrgNode[]> {
    if (paths.length === 0) return Promise.resolve([]);
    const qb = this.ds.manager.createQueryBuilder(OrgNode, 'n');
    qb.where(paths.map((_, i) => `n.path LIKE :p${i}`).join(' OR '), Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])));
    return qb.orderBy('n.depth', 'ASC').addOrderBy('n.name', 'ASC').getMany();
  }

  /** For each node id, how many people live or belong directly there. */
  async directMemberCounts(nodeIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (nodeIds.length === 0) return counts;
    for (const column of ['residenceNodeId', 'branchNodeId'] as const) {
      const rows = await this.ds.manager
        .createQueryBuilder(User, 'u')
        .select(`u.${column}`, 'nodeId')
        .addSelect('COUNT(*)', 'n')
        .where(`u.${column} IN (:...nodeIds)`, { nodeIds })
        .groupBy(`u.${column}`)
        .getRawMany<{ nodeId: string; n: string | number }>();
      for (const r of rows) counts.set(r.nodeId, (counts.get(r.nodeId) ?? 0) + Number(r.n));
    }
    return counts;
  }

  residenceNodes(): Promise<OrgNode[]> {
    return this.ds.manager.find(OrgNode, { where: { kind: In(['street', 'community', 'grid', 'building']) }, order: { depth: 'ASC', name: 'ASC' } });
  }

  /** The grids a person is the named worker of (网格员). */
  gridsServedBy(userId: string): Promise<OrgNode[]> {
    return this.ds.manager.find(OrgNode, { where: { kind: 'grid', contactUserId: userId }, order: { name: 'ASC' } });
  }

  listByKind(kind: OrgNode['kind']): Promise<OrgNode[]> {
    return this.ds.manager.find(OrgNode, { where: { kind }, order: { name: 'ASC' } });
  }

  async insertNode(node: OrgNode, em: EntityManager): Promise<void> {
    await em.insert(OrgNode, node);
  }

  findApplication(id: string, em?: EntityManager): Promise<PartyApplication | null> {
    return (em ?? this.ds.manager).findOne(PartyApplication, { where: { id } });
  }

  latestApplicationOf(userId: string): Promise<PartyApplication | null> {
    return this.ds.manager.findOne(PartyApplication, { where: { userId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  pendingApplicationOf(userId: string, em: EntityManager): Promise<PartyApplication | null> {
    return em.findOne(PartyApplication, { where: { userId, status: 'pending' } });
  }

  async insertApplication(app: PartyApplication, em: EntityManager): Promise<void> {
    await em.insert(PartyApplication, app);
  }

  /** Marks a pending application decided; false when someone else decided it first. */
  async decideApplication(
    id: string,
    patch: { status: PartyApplicationStatus; decidedBy: string; decidedAt: Date; decisionReason: string | null },
    em: EntityManager,
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(PartyApplication)
      .set(patch)
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Pending applications to branches under the given paths. */
  pendingUnder(paths: string[]): Promise<PartyApplication[]> {
    if (paths.length === 0) return Promise.resolve([]);
    return this.ds.manager
      .createQueryBuilder(PartyApplication, 'a')
      .innerJoin(OrgNode, 'n', 'n.id = a.branchId')
      .where('a.status = :pending', { pending: 'pending' })
      .andWhere(`(${paths.map((_, i) => `n.path LIKE :p${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, `${p}%`])))
      .orderBy('a.createdAt', 'ASC')
      .getMany();
  }
}
