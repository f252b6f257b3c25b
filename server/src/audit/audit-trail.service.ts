import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Id, MANAGING_ROLES } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { auditScope, type AuditScope, type PendingWrite } from '../common/audit-context.js';
import { newId } from '../common/ids.js';
import { managedPaths } from '../common/scope.js';
import { TransactionRunner, type CommitHook } from '../database/transaction-runner.js';
import { entryHash, type ChainedFields } from './audit-chain.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { AuditRepository } from './audit.repository.js';
import { clock } from '../common/clock.js';

/** What a service says about a read of someone else's data. Ids only, never the values. */
export interface AuditFacts {
  action: string;
  /** Whose data: one entry per person, so each sees it in 谁查看了我的数据. */
  subjects?: string[];
  resourceId?: string | null;
  /** The organisation the data belongs to (a branch, a community): the admins' search scope. Defaults to the path the scope check admitted. */
  orgPath?: string | null;
  /** The capacity the actor acted in when it is not a managing grant over orgPath ('family'). */
  role?: string;
}

type NewEntry = Omit<ChainedFields, 'seq'>;

/**
 * Appends to the hash-chained audit trail. Each append is one locked read of the head, one insert and
 * one update, inside a transaction, so concurrent appends queue on the head and the chain never forks.
 * Writes by organisers are appended inside their own transaction (the CommitHook); reads are recorded
 * before the data is returned, so nothing is shown that was not recorded.
 */
@Injectable()
export class AuditTrail implements CommitHook, OnModuleInit {
  constructor(
    private readonly repo: AuditRepository,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.tx.setCommitHook(this);
  }

  /** Records a read in its own transaction. */
  async record(actor: Actor, facts: AuditFacts): Promise<void> {
    const entries = this.readEntries(actor, facts);
    if (entries.length) await this.tx.run((em) => this.append(em, entries));
  }

  /** Records a read inside the caller's transaction (it commits with what the caller writes). */
  async recordIn(em: EntityManager, actor: Actor, facts: AuditFacts): Promise<void> {
    const entries = this.readEntries(actor, facts);
    if (entries.length) await this.append(em, entries);
  }

  /** Runs last in every transaction: the first one of an organiser's write request carries its entry. */
  async beforeCommit(em: EntityManager): Promise<boolean> {
    const scope = auditScope.getStore();
    const pending = scope?.pending;
    if (!scope || !pending || pending.state !== 'pending') return false;
    pending.state = 'writing';
    try {
      await this.append(em, [this.writeEntry(scope, pending)]);
    } catch (error) {
      pending.state = 'pending';
      throw error;
    }
    return true;
  }

  settled(committed: boolean): void {
    const pending = auditScope.getStore()?.pending;
    if (pending?.state === 'writing') pending.state = committed ? 'done' : 'pending';
  }

  /**
   * After an organiser's write succeeded without committing a transaction of its own (nothing of the
   * request's was reachable to write the entry in): appended now, on its own.
   */
  async flush(scope: AuditScope): Promise<void> {
    const pending = scope.pending;
    if (!pending || pending.state !== 'pending') return;
    pending.state = 'done';
    await this.tx.run((em) => this.append(em, [this.writeEntry(scope, pending)]));
  }

  private async append(em: EntityManager, entries: NewEntry[]): Promise<void> {
    const head = await this.repo.lockHead(em);
    let { seq, hash } = head;
    const rows: AuditEntry[] = entries.map((e) => {
      seq += 1;
      const fields: ChainedFields = { ...e, seq };
      const row = { ...fields, prevHash: hash, hash: entryHash(hash, fields) };
      hash = row.hash;
      return row;
    });
    await this.repo.append(em, rows, { seq, hash });
  }

  private writeEntry(scope: AuditScope, p: PendingWrite): NewEntry {
    const placed = scope.admitted ?? { path: commonAncestor(managedPaths(p.actor)), role: null };
    return {
      ...this.base(scope, p.actor),
      actorRole: placed.role ?? heldRoles(p.actor),
      action: p.action,
      subjectUserId: p.subjectUserId,
      resourceId: p.resourceId,
      orgPath: placed.path,
    };
  }

  private readEntries(actor: Actor, f: AuditFacts): NewEntry[] {
    const scope = auditScope.getStore();
    const subjects = [...new Set(f.subjects ?? [null])].filter((s) => s !== actor.userId);
    const role = f.role ?? roleOver(actor, f.orgPath ?? scope?.admitted?.path) ?? heldRoles(actor);
    return subjects.map((subjectUserId) => ({
      ...this.base(scope, actor),
      actorRole: role,
      action: f.action,
      subjectUserId,
      resourceId: asId(f.resourceId),
      orgPath: f.orgPath ?? scope?.admitted?.path ?? null,
    }));
  }

  private base(scope: AuditScope | undefined, actor: Actor) {
    return { id: newId(), at: clock.now(), actorId: actor.userId, requestId: scope?.requestId ?? null, ip: scope?.ip?.slice(0, 64) ?? null };
  }
}

/** The managing role whose grant reaches `path` most closely. */
function roleOver(actor: Actor, path: string | null | undefined): string | null {
  if (!path) return null;
  const grant = actor.grants.filter((g) => MANAGING_ROLES.includes(g.role) && path.startsWith(g.path)).sort((a, b) => b.path.length - a.path.length)[0];
  return grant?.role ?? null;
}

/** When the route did not say which grant it used: every managing role held, 'organiser,treasurer'. */
function heldRoles(actor: Actor): string | null {
  const roles = [...new Set(actor.grants.filter((g) => MANAGING_ROLES.includes(g.role)).map((g) => g.role))].sort();
  return roles.length ? roles.join(',') : null;
}

/** The deepest node above all of them ('a/b/' for 'a/b/c/' and 'a/b/d/'), or null when they share no root. */
export function commonAncestor(paths: string[]): string | null {
  if (!paths.length) return null;
  const split = paths.map((p) => p.split('/').filter(Boolean));
  const common: string[] = [];
  for (let i = 0; split.every((s) => i < s.length && s[i] === split[0][i]); i++) common.push(split[0][i]);
  return common.length ? `${common.join('/')}/` : null;
}

export function asId(value: unknown): string | null {
  return typeof value === 'string' && Id.safeParse(value).success ? value : null;
}
