import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DemoLoginRequest, RefreshRequest, WechatLoginRequest } from '@honglin/shared';
import { Public, RateLimit } from '../common/decorators.js';
import { Input } from '../common/validation.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('wechat-login')
  @Public()
  @RateLimit('login')
  @HttpCode(200)
  wechatLogin(@Input(WechatLoginRequest) dto: WechatLoginRequest) {
    return this.auth.wechatLogin(dto.code);
  }

  @Get('demo-personas')
  @Public()
  demoPersonas() {
    return this.auth.demoPersonas();
  }

  @Post('demo-login')
  @Public()
  @RateLimit('login')
  @HttpCode(200)
  demoLogin(@Input(DemoLoginRequest) dto: DemoLoginRequest) {
    return this.auth.demoLogin(dto.persona);
  }

  @Post('refresh')
  @Public()
  @RateLimit('login')
  @HttpCode(200)
  refresh(@Input(RefreshRequest) dto: RefreshRequest) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  async logout(@Input(RefreshRequest) dto: RefreshRequest): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }
}
