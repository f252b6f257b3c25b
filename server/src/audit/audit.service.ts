import { Injectable } from '@nestjs/common';
import {
  describeAuditAction,
  describeAuditRole,
  formatChinaDateTime,
  maskName,
  type AuditEntryView,
  type AuditPage,
  type AuditSearchQuery,
  type DataAccessQuery,
  type DataAccessView,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { assertManager } from '../common/scope.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { AuditRepository } from './audit.repository.js';

/**
 * Reading the trail: admins search the entries of the organisations they administer; everyone sees
 * who else looked at or changed their own data.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  /**
   * Admins only (organisers and treasurers: 403). Scope: entries whose org path lies in a subtree the
   * admin holds the admin role on; entries that name no organisation (an actor with grants in two trees
   * and no resource path) only for admins of a root node (a street, a Party committee).
   */
  async search(actor: Actor, q: AuditSearchQuery): Promise<AuditPage<AuditEntryView>> {
    const paths = assertManager(actor, ['admin']);
    const rows = await this.repo.search({
      paths,
      withUnplaced: paths.some((p) => p.split('/').filter(Boolean).length === 1),
      actorId: q.actorId,
      subjectUserId: q.subjectUserId,
      actionPrefix: q.action,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      beforeSeq: q.cursor ? Number(q.cursor) : undefined,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const names = await this.repo.names([...new Set(page.flatMap((e) => [e.actorId, ...(e.subjectUserId ? [e.subjectUserId] : [])]))]);
    const person = (id: string) => ({ id, name: names.get(id) ?? '（已注销）' });
    return {
      items: page.map((e) => ({
        seq: e.seq,
        at: e.at.toISOString(),
        actor: person(e.actorId),
        actorRole: e.actorRole,
        roleText: describeAuditRole(e.actorRole),
        action: e.action,
        description: describeAuditAction(e.action),
        subject: e.subjectUserId ? person(e.subjectUserId) : null,
        resourceId: e.resourceId,
        requestId: e.requestId,
        ip: e.ip,
      })),
      nextCursor: next(rows, q.limit),
    };
  }

  /** 谁查看了我的数据: the caller's own entries by others, names masked like everywhere strangers are named. */
  async dataAccess(actor: Actor, q: DataAccessQuery): Promise<AuditPage<DataAccessView>> {
    const rows = await this.repo.aboutSubject(actor.userId, q.limit + 1, q.cursor ? Number(q.cursor) : undefined);
    const page = rows.slice(0, q.limit);
    const names = await this.repo.names([...new Set(page.map((e) => e.actorId))]);
    return {
      items: page.map((e) => ({
        seq: e.seq,
        at: e.at.toISOString(),
        atText: formatChinaDateTime(e.at),
        actorName: maskName(names.get(e.actorId) ?? '已注销用户'),
        roleText: describeAuditRole(e.actorRole),
        description: describeAuditAction(e.action),
      })),
      nextCursor: next(rows, q.limit),
    };
  }
}

function next(rows: AuditEntry[], limit: number): string | null {
  return rows.length > limit ? String(rows[limit - 1].seq) : null;
}
