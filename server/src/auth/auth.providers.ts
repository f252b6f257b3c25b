import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { TokenService } from './token.service.js';

export const AUTH = { controllers: [AuthController], providers: [AuthService, RefreshTokenRepository, TokenService] };
