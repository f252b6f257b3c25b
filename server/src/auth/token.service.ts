import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

interface AccessClaims {
  sub: string;
  iat: number;
  exp: number;
  typ: 'access';
}

const b64 = (v: string | Buffer) => Buffer.from(v).toString('base64url');
const HEADER = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** Short-lived HS256 access tokens; refresh tokens are opaque and live in the database. */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get accessTtlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  signAccess(userId: string, now = Date.now()): string {
    const iat = Math.floor(now / 1000);
    const claims: AccessClaims = { sub: userId, iat, exp: iat + this.config.ACCESS_TOKEN_TTL_SECONDS, typ: 'access' };
    const payload = b64(JSON.stringify(claims));
    return `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`;
  }

  /** Returns the user id, or throws UNAUTHENTICATED (bad token) / TOKEN_EXPIRED (client should refresh). */
  verifyAccess(token: string, now = Date.now()): string {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) throw new AppError('UNAUTHENTICATED');
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('UNAUTHENTICATED');
    let claims: AccessClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as AccessClaims;
    } catch {
      throw new AppError('UNAUTHENTICATED');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw new AppError('UNAUTHENTICATED');
    if (claims.exp * 1000 <= now) throw new AppError('TOKEN_EXPIRED');
    return claims.sub;
  }

  /** Refresh tokens are stored only as this hash. */
  hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  private sign(input: string): string {
    return createHmac('sha256', this.config.JWT_SECRET).update(input).digest('base64url');
  }
}
