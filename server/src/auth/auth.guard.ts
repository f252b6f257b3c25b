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
    // Both reads at once: every request pays for them, and the grants are useless only when the user is gone.
    const [user, grants] = await Promise.all([this.users.findById(userId), this.users.grantsOf(userId)]);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
    req.actor = { userId, grants };
    return true;
  }
}
