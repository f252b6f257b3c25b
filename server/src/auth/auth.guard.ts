import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../common/app-error.js';
import { PUBLIC_KEY } from '../common/decorators.js';
import type { AppRequest } from '../common/request-context.js';
import { UserRepository } from '../members/user.repository.js';
import { TokenService } from './token.service.js';

/**
 * Global guard: every route needs a valid access token unless marked @Public(). Roles are read
 * from the database on each request so a revoked role stops working at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AppRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    const header = req.headers.authorization;
    if (!header) {
      if (isPublic) return true;
      throw new AppError('UNAUTHENTICATED');
    }
    const match = /^Bearer ([A-Za-z0-9._-]{10,2048})$/.exec(header);
    if (!match) throw new AppError('UNAUTHENTICATED');
    const userId = this.tokens.verifyAccess(match[1]);
    const state = await this.users.authState(userId);
    if (!state) throw new AppError('UNAUTHENTICATED');
    if (state.deleted) throw new AppError('ACCOUNT_DELETED');
    if (state.disabled) throw new AppError('ACCOUNT_DISABLED');
    req.actor = { userId, grants: state.grants };
    return true;
  }
}
