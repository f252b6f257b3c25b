import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.entity.js';

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);
/** The one row of `audit_head`. */
export const HEAD_ID = 'chain';

export type ChainedFields = Omit<AuditEntry, 'prevHash' | 'hash'>;

/**
 * Keys in a fixed (sorted) order, times as ISO strings with milliseconds (what both databases keep),
 * absent values as null: the same entry always gives the same bytes.
 */
export function canonical(e: ChainedFields): string {
  return JSON.stringify({
    action: e.action,
    actorId: e.actorId,
    actorRole: e.actorRole ?? null,
    at: new Date(e.at).toISOString(),
    id: e.id,
    ip: e.ip ?? null,
    orgPath: e.orgPath ?? null,
    requestId: e.requestId ?? null,
    resourceId: e.resourceId ?? null,
    seq: Number(e.seq),
    subjectUserId: e.subjectUserId ?? null,
  });
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonical(e)).digest('hex');
}
