import { Injectable } from '@nestjs/common';
import type { FamilyLinkStatus } from '@honglin/shared';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import { isSqlite } from '../database/data-source.js';
import { User } from '../members/user.entity.js';
import { FamilyInvite, FamilyLink } from './family-link.entity.js';

/** The only place that builds queries over family links and invitation codes. */
@Injectable()
export class FamilyRepository {
  constructor(private readonly ds: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.ds.manager;
  }

  async insertLink(em: EntityManager, link: FamilyLink): Promise<void> {
    await em.insert(FamilyLink, link);
  }

  link(id: string, em?: EntityManager): Promise<FamilyLink | null> {
    return this.m(em).findOne(FamilyLink, { where: { id } });
  }

  activeLink(elderUserId: string, familyUserId: string): Promise<FamilyLink | null> {
    return this.ds.manager.findOne(FamilyLink, { where: { elderUserId, familyUserId, status: 'active' } });
  }

  /**
   * Re-reads a link inside the acting transaction, share-locked on MariaDB: a revocation (an UPDATE)
   * waits for the action to commit, or the action sees the revocation. SQLite runs one transaction at a time.
   */
  lockActive(em: EntityManager, id: string): Promise<FamilyLink | null> {
    const qb = em.createQueryBuilder(FamilyLink, 'l').where('l.id = :id AND l.status = :active', { id, active: 'active' });
    return (isSqlite(em.connection) ? qb : qb.setLock('pessimistic_read')).getOne();
  }

  /** Every link the person is on, either side, newest first. */
  linksOf(userId: string): Promise<FamilyLink[]> {
    return this.ds.manager
      .createQueryBuilder(FamilyLink, 'l')
      .where(new Brackets((w) => w.where('l.elderUserId = :userId').orWhere('l.familyUserId = :userId')), { userId })
      .orderBy('l.createdAt', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .limit(50)
      .getMany();
  }

  countLive(em: EntityManager, elderUserId: string): Promise<number> {
    return em.count(FamilyLink, { where: { elderUserId, status: In(['pending', 'active']) } });
  }

  /** Moves a link on only from a status the caller saw: a concurrent change makes this false. */
  async transition(em: EntityManager, id: string, from: FamilyLinkStatus[], patch: Partial<FamilyLink>): Promise<boolean> {
    const res = await em.createQueryBuilder().update(FamilyLink).set(patch).where('id = :id AND status IN (:...from)', { id, from }).execute();
    return res.affected === 1;
  }

  async insertInvite(em: EntityManager, invite: FamilyInvite): Promise<void> {
    await em.insert(FamilyInvite, invite);
  }

  /** One live code per person: a new one replaces the old. Lapsed codes go too, freeing their digits. */
  async clearInvites(em: EntityManager, elderUserId: string, now: Date): Promise<void> {
    await em
      .createQueryBuilder()
      .delete()
      .from(FamilyInvite)
      .where('elderUserId = :elderUserId OR expiresAt <= :now', { elderUserId, now })
      .execute();
  }

  liveInvite(codeHash: string, now: Date): Promise<FamilyInvite | null> {
    return this.ds.manager.createQueryBuilder(FamilyInvite, 'i').where('i.codeHash = :codeHash AND i.expiresAt > :now', { codeHash, now }).getOne();
  }

  /** Uses a code up; false when someone else used it first. */
  async takeInvite(em: EntityManager, id: string): Promise<boolean> {
    const res = await em.createQueryBuilder().delete().from(FamilyInvite).where('id = :id', { id }).execute();
    return res.affected === 1;
  }

  users(ids: string[], em?: EntityManager): Promise<User[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m(em).find(User, { where: { id: In([...new Set(ids)]) } });
  }
}
