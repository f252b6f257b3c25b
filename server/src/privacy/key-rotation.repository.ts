import { Injectable } from '@nestjs/common';
import { DataSource, Not, Like, IsNull, type EntityManager } from 'typeorm';
import { DuesProfile } from '../dues/dues-profile.entity.js';
import { User } from '../members/user.entity.js';

/** Every encrypted column, by table: what a key rotation has to walk. */
export const ENCRYPTED_COLUMNS = [
  { entity: User, key: 'id', column: 'phoneCipher' },
  { entity: DuesProfile, key: 'id', column: 'baseCipher' },
] as const;
export type EncryptedColumn = (typeof ENCRYPTED_COLUMNS)[number];

/** Queries of the key rotation: values not yet under the current key, in batches. */
@Injectable()
export class KeyRotationRepository {
  constructor(private readonly ds: DataSource) {}

  stale(target: EncryptedColumn, currentKeyId: string, limit: number): Promise<{ id: string; value: string }[]> {
    return this.ds.manager
      .createQueryBuilder(target.entity, 't')
      .select(`t.${target.key}`, 'id')
      .addSelect(`t.${target.column}`, 'value')
      .where({ [target.column]: Not(IsNull()) })
      .andWhere({ [target.column]: Not(Like(`${currentKeyId}:%`)) })
      .limit(limit)
      .getRawMany();
  }

  /** Only if the value is still the one read, so a concurrent write under the new key is never undone. */
  async replace(em: EntityManager, target: EncryptedColumn, id: string, from: string, to: string): Promise<void> {
    await em.createQueryBuilder().update(target.entity).set({ [target.column]: to }).where({ [target.key]: id, [target.column]: from }).execute();
  }
}
