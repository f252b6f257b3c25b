import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScopedGrant } from '../common/actor.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { RoleAssignment } from './role-assignment.entity.js';
import { User } from './user.entity.js';

/** The only place that builds queries over users and their roles. */
@Injectable()
export class UserRepository {
  constructor(private readonly ds: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.ds.manager;
  }

  findById(id: string, em?: EntityManager): Promise<User | null> {
    return this.m(em).findOne(User, { where: { id } });
  }

  findByOpenid(openid: string, em?: EntityManager): Promise<User | null> {
    return this.m(em).findOne(User, { where: { openid } });
  }

  findByPhoneHash(phoneHash: string): Promise<User | null> {
    return this.ds.manager.findOne(User, { where: { phoneHash } });
  }

  findByDemoPersona(persona: string): Promise<User | null> {
    return this.ds.manager.findOne(User, { where: { demoPersona: persona } });
  }

  listDemoPersonas(): Promise<User[]> {
    return this.ds.manager
      .createQueryBuilder(User, 'u')
      .where('u.demoPersona IS NOT NULL')
      .orderBy('u.demoPersona', 'ASC')
      .getMany();
  }

  async insert(user: Partial<User>, em: EntityManager): Promise<User> {
    const entity = em.create(User, user);
    await em.insert(User, entity);
    return entity;
  }

  async update(id: string, patch: Partial<User>, em: EntityManager): Promise<void> {
    await em.update(User, { id }, patch);
  }

  /**
   * What every authenticated request needs, in one round trip: whether the account exists and is
   * enabled, and its scoped roles. Only these columns, so no encrypted field is decrypted per request.
   */
  async authState(userId: string): Promise<{ disabled: boolean; deleted: boolean; grants: ScopedGrant[] } | null> {
    // Plain SQL: this runs on every request, and the builder cost more CPU than the query (database/fast-sql.ts).
    const rows = await this.ds.manager.query<{ disabled: boolean | number; deletedAt: Date | string | null; role: ScopedGrant['role'] | null; nodeId: string | null; path: string | null }[]>(
      'SELECT u.`disabled` AS disabled, u.`deletedAt` AS deletedAt, r.`role` AS role, r.`nodeId` AS nodeId, n.`path` AS path FROM `users` u ' +
        'LEFT JOIN `role_assignments` r ON r.`userId` = u.`id` LEFT JOIN `org_nodes` n ON n.`id` = r.`nodeId` WHERE u.`id` = ?',
      [userId],
    );
    if (!rows.length) return null;
    const grants = rows.filter((r) => r.role && r.nodeId && r.path !== null).map((r) => ({ role: r.role!, nodeId: r.nodeId!, path: r.path! }));
    return { disabled: Boolean(Number(rows[0].disabled)), deleted: rows[0].deletedAt != null, grants };
  }

  rolesOf(userIds: string[]): Promise<RoleAssignment[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.ds.manager.createQueryBuilder(RoleAssignment, 'r').where('r.userId IN (:...userIds)', { userIds }).getMany();
  }

  async addRole(grant: Pick<RoleAssignment, 'id' | 'userId' | 'role' | 'nodeId' | 'grantedBy'>, em: EntityManager): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(RoleAssignment)
      .values(grant)
      .orIgnore()
      .execute();
  }

  async removeRoles(userId: string, role: RoleAssignment['role'], em: EntityManager): Promise<void> {
    await em.delete(RoleAssignment, { userId, role });
  }

  /**
   * People whose residence or Party branch lies under `nodePath`, restricted to the caller's
   * managed subtrees, ordered by id for cursor paging.
   */
  listUnder(nodePath: string, scopePaths: string[], opts: { cursor?: string; limit: number; name?: string }): Promise<User[]> {
    const qb = this.ds.manager
      .createQueryBuilder(User, 'u')
      .leftJoin(OrgNode, 'rn', 'rn.id = u.residenceNodeId')
      .leftJoin(OrgNode, 'bn', 'bn.id = u.branchNodeId')
      .where('(rn.path LIKE :under OR bn.path LIKE :under)', { under: `${nodePath}%` });
    const scope = scopePaths
      .map((_, i) => `rn.path LIKE :s${i} OR bn.path LIKE :s${i}`)
      .join(' OR ');
    qb.andWhere(`(${scope})`, Object.fromEntries(scopePaths.map((p, i) => [`s${i}`, `${p}%`])));
    if (opts.cursor) qb.andWhere('u.id > :cursor', { cursor: opts.cursor });
    if (opts.name) qb.andWhere('u.name LIKE :name', { name: `%${opts.name.replace(/[%_\\]/g, '\\$&')}%` });
    return qb.orderBy('u.id', 'ASC').limit(opts.limit).getMany();
  }
}
