import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';

@Injectable()
export class RefreshTokenRepository {
  constructor(private readonly ds: DataSource) {}

  findByHash(tokenHash: string, em: EntityManager): Promise<RefreshToken | null> {
    return em.findOne(RefreshToken, { where: { tokenHash } });
  }

  async insert(token: RefreshToken, em: EntityManager): Promise<void> {
    await em.insert(RefreshToken, token);
  }

  /** Marks a token used; false when a concurrent request used it first. */
  async markUsed(id: string, at: Date, em: EntityManager): Promise<boolean> {
    const r = await em.createQueryBuilder().update(RefreshToken).set({ usedAt: at }).where('id = :id AND usedAt IS NULL', { id }).execute();
    return (r.affected ?? 0) === 1;
  }

  async revokeFamily(familyId: string, at: Date, em?: EntityManager): Promise<void> {
    await (em ?? this.ds.manager)
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: at })
      .where('familyId = :familyId AND revokedAt IS NULL', { familyId })
      .execute();
  }
}
