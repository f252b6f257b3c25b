import { entryHash, GENESIS } from './audit-chain.js';
import type { AuditRepository } from './audit.repository.js';

export type BrokenReason = 'edited' | 'deleted' | 'inserted';
export type VerifyResult = { entries: number; ok: true; head: Anchor } | { entries: number; ok: false; firstBrokenSeq: number; reason: BrokenReason };
/** A head published outside the database (the hourly `audit head` log line, or a saved verify result). */
export interface Anchor {
  seq: number;
  hash: string;
}

const BATCH = 1000;

/**
 * Recomputes the chain from genesis up to the head read at the start (appends made meanwhile are not
 * counted against it). Finds: a row whose fields or hash changed, or whose link to the row before does
 * not hold (edited); a missing sequence number or a tail missing under the head (deleted); rows past the
 * head (inserted). A tail deleted together with the head rolled back to match is found only against
 * `anchors`, heads published outside the database earlier: each must still be in the chain with the
 * same hash (a rolled-back head is below it: deleted; a rewritten chain has another hash: edited).
 */
export async function verifyAuditChain(repo: AuditRepository, anchors: Anchor[] = []): Promise<VerifyResult> {
  const head = (await repo.head()) ?? { seq: 0, hash: GENESIS };
  const pinned = new Map(anchors.map((a) => [a.seq, a.hash]));
  let entries = 0;
  let expected = 1;
  let running = GENESIS;
  const broken = (firstBrokenSeq: number, reason: BrokenReason) => ({ entries, ok: false as const, firstBrokenSeq, reason });

  while (expected <= head.seq) {
    const rows = (await repo.chain(expected - 1, BATCH)).filter((r) => r.seq <= head.seq);
    if (!rows.length) break;
    for (const row of rows) {
      if (row.seq !== expected) return broken(expected, 'deleted');
      entries += 1;
      if (row.prevHash !== running || entryHash(row.prevHash, row) !== row.hash) return broken(row.seq, 'edited');
      if (pinned.has(row.seq) && pinned.get(row.seq) !== row.hash) return broken(row.seq, 'edited');
      running = row.hash;
      expected += 1;
    }
  }
  if (expected <= head.seq) return broken(expected, 'deleted');
  const lost = anchors.filter((a) => a.seq > head.seq).sort((a, b) => a.seq - b.seq)[0];
  if (lost) return broken(head.seq + 1, 'deleted');
  if (running !== head.hash) return broken(head.seq, 'edited');
  const now = (await repo.head()) ?? head;
  if ((await repo.countAfter(now.seq)) > 0) return broken(now.seq + 1, 'inserted');
  return { entries, ok: true, head: { seq: head.seq, hash: head.hash } };
}
