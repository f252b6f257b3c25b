import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { TokenService } from './token.service.js';
import type { Domain } from '../common/domain.js';
import { RefreshToken } from './refresh-token.entity.js';

export const AUTH: Domain = { controllers: [AuthController], providers: [AuthService, RefreshTokenRepository, TokenService], entities: [RefreshToken] };
