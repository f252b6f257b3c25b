import { Injectable } from '@nestjs/common';
import { FieldCrypto } from '../common/field-crypto.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ENCRYPTED_COLUMNS, KeyRotationRepository } from './key-rotation.repository.js';

const BATCH = 500;

/**
 * Re-encrypts every personal field still under an older key with the current one (`npm run
 * keys:rotate`). Safe to run while the server serves: old keys keep reading until the run reports 0
 * remaining, then they can be dropped from DATA_KEYS_OLD.
 */
@Injectable()
export class KeyRotationService {
  constructor(
    private readonly crypto: FieldCrypto,
    private readonly repo: KeyRotationRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async rotate(): Promise<{ reencrypted: number; byColumn: Record<string, number> }> {
    const byColumn: Record<string, number> = {};
    for (const target of ENCRYPTED_COLUMNS) {
      let done = 0;
      for (;;) {
        const rows = await this.repo.stale(target, this.crypto.currentKey, BATCH);
        if (!rows.length) break;
        await this.tx.run(async (em) => {
          for (const r of rows) await this.repo.replace(em, target, r.id, r.value, this.crypto.encrypt(this.crypto.decrypt(r.value)));
        });
        done += rows.length;
      }
      byColumn[`${target.entity.name}.${target.column}`] = done;
    }
    return { reencrypted: Object.values(byColumn).reduce((a, b) => a + b, 0), byColumn };
  }
}
