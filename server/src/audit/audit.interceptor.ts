import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { concatMap, type Observable } from 'rxjs';
import { auditScope, type AuditScope } from '../common/audit-context.js';
import { JsonLogger } from '../common/logger.js';
import type { AppRequest } from '../common/request-context.js';
import { managedPaths } from '../common/scope.js';
import { MANAGING_ROLES, type Role } from '@honglin/shared';
import { asId, AuditTrail } from './audit-trail.service.js';
import { isAuditedWrite } from './own-writes.js';

/**
 * Every request runs inside an audit scope (its request id and address, for any entry recorded while
 * answering it). A write by someone holding a managing role on a route that is not a person's own
 * (see own-writes.ts) also gets an entry: method + route pattern, the :id it acted on, the person it
 * was about (a :userId, or a userId in the body). The entry is written inside the first transaction
 * the write commits (TransactionRunner's commit hook), so the two stand or fall together; if the
 * handler committed none, it is appended right after the handler succeeded.
 */
const AUDITED_ROLES: readonly Role[] = [...MANAGING_ROLES, 'grid_worker'];

@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly trail: AuditTrail,
    private readonly logger: JsonLogger,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const pattern = (req.route as { path?: unknown } | undefined)?.path;
    // Grid workers manage nothing else, but their writes on residents' files are audited like an organiser's.
    const manager = !!req.actor && managedPaths(req.actor, AUDITED_ROLES).length > 0;
    const managerWrite = manager && isAuditedWrite(req.method, typeof pattern === 'string' ? pattern : undefined);
    // A write by someone with no managing role (a sign-up, a payment: the bulk of all traffic) records
    // nothing here, and reads of others' data are GETs: such requests skip the scope and its
    // per-request observable chain. A manager's writes keep it (e.g. 代缴 records who paid for whom).
    if (!manager && req.method !== 'GET') return next.handle();
    const scope: AuditScope = { requestId: req.id ?? null, ip: req.ip ?? null };
    if (managerWrite) {
      scope.pending = {
        actor: req.actor!,
        action: `${req.method} ${pattern}`,
        resourceId: asId(req.params?.id) ?? asId(Object.values(req.params ?? {})[0]),
        subjectUserId: asId(req.params?.userId) ?? asId((req.body as { userId?: unknown } | undefined)?.userId),
        state: 'pending',
      };
    }
    return auditScope.run(scope, () =>
      next.handle().pipe(
        concatMap(async (result) => {
          if (scope.pending) await this.trail.flush(scope).catch((error) => this.lost(scope, error));
          return result;
        }),
      ),
    );
  }

  /** The write itself succeeded and cannot be undone here: say so loudly, with the request id. */
  private lost(scope: AuditScope, error: unknown): void {
    this.logger.event('error', 'audit entry not written', { reqId: scope.requestId, action: scope.pending?.action, error });
  }
}
